import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createSimulation, loadScenarioObject, loadScenarioOrThrow, MAX_SERIES_SAMPLES, type Metrics } from '../../sim/index';

const oldCompound = loadScenarioOrThrow(readFileSync('scenarios/old-compound.json', 'utf8'));
const tinyCourtText = readFileSync('scenarios/tiny-court.json', 'utf8');

/** The figures the series samples, as the metrics read them at the same moment. */
function figuresOf(m: Metrics) {
  return {
    informed: Math.round(m.informedShare * m.residents),
    safe: m.safe,
    exposurePersonS: m.exposurePersonS,
    injured: m.injured,
    deceased: m.deceased,
    meanPanic: m.meanPanic,
    meanTrust: m.meanTrust,
    awaitingHelp: m.awaitingHelp,
  };
}

describe('figures over time for review charts', () => {
  it('samples every metricsEveryS the figures the metrics give at that moment', () => {
    const sim = createSimulation(oldCompound, { seed: 4, strategy: 'resilient' });
    const everyTicks = oldCompound.simulation.metricsEveryS / oldCompound.simulation.tickS;
    const expected: ReturnType<typeof figuresOf>[] = [];
    for (let k = 0; k < 60; k++) {
      sim.step(everyTicks);
      expected.push(figuresOf(sim.metrics()));
    }
    const series = sim.metrics().series;
    expect(series.t).toEqual(Array.from({ length: 60 }, (_, k) => (k + 1) * oldCompound.simulation.metricsEveryS));
    const sampled = series.t.map((_, k) => ({
      informed: series.informed[k],
      safe: series.safe[k],
      exposurePersonS: series.exposurePersonS[k],
      injured: series.injured[k],
      deceased: series.deceased[k],
      meanPanic: series.meanPanic[k],
      meanTrust: series.meanTrust[k],
      awaitingHelp: series.awaitingHelp[k],
    }));
    expect(sampled).toEqual(expected);
    // The run warns and moves people within these ten minutes: the test sees changing figures.
    expect(series.informed.at(-1)).toBeGreaterThan(2000);
    expect(series.safe.at(-1)).toBeGreaterThan(1000);
  });

  it('counts persons inside shelters: the clinic of Tiny court fills to its capacity', () => {
    const sim = createSimulation(loadScenarioOrThrow(tinyCourtText), { seed: 1 });
    const every = 20;
    const inClinic: number[] = [];
    for (let k = 0; k < 60; k++) {
      sim.step(every);
      inClinic.push(sim.metrics().safeByPlace.clinic);
    }
    expect(sim.metrics().series.sheltered).toEqual(inClinic);
    expect(inClinic.at(-1)).toBe(10);
  });

  it('stays bounded on a long run by dropping every other sample and doubling the interval', () => {
    const base = JSON.parse(tinyCourtText);
    const loaded = loadScenarioObject({ ...base, simulation: { ...base.simulation, metricsEveryS: base.simulation.tickS } });
    if (!loaded.ok) throw new Error('scenario did not load');
    const sim = createSimulation(loaded.scenario, { seed: 1 });
    const safeAtTick = [0];
    const ticks = MAX_SERIES_SAMPLES * 2 + 100;
    for (let k = 0; k < ticks; k++) {
      sim.step(1);
      safeAtTick.push(sim.metrics().safe);
    }
    const { t, safe } = sim.metrics().series;
    // Full at 2048 samples, thinned to every second tick; full again at tick 4096, thinned to every fourth.
    expect(t.length).toBeLessThanOrEqual(MAX_SERIES_SAMPLES);
    const ticksOf = t.map((s) => Math.round(s / loaded.scenario.simulation.tickS));
    expect(ticksOf[0]).toBe(4);
    expect(ticksOf.every((tick, k) => tick === 4 * (k + 1))).toBe(true);
    expect(ticksOf.at(-1)).toBe(Math.floor(ticks / 4) * 4);
    expect(safe).toEqual(ticksOf.map((tick) => safeAtTick[tick]));
  });
});
