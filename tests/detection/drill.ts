import { readFileSync } from 'node:fs';
import { createSimulation, describeErrors, loadScenarioObject, type Scenario, type SimEvent, type Simulation } from '../../sim/index';

/**
 * scenarios/drills/detection-drill.json as parsed JSON, fresh for each test to change: smoke starts at
 * 60 s at column 10, row 10, and grows at 0.5 m/s (cells are 1 m, ticks 0.25 s); smoke sensor S1 watches
 * 5 m around column 30, row 10, with a 10 s delay.
 */
// biome-ignore lint/suspicious/noExplicitAny: tests change arbitrary fields of the JSON before loading it.
export function drillJson(): Record<string, any> {
  return JSON.parse(readFileSync('scenarios/drills/detection-drill.json', 'utf8'));
}

/** Hazard start and growth in the drill file. */
export const HAZARD = { startS: 60, growthMps: 0.5, x: 10, y: 10 };

// biome-ignore lint/suspicious/noExplicitAny: see drillJson.
export function load(json: Record<string, any>): Scenario {
  const result = loadScenarioObject(json);
  if (!result.ok) throw new Error(describeErrors(result.errors));
  return result.scenario;
}

/** Run `scenario` with `strategy` and `seed` for `seconds` simulated seconds. */
export function run(scenario: Scenario, strategy: string, seed: number, seconds: number): Simulation {
  const sim = createSimulation(scenario, { seed, strategy });
  sim.step(Math.round(seconds / sim.tickS));
  return sim;
}

/**
 * Time at which a hazard disc growing from the drill's origin first covers a cell `cells` cells away
 * along a row, s: a cell is inside once r² + 0.25 ≥ d² (r and d in cells of 1 m).
 */
export function reachS(cells: number): number {
  return HAZARD.startS + Math.sqrt(cells * cells - 0.25) / HAZARD.growthMps;
}

export function eventsWith(sim: Simulation, kind: string, title: RegExp): SimEvent[] {
  return sim.events().filter((e) => e.kind === kind && title.test(e.title));
}

/** When the community decided to warn (the warning plan started), s, or null. */
export function planStartS(sim: Simulation): number | null {
  return eventsWith(sim, 'activatePlan', /./)[0]?.timeS ?? null;
}

/** Paired differences a − b: their mean and standard error. */
export function pairedStats(a: readonly number[], b: readonly number[]): { mean: number; se: number } {
  const d = a.map((x, k) => x - b[k]);
  const mean = d.reduce((s, x) => s + x, 0) / d.length;
  const variance = d.reduce((s, x) => s + (x - mean) ** 2, 0) / (d.length - 1);
  return { mean, se: Math.sqrt(variance / d.length) };
}
