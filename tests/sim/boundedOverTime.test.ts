import { describe, expect, it } from 'vitest';
import { MAX_OVER_TIME_SAMPLES } from '../../sim/governance/stepGovernance';
import { createSimulation } from '../../sim/index';
import { MAX_SERIES_SAMPLES } from '../../sim/systems/series';
import { loadScenarioFile } from '../support/scenarios';

describe('figures over time stay bounded in a long run', () => {
  it('keeps the safe and informed shares with the series: at most MAX_SERIES_SAMPLES, thinned to every other sample', () => {
    // Tiny court samples every 5 s (the default): 12 simulated hours are 8,640 samples before thinning.
    const scenario = loadScenarioFile('scenarios/tiny-court.json');
    expect(scenario.simulation.metricsEveryS).toBe(5);
    const sim = createSimulation(scenario, { seed: 1 });
    sim.step(Math.round((12 * 3600) / sim.tickS));
    const m = sim.metrics();
    // The metrics put a [0, 0] sample first.
    const safe = m.safeShareOverTime.slice(1);
    const informed = m.informedShareOverTime.slice(1);
    expect(safe.length).toBeLessThanOrEqual(MAX_SERIES_SAMPLES);
    expect(safe.length).toBeGreaterThan(MAX_SERIES_SAMPLES / 2);
    expect(informed.map(([t]) => t)).toEqual(safe.map(([t]) => t));
    expect(safe.map(([t]) => t)).toEqual(m.series.t);
    // 8,640 samples of 5 s thinned three times (to 1,080): one every 40 s.
    const gaps = new Set(safe.slice(1).map(([t], k) => t - safe[k][0]));
    expect([...gaps]).toEqual([40]);
    expect(safe.at(-1)?.[0]).toBe(12 * 3600);
  });

  it('thins the supplies over time of a five-week epidemic to every other logistics step', () => {
    // Ticks of 900 s, a logistics step at each: 3,840 steps in 40 days, more than MAX_OVER_TIME_SAMPLES.
    const scenario = loadScenarioFile('scenarios/epidemic-lockdown.json');
    expect(scenario.simulation.tickS).toBe(900);
    const sim = createSimulation(scenario, { seed: 1, strategy: scenario.strategies[0].id });
    sim.step(Math.round((40 * 86_400) / sim.tickS));
    const supplies = sim.metrics().suppliesOverTime;
    expect(supplies.length).toBeLessThanOrEqual(MAX_OVER_TIME_SAMPLES);
    expect(supplies.length).toBeGreaterThan(MAX_OVER_TIME_SAMPLES / 2);
    const gaps = new Set(supplies.slice(1).map(([t], k) => t - supplies[k][0]));
    expect([...gaps]).toEqual([1800]);
    expect(40 * 86_400 - (supplies.at(-1)?.[0] ?? 0)).toBeLessThanOrEqual(1800);
  });
});
