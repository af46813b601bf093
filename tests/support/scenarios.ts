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

/**
 * A flood for Tiny court (20 × 8 cells of 1 m): the road (row 6) a metre below the rest, and a breach at its
 * east end pouring in 0.1 m³/s; `source` overrides the breach's settings.
 */
export function tinyCourtFlood(source: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'breach',
    kind: 'flood',
    flood: {
      elevation: { baseM: 1, shapes: [{ kind: 'level', rect: { x: 1, y: 6, w: 18, h: 1 }, elevationM: 0 }] },
      sources: [{ id: 'gap', kind: 'breach', rect: { x: 18, y: 6, w: 1, h: 1 }, inflowM3s: 0.1, ...source }],
    },
  };
}
