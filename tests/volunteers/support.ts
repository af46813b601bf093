import { createSimulation, loadScenarioObject, type Scenario, type ScenarioInput, type Simulation } from '../../sim/index';

/** Validate a scenario object, throwing with every problem listed. */
export function scenarioOf(input: ScenarioInput): Scenario {
  const result = loadScenarioObject(input);
  if (!result.ok) throw new Error(result.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  return result.scenario;
}

/** Run `scenario` with `seed` for `seconds` of simulated time. */
export function runFor(scenario: Scenario, seconds: number, seed = 1): Simulation {
  const sim = createSimulation(scenario, { seed });
  sim.step(Math.round(seconds / sim.tickS));
  return sim;
}

/** Cell of a position in metres. */
export function cellAt(x: number, y: number, width: number, cellSizeM: number): number {
  return Math.floor(y / cellSizeM) * width + Math.floor(x / cellSizeM);
}
