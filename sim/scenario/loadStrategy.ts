import { z } from 'zod';
import { checkScenario } from './check';
import { issueToErrors } from './issues';
import { SCHEMA_VERSION } from './limits';
import { parseJsonFile } from './load';
import { id } from './primitives';
import type { ScenarioError } from './ScenarioError';
import { type Scenario, strategySchema } from './schema';

/**
 * A strategy in its own file: an emergency plan written for one scenario (by id), so a community can keep
 * its plans apart from the map and compare a new one against those the scenario ships.
 */
export const strategyFileSchema = z.strictObject({
  $schema: z.string().optional(),
  schemaVersion: z.literal(SCHEMA_VERSION, { error: `schemaVersion must be ${SCHEMA_VERSION}` }),
  kind: z.literal('strategy', { error: 'a strategy file has "kind": "strategy"' }),
  scenario: id.describe('Id of the scenario the strategy is written for.'),
  strategy: strategySchema,
});
export type StrategyFile = z.infer<typeof strategyFileSchema>;

export type StrategyLoadResult = { ok: true; scenario: Scenario; strategy: string } | { ok: false; errors: ScenarioError[] };

/**
 * Read a strategy file for `scenario` and return the scenario with the strategy added (replacing a strategy
 * of the same id), checked as the scenario's own strategies are. Never throws for bad input.
 */
export function loadStrategyText(scenario: Scenario, text: string): StrategyLoadResult {
  const json = parseJsonFile(text);
  if (!json.ok) return { ok: false, errors: [json.error] };
  const raw = json.value;
  const parsed = strategyFileSchema.safeParse(raw, { reportInput: true });
  if (!parsed.success) {
    return { ok: false, errors: parsed.error.issues.slice(0, 50).flatMap((issue) => issueToErrors(issue, strategyFileSchema, raw)) };
  }
  const file = parsed.data;
  if (file.scenario !== scenario.id) {
    return {
      ok: false,
      errors: [
        {
          path: 'scenario',
          message: `the strategy is written for scenario "${file.scenario}", not "${scenario.id}"`,
          hint: `run it with that scenario, or set "scenario": "${scenario.id}" if it fits this one`,
        },
      ],
    };
  }
  const others = scenario.strategies.filter((s) => s.id !== file.strategy.id);
  const combined: Scenario = { ...scenario, strategies: [...others, file.strategy] };
  const at = `strategies[${others.length}]`;
  const errors = checkScenario(combined)
    .filter((e) => e.path.startsWith(at))
    .map((e) => ({ ...e, path: `strategy${e.path.slice(at.length)}` }));
  return errors.length ? { ok: false, errors } : { ok: true, scenario: combined, strategy: file.strategy.id };
}

/** A strategy of a scenario as a strategy file's content (for "save as a new strategy"). */
export function strategyFileOf(scenario: Scenario, strategy: Scenario['strategies'][number]): StrategyFile {
  return { schemaVersion: SCHEMA_VERSION, kind: 'strategy', scenario: scenario.id, strategy };
}
