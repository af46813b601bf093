import { describe, expect, it } from 'vitest';
import { createSimulation, type Metrics } from '../../sim/index';
import { loadScenarioFile } from '../support/scenarios';

/** Metrics of each strategy of a scenario after `seconds`, with one seed. */
function outcomesOf(file: string, seconds: number, seed = 1): Record<string, Metrics> {
  const scenario = loadScenarioFile(file);
  return Object.fromEntries(
    scenario.strategies.map((s) => {
      const sim = createSimulation(scenario, { seed, strategy: s.id });
      sim.step(Math.round(seconds / sim.tickS));
      return [s.id, sim.metrics()];
    }),
  );
}

describe('fire in Block I at night', () => {
  // Three seeds: the street office sometimes refuses the top-down request, and then the brigade's order
  // (15 minutes in) starts the top-down warning together with the paper plan's.
  const runs = [1, 2, 3].map((seed) => outcomesOf('scenarios/compound-fire-night.json', 1500, seed));
  const mean = (strategy: string, pick: (m: Metrics) => number) => runs.reduce((a, m) => a + pick(m[strategy]), 0) / runs.length;
  const warnedAt = (m: Metrics) => m.firstOfficialWarningS as number;

  it('warns earliest as a resilient community and latest with a plan on paper', () => {
    for (const m of runs) {
      expect(warnedAt(m.resilient)).toBeLessThan(warnedAt(m['top-down']));
      expect(warnedAt(m['top-down'])).toBeLessThanOrEqual(warnedAt(m['paper-plan']));
    }
    expect(mean('top-down', warnedAt)).toBeLessThan(mean('paper-plan', warnedAt));
  });

  it('costs fewer lives and less exposure the earlier people are warned, and gets more people out', () => {
    const deceased = (m: Metrics) => m.deceased;
    expect(mean('resilient', deceased)).toBeLessThan(mean('top-down', deceased));
    // Warned 13 minutes or more in, top-down comes too late for Block I, like the paper plan; it gets more of the rest out.
    expect(mean('top-down', deceased)).toBeLessThanOrEqual(mean('paper-plan', deceased));
    expect(mean('top-down', (m) => m.safeShare) - mean('paper-plan', (m) => m.safeShare)).toBeGreaterThan(0.3);
    for (const m of runs) expect(m.resilient.exposurePersonS).toBeLessThan(m['paper-plan'].exposurePersonS / 2);
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

describe('epidemic lockdown over five weeks', () => {
  const scenario = loadScenarioFile('scenarios/epidemic-lockdown.json');
  const attack = (strategy: string) => {
    const sim = createSimulation(scenario, { seed: 1, strategy });
    sim.step(Math.round(scenario.simulation.durationS / sim.tickS));
    return sim.metrics().hazards['respiratory-infection'];
  };
  const m = Object.fromEntries(['paper-plan', 'top-down', 'resilient'].map((id) => [id, attack(id)]));

  it('runs days in 15-minute ticks with nobody walking', () => {
    expect(scenario.simulation.movement).toBe(false);
    expect(scenario.simulation.tickS).toBe(900);
  });

  it('infects fewer residents the faster cases are found and isolated', () => {
    expect(m.resilient.attackRate).toBeLessThan(m['top-down'].attackRate);
    expect(m['top-down'].attackRate).toBeLessThan(m['paper-plan'].attackRate);
    // Every case found costs supplies: isolation has a price the logistics must meet.
    expect(m.resilient.found).toBeGreaterThan(0);
    expect(m.resilient.supplyUnitsNeeded).toBeGreaterThan(0);
  });
});

describe('riverside flood with a power cut', () => {
  const m = outcomesOf('scenarios/riverside-flood-power-cut.json', 1200);

  it('keeps the flood’s water balance inside the run (VALIDATION V13)', () => {
    const balance = m.resilient.hazards['canal-flood'];
    expect(balance.inM3).toBeGreaterThan(0);
    expect(balance.relativeError).toBeLessThanOrEqual(1e-3);
  });

  it('gets fewer people hurt by the water the earlier they are warned', () => {
    expect(m.resilient.firstOfficialWarningS as number).toBeLessThan(m['top-down'].firstOfficialWarningS as number);
    expect(m.resilient.exposurePersonS).toBeLessThan(m['top-down'].exposurePersonS);
    expect(m['top-down'].exposurePersonS).toBeLessThan(m['paper-plan'].exposurePersonS);
  });
});

describe('earthquake with trapped residents', () => {
  const m = outcomesOf('scenarios/compound-earthquake.json', 1200);

  it('damages the old masonry blocks, drops debris on the lanes and traps residents', () => {
    const shock = m.resilient.hazards['main-shock'];
    expect(shock.heavy + shock.collapse).toBeGreaterThan(0);
    expect(shock.debrisCells).toBeGreaterThan(0);
    expect(m.resilient.trapped).toBeGreaterThan(0);
  });

  it('frees the trapped sooner the sooner the community acts on its own authority', () => {
    expect(m.resilient.rescued).toBeGreaterThan(m['top-down'].rescued);
    expect(m['top-down'].rescued).toBeGreaterThanOrEqual(m['paper-plan'].rescued);
    expect(m['paper-plan'].rescued).toBe(0);
  });
});
