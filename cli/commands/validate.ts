import { parseArgs, UsageError } from '../args';
import { formatErrors, out } from '../output';
import { expandScenarioPaths, readScenarioFile } from '../scenarioFile';

/**
 * `drill validate FILE...`: check scenario files (folders: the scenario files directly inside).
 * Prints `FILE: ok` or one `FILE: json.path: message — hint` line per error; exit 1 if any file has one.
 */
export function validateCommand(argv: readonly string[]): number {
  const { positionals } = parseArgs('drill validate', argv, {});
  if (positionals.length === 0)
    throw new UsageError('"drill validate" needs one or more scenario files, for example: drill validate scenarios/tiny-court.json');
  const files = expandScenarioPaths(positionals);
  if (files.length === 0) {
    out(`${positionals.join(', ')}: no scenario files (*.json) here — give .json files or a folder holding them`);
    return 1;
  }
  let failed = 0;
  for (const file of files) {
    const result = readScenarioFile(file);
    if (result.ok) {
      out(`${file}: ok`);
    } else {
      failed++;
      for (const line of formatErrors(file, result.errors)) out(line);
    }
  }
  return failed > 0 ? 1 : 0;
}
