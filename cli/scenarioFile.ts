import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { type LoadResult, loadScenarioText } from '../sim/index';
import { MAX_SCENARIO_CHARS } from '../sim/scenario/load';

/**
 * Read and load a scenario file. Reading problems (missing, a folder, unreadable, too large) come back
 * as errors at path `(file)` like any other problem, never as exceptions.
 */
export function readScenarioFile(file: string): LoadResult {
  let text: string;
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) return fileError('this is a folder, not a file', 'give the path of a scenario .json file inside it');
    if (stat.size > MAX_SCENARIO_CHARS)
      return fileError(`the file is larger than ${MAX_SCENARIO_CHARS / 1024 / 1024} MiB`, 'split the map or lower the resolution');
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return fileError(...describeReadError(error));
  }
  // Editors on Windows may save a byte-order mark, which JSON.parse rejects.
  return loadScenarioText(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
}

/**
 * The files named on a command line, with folders expanded to the scenario files directly inside them
 * (JSON Schema files such as scenario.schema.json are not scenarios and are left out).
 */
export function expandScenarioPaths(paths: readonly string[]): string[] {
  const files: string[] = [];
  for (const path of paths) {
    let entries: string[] | null = null;
    try {
      if (statSync(path).isDirectory()) entries = readdirSync(path).sort();
    } catch {
      // Reported when the file itself is read.
    }
    if (entries) files.push(...entries.filter(isScenarioFileName).map((name) => join(path, name)));
    else files.push(path);
  }
  return files;
}

/** Whether a file name looks like a scenario (a .json file that is not a JSON Schema). */
export function isScenarioFileName(name: string): boolean {
  return name.endsWith('.json') && !name.endsWith('.schema.json');
}

function fileError(message: string, hint: string): LoadResult {
  return { ok: false, errors: [{ path: '(file)', message, hint }] };
}

function describeReadError(error: unknown): [string, string] {
  const code = (error as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT':
      return ['no such file', `check the path; it is relative to ${process.cwd()}`];
    case 'EACCES':
    case 'EPERM':
      return ['permission denied', 'make the file readable, or copy it somewhere you can read'];
    case 'EISDIR':
      return ['this is a folder, not a file', 'give the path of a scenario .json file inside it'];
    default:
      return [`cannot be read (${code ?? (error instanceof Error ? error.message : String(error))})`, 'check the path and that the file is readable'];
  }
}
