import { readFileSync, statSync } from 'node:fs';
import { loadStrategyText, type Scenario } from '../sim/index';
import { InputError } from './loadOrReport';
import { err, formatErrors } from './output';

/** Most characters a strategy file may have: plans are small; this keeps a wrong file from filling memory. */
const MAX_STRATEGY_CHARS = 4 * 1024 * 1024;

/**
 * Add the strategy of a strategy file to `scenario`; its problems go to stderr and end the command.
 * Returns the scenario with the strategy and the strategy's id.
 */
export function addStrategyFile(scenario: Scenario, file: string, command: string): { scenario: Scenario; strategy: string } {
  let text: string;
  try {
    if (statSync(file).size > MAX_STRATEGY_CHARS) return fail(file, command, 'the file is larger than 4 MiB: is it a strategy file?');
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException)?.code;
    return fail(file, command, code === 'ENOENT' ? `no such file (the path is relative to ${process.cwd()})` : `cannot be read (${code ?? String(error)})`);
  }
  const result = loadStrategyText(scenario, text);
  if (result.ok) return { scenario: result.scenario, strategy: result.strategy };
  for (const line of formatErrors(file, result.errors)) err(line);
  throw new InputError(
    `cannot ${command} with ${file} until ${result.errors.length === 1 ? 'the problem above is' : `the ${result.errors.length} problems above are`} fixed`,
  );
}

function fail(file: string, command: string, message: string): never {
  err(`${file}: ${message}`);
  throw new InputError(`cannot ${command} with ${file}`);
}
