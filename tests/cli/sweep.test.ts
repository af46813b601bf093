import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { csvField, rowsToCsv } from '../../cli/sweep/csv';
import { runSweep, SweepError } from '../../cli/sweep/runSweep';
import { summarizeValues, tQuantile975 } from '../../cli/sweep/stats';
import { scalarMetrics } from '../../cli/sweep/sweepJob';
import { createSimulation, loadScenarioOrThrow, type Metrics } from '../../sim/index';

const OLD_COMPOUND = 'scenarios/old-compound.json';

describe('runSweep: the worker pool', () => {
  it('runs each (strategy, seed) in worker threads and returns rows equal to single runs, in job order', async () => {
    const progress: number[] = [];
    const result = await runSweep({
      scenarioPath: OLD_COMPOUND,
      strategies: ['resilient', 'top-down'],
      seeds: [3, 4],
      workers: 2,
      untilS: 60,
      onProgress: (done, total) => progress.push(done * 100 + total),
    });
    expect(result).toMatchObject({ scenario: 'old-compound', strategies: ['resilient', 'top-down'], seeds: [3, 4], workers: 2 });
    expect(progress).toEqual([104, 204, 304, 404]);
    const scenario = loadScenarioOrThrow(readFileSync(OLD_COMPOUND, 'utf8'));
    const expected = [
      ['resilient', 3],
      ['resilient', 4],
      ['top-down', 3],
      ['top-down', 4],
    ] as const;
    expected.forEach(([strategy, seed], i) => {
      const sim = createSimulation(scenario, { seed, strategy });
      sim.step(Math.round(60 / sim.tickS));
      const m = sim.metrics();
      expect(result.rows[i]).toMatchObject({ strategy, seed, ticks: 120, simTimeS: 60, stateHash: sim.hash() });
      expect(result.rows[i]).toMatchObject({
        safeShare: m.safeShare,
        decisionS: m.decisionS,
        informedShare: m.informedShare,
        exposurePersonS: m.exposurePersonS,
      });
    });
    // The resilient plan warns within the first minute (see the scenario's levers); the top-down chain does not.
    expect(result.rows[0].decisionS).not.toBeNull();
    expect(result.rows[2].decisionS).toBeNull();
  });

  it('runs every strategy of the scenario by default and never starts more workers than runs', async () => {
    const result = await runSweep({ scenarioPath: 'scenarios/tiny-court.json', seeds: [1], workers: 8, untilS: 5 });
    expect(result.strategies).toEqual(['as-drawn', 'gate-only']);
    expect(result.workers).toBe(2);
    expect(result.rows.map((r) => r.strategy)).toEqual(['as-drawn', 'gate-only']);
  });

  it('refuses an unknown strategy, a bad seed and a bad scenario before starting workers', async () => {
    await expect(runSweep({ scenarioPath: 'scenarios/tiny-court.json', strategies: ['fly'], seeds: [1] })).rejects.toThrow(
      'scenario "tiny-court" has no strategy "fly"; choose one of: as-drawn, gate-only',
    );
    await expect(runSweep({ scenarioPath: 'scenarios/tiny-court.json', seeds: [1.5] })).rejects.toThrow(SweepError);
    await expect(runSweep({ scenarioPath: 'scenarios/missing.json', seeds: [1] })).rejects.toThrow('no such file');
  });
});

describe('sweep rows', () => {
  it('take every numeric scalar metric, including ones added later, and leave out lists and records', () => {
    const metrics = {
      residents: 10,
      safeShare: 0.5,
      decisionS: null,
      vulnerable: 4,
      vulnerableSafe: 3,
      safeShareOverTime: [[0, 0]],
      safeByPlace: { gate: 5 },
      approvalsPending: 2,
      shelters: { hall: 3 },
      seed: 99,
    } as unknown as Metrics;
    expect(scalarMetrics(metrics)).toEqual({
      residents: 10,
      safeShare: 0.5,
      decisionS: null,
      vulnerable: 4,
      vulnerableSafe: 3,
      approvalsPending: 2,
      vulnerableSafeShare: 0.75,
    });
  });

  it('are written as RFC 4180 CSV', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField(null)).toBe('');
    expect(csvField(0.25)).toBe('0.25');
    const row = { scenario: 's', strategy: 'x,y', seed: 1, ticks: 2, simTimeS: 0.5, stateHash: 'ab', safe: null };
    expect(rowsToCsv([row], ['safe'])).toBe('scenario,strategy,seed,ticks,simTimeS,stateHash,safe\r\ns,"x,y",1,2,0.5,ab,\r\n');
  });
});

describe('confidence intervals', () => {
  it('use Student t quantiles from the printed tables', () => {
    expect(tQuantile975(1)).toBe(12.706);
    expect(tQuantile975(9)).toBe(2.262);
    // 2.0096 for 49 and 1.9623 for 1000 degrees of freedom (exact values).
    expect(tQuantile975(49)).toBeCloseTo(2.0096, 3);
    expect(tQuantile975(1000)).toBeCloseTo(1.9623, 3);
    expect(() => tQuantile975(0)).toThrow(RangeError);
  });

  it('give the mean ± t·s/√n, and no interval for a single value', () => {
    // 1..5: mean 3, s = √2.5 = 1.5811, se = 0.7071, t(4) = 2.776, half-width 1.9629.
    const s = summarizeValues([1, 2, 3, 4, 5]);
    expect(s).toMatchObject({ n: 5, mean: 3, min: 1, max: 5 });
    expect(s.ciLow).toBeCloseTo(1.0371, 3);
    expect(s.ciHigh).toBeCloseTo(4.9629, 3);
    expect(summarizeValues([7])).toEqual({ n: 1, mean: 7, ciLow: null, ciHigh: null, min: 7, max: 7 });
    expect(summarizeValues([])).toMatchObject({ n: 0, mean: null });
  });
});
