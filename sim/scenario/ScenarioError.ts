/** A problem in a scenario file, phrased for its author. */
export interface ScenarioError {
  /** JSON path of the offending value, for example `population.groups[2].count`; `(file)` for the whole file. */
  path: string;
  /** What is wrong. */
  message: string;
  /** How to fix it. */
  hint?: string;
}

/** Format a path of keys and indexes as `a.b[2].c`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) out += out ? `.${key}` : key;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out || '(file)';
}

/** One line per error: `path: message (hint)`. */
export function describeErrors(errors: readonly ScenarioError[]): string {
  return errors.map((e) => `${e.path}: ${e.message}${e.hint ? ` — ${e.hint}` : ''}`).join('\n');
}
