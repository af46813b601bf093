import { checkScenario } from './check';
import { issueToErrors } from './issues';
import { findJsonSyntaxProblem } from './jsonSyntax';
import { LIMITS } from './limits';
import { migrateScenario } from './migrate';
import type { ScenarioError } from './ScenarioError';
import { type Scenario, scenarioSchema } from './schema';

export type LoadResult = { ok: true; scenario: Scenario } | { ok: false; errors: ScenarioError[] };

/** Largest scenario file accepted, in characters (about 64 MiB). */
export const MAX_SCENARIO_CHARS = 64 * 1024 * 1024;

/** Most errors reported at once: enough to fix a file in a few rounds, few enough to read. */
const MAX_ERRORS = 50;

/**
 * Parse, migrate, validate and check a scenario file's text.
 * Never throws for bad input: every problem comes back as an error with a JSON path.
 */
export function loadScenarioText(text: string): LoadResult {
  if (text.length > MAX_SCENARIO_CHARS) {
    return fail('(file)', `the file is larger than ${MAX_SCENARIO_CHARS / 1024 / 1024} MiB`, 'split the map or lower the resolution');
  }
  const parsed = parseJsonFile(text);
  return parsed.ok ? loadScenarioObject(parsed.value) : { ok: false, errors: [parsed.error] };
}

/** Parse a file's JSON text; a syntax error comes back with its line, column and a hint, never as an exception. */
export function parseJsonFile(text: string): { ok: true; value: unknown } | { ok: false; error: ScenarioError } {
  // Some editors (Windows Notepad) start a UTF-8 file with a byte-order mark, which JSON.parse rejects.
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  try {
    return { ok: true, value: JSON.parse(body) };
  } catch (error) {
    const problem = findJsonSyntaxProblem(body);
    if (!problem) return { ok: false, error: { path: '(file)', message: `this is not valid JSON: ${error instanceof Error ? error.message : String(error)}` } };
    return {
      ok: false,
      error: { path: '(file)', message: `this is not valid JSON: ${problem.reason} at line ${problem.line}, column ${problem.column}`, hint: problem.hint },
    };
  }
}

/** Validate an already parsed scenario object (see `loadScenarioText`). */
export function loadScenarioObject(raw: unknown): LoadResult {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return fail('(file)', 'a scenario file must hold one JSON object { ... }', 'start from scenarios/tiny-court.json');
  }
  const migrated = migrateScenario(raw as Record<string, unknown>);
  if (migrated.errors.length) return { ok: false, errors: migrated.errors };
  // reportInput: the messages name the wrong value ("expected a number, got the text "2"").
  const parsed = scenarioSchema.safeParse(migrated.value, { reportInput: true });
  if (!parsed.success) {
    const errors = parsed.error.issues.slice(0, MAX_ERRORS).flatMap((issue) => issueToErrors(issue, scenarioSchema, migrated.value));
    return { ok: false, errors: errors.slice(0, MAX_ERRORS) };
  }
  const errors = checkScenario(parsed.data);
  return errors.length ? { ok: false, errors } : { ok: true, scenario: parsed.data };
}

/** Like `loadScenarioText` but throws an Error listing every problem; for tests and tools. */
export function loadScenarioOrThrow(text: string): Scenario {
  const result = loadScenarioText(text);
  if (!result.ok) throw new Error(result.errors.map((e) => `${e.path}: ${e.message}${e.hint ? ` (${e.hint})` : ''}`).join('\n'));
  return result.scenario;
}

function fail(path: string, message: string, hint?: string): LoadResult {
  return { ok: false, errors: [{ path, message, hint }] };
}

export { LIMITS };
