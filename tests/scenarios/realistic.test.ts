import { describe, expect, it } from 'vitest';
import { createSimulation, type Metrics } from '../../sim/index';
import { loadScenarioFile } from '../support/scenarios';

/** Metrics of each strategy of a scenario after `seconds`, seed 1. */
function outcomesOf(file: string, seconds: number): Record<string, Metrics> {
  const scenario = loadScenarioFile(file);
  return Object.fromEntries(
    scenario.strategies.map((s) => {
      const sim = createSimulation(scenario, { seed: 1, strategy: s.id });
      sim.step(Math.round(seconds / sim.tickS));
      return [s.id, sim.metrics()];
    }),
  );
}

describe('fire in Block I at night', () => {
  const m = outcomesOf('scenarios/compound-fire-night.json', 1500);

  it('warns earliest as a resilient community and latest with a plan on paper', () => {
    expect(m.resilient.firstOfficialWarningS as number).toBeLessThan(m['top-down'].firstOfficialWarningS as number);
    expect(m['top-down'].firstOfficialWarningS as number).toBeLessThan(m['paper-plan'].firstOfficialWarningS as number);
  });

  it('costs fewer lives and less exposure the earlier people are warned', () => {
    expect(m.resilient.deceased).toBeLessThan(m['top-down'].deceased);
    expect(m['top-down'].deceased).toBeLessThan(m['paper-plan'].deceased);
    expect(m.resilient.exposurePersonS).toBeLessThan(m['paper-plan'].exposurePersonS / 2);
  });
});

describe('ammonia leak near the school', () => {
  const m = outcomesOf('scenarios/gas-leak-school.json', 1500);

  it('shelters the school and the blocks downwind only in the resilient plan', () => {
    expect(m.resilient.sheltering).toBeGreaterThan(200);
    expect(m['top-down'].sheltering).toBe(0);
  });

  it('harms fewer people when those downwind shelter instead of walking through the cloud', () => {
    expect(m.resilient.injured).toBeLessThan(m['top-down'].injured);
    expect(m.resilient.deceased).toBeLessThanOrEqual(m['top-down'].deceased);
    expect(m['paper-plan'].deceased).toBeGreaterThan(m.resilient.deceased);
  });
});
