import { readFileSync } from 'node:fs';
import { createSimulation, loadScenarioObject, loadScenarioOrThrow, type Scenario, type Simulation } from '../../sim/index';

/** Load a scenario file of the repository by its path from the repository root. */
export function loadScenarioFile(path: string): Scenario {
  return loadScenarioOrThrow(readFileSync(path, 'utf8'));
}

/** Load `scenarios/validation/NAME.json`. */
export function loadValidation(name: string): Scenario {
  return loadScenarioFile(`scenarios/validation/${name}.json`);
}

/** Step a simulation until everyone is safe or `maxS` simulated seconds have passed. */
export function runUntilAllSafe(sim: Simulation, maxS: number): void {
  const maxTicks = Math.round(maxS / sim.tickS);
  while (sim.tick < maxTicks && sim.metrics().safe < sim.metrics().residents) sim.step(1);
}

export function startSimulation(name: string, seed = 1): Simulation {
  return createSimulation(loadValidation(name), { seed });
}

/** Tiny court without its timeline and strategies, with extra scenario keys (hazards, sensors, channels, ...). */
export function tinyCourtWith(extra: Record<string, unknown>): Scenario {
  const base = JSON.parse(readFileSync('scenarios/tiny-court.json', 'utf8'));
  const result = loadScenarioObject({ ...base, timeline: [], strategies: [], ...extra });
  if (!result.ok) throw new Error(result.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  return result.scenario;
}
