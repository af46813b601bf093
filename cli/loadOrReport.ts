import type { Scenario } from '../sim/index';
import { err, formatErrors } from './output';
import { readScenarioFile } from './scenarioFile';

/** A problem with the user's files or scenario, already reported on stderr: exit code 1. */
export class InputError extends Error {
  override name = 'InputError';
}

/** Load a scenario for `run` and `info`; its problems go to stderr (stdout may be JSON) and end the command. */
export function loadOrReport(file: string, command: string): Scenario {
  const result = readScenarioFile(file);
  if (result.ok) return result.scenario;
  for (const line of formatErrors(file, result.errors)) err(line);
  const problems = result.errors.length === 1 ? 'the problem above is' : `the ${result.errors.length} problems above are`;
  throw new InputError(`cannot ${command} ${file} until ${problems} fixed`);
}
