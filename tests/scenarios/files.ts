import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** The repository's scenarios folder. */
export const SCENARIOS_DIR = 'scenarios';

/** Strategy files (a strategy written for a scenario, see loadStrategyText), not scenarios. */
export const STRATEGIES_DIR = join(SCENARIOS_DIR, 'strategies');

/** Every shipped scenario file under scenarios/ (recursively), except the generated JSON Schema and strategy files. */
export function shippedScenarioFiles(dir = SCENARIOS_DIR): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory() && path !== STRATEGIES_DIR) out.push(...shippedScenarioFiles(path));
    else if (entry.name.endsWith('.json') && entry.name !== 'scenario.schema.json') out.push(path);
  }
  return out.sort();
}

/** A fresh, mutable copy of tiny-court as parsed JSON: each invalid example starts from it. */
// biome-ignore lint/suspicious/noExplicitAny: the invalid examples poke at arbitrary JSON on purpose.
export function tinyCourt(): Record<string, any> {
  return JSON.parse(readFileSync(join(SCENARIOS_DIR, 'tiny-court.json'), 'utf8'));
}

export const readText = (path: string) => readFileSync(path, 'utf8');
export const shortName = (path: string) => relative(SCENARIOS_DIR, path);
