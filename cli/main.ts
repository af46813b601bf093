import { UsageError } from './args';
import { compareCommand } from './commands/compare';
import { helpCommand } from './commands/help';
import { infoCommand } from './commands/info';
import { replayCommand } from './commands/replay';
import { reportCommand } from './commands/report'; // after-action report
import { runCommand } from './commands/run';
import { validateCommand } from './commands/validate';
import { InputError } from './loadOrReport';
import { err } from './output';

const COMMANDS: Record<string, (argv: readonly string[]) => number | Promise<number>> = {
  validate: validateCommand,
  run: runCommand,
  compare: compareCommand,
  info: infoCommand,
  replay: replayCommand,
  report: reportCommand, // after-action report
  help: helpCommand,
};

/**
 * Run the command line and return its exit code: 0 done, 1 bad files or scenarios, 2 bad usage.
 * Expected problems become one-line messages; only a bug shows a stack, and only with DRILL_DEBUG=1.
 */
export async function main(argv: readonly string[]): Promise<number> {
  const [name, ...rest] = argv;
  const beforeDashes = rest.indexOf('--') >= 0 ? rest.slice(0, rest.indexOf('--')) : rest;
  if (name === '--help' || name === '-h' || beforeDashes.includes('--help') || beforeDashes.includes('-h')) return helpCommand();
  try {
    if (name === undefined) throw new UsageError('give a command: validate, run, compare, info, replay, report or help');
    const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
    if (!command) throw new UsageError(`unknown command "${name}"; the commands are: ${Object.keys(COMMANDS).join(', ')}`);
    // Awaited here so that errors of async commands (compare) reach the handlers below.
    return await command(rest);
  } catch (error) {
    if (error instanceof UsageError) {
      err(`drill: ${error.message}`);
      err('Run "drill help" for usage.');
      return 2;
    }
    if (error instanceof InputError) {
      err(`drill: ${error.message}`);
      return 1;
    }
    err(`drill: internal error: ${error instanceof Error ? error.message : String(error)}`);
    err(process.env.DRILL_DEBUG ? String((error as Error)?.stack) : 'Set DRILL_DEBUG=1 to see where it happened, and please report it.');
    return 1;
  }
}
