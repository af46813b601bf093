import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createSimulation, loadScenarioOrThrow } from '../../../sim/index';
import { CompareCancelled, type CompareEndpoint, defaultWorkerCount, runComparePool } from '../../../ui/review/comparePool';
import { manySeedJobs, sameSeedJobs, variantsOf } from '../../../ui/review/compareVariants';
import { createCompareHost } from '../../../workers/compareHost';

const text = readFileSync('scenarios/tiny-court.json', 'utf8');
const scenario = loadScenarioOrThrow(text);

/**
 * A worker of the pool in this thread: the same host the page's Web Worker exposes, answering after a delay
 * that differs per run, so runs finish out of order as they do in a real pool.
 */
function inProcess(log: string[]): () => CompareEndpoint {
  let started = 0;
  return () => {
    const id = started++;
    const host = createCompareHost();
    let stopped = false;
    log.push(`start ${id}`);
    return {
      load: async (t) => host.load(t),
      run: (job) =>
        new Promise((resolve) => {
          setTimeout(
            () => {
              if (!stopped) resolve(host.run(job));
            },
            (job.seed * 7 + id * 3) % 11,
          );
        }),
      stop: () => {
        stopped = true;
        log.push(`stop ${id}`);
      },
    };
  };
}

describe('the comparison pool', () => {
  it('runs every job in any number of workers and returns rows in job order, equal to single runs', async () => {
    const variants = variantsOf({ strategy: null, seed: 1, entries: [], endTick: 40 }, scenario.strategies, scenario.strategies[0].id);
    const jobs = manySeedJobs({ strategy: null, seed: 1, entries: [], endTick: 40 }, variants, 3);
    const log: string[] = [];
    const progress: number[] = [];
    const results = await runComparePool({ scenarioText: text, jobs, workers: 2, start: inProcess(log), onProgress: (done) => progress.push(done) });
    expect(results.map((r) => [r.row.strategy, r.row.seed])).toEqual([
      ['as-drawn', 1],
      ['as-drawn', 2],
      ['as-drawn', 3],
      ['gate-only', 1],
      ['gate-only', 2],
      ['gate-only', 3],
    ]);
    for (const { row } of results) {
      const sim = createSimulation(scenario, { seed: row.seed, strategy: row.strategy });
      sim.step(40);
      expect(row.stateHash, `${row.strategy} seed ${row.seed}`).toBe(sim.hash());
    }
    expect(progress).toEqual([1, 2, 3, 4, 5, 6]);
    // Two workers, both stopped at the end.
    expect(log.sort()).toEqual(['start 0', 'start 1', 'stop 0', 'stop 1']);
  });

  it('never starts more workers than jobs, and gives the same rows with one worker', async () => {
    const variants = variantsOf({ strategy: 'gate-only', seed: 4, entries: [], endTick: 30 }, scenario.strategies, 'as-drawn');
    expect(variants.map((v) => [v.id, v.reviewed])).toEqual([
      ['strategy:as-drawn', false],
      ['strategy:gate-only', true],
    ]);
    const jobs = sameSeedJobs({ strategy: 'gate-only', seed: 4, entries: [], endTick: 30 }, variants);
    const log: string[] = [];
    const four = await runComparePool({ scenarioText: text, jobs, workers: 4, start: inProcess(log) });
    const one = await runComparePool({ scenarioText: text, jobs, workers: 1, start: inProcess([]) });
    expect(log.filter((l) => l.startsWith('start'))).toHaveLength(2);
    expect(four.map((r) => r.row.stateHash)).toEqual(one.map((r) => r.row.stateHash));
    expect(four.every((r) => r.metrics !== undefined && r.row.seed === 4)).toBe(true);
  });

  it('names the run that failed, and stops at once when aborted', async () => {
    const bad = [{ variant: 'strategy:fly', strategy: 'fly', seed: 9, endTick: 10, entries: [] }];
    await expect(runComparePool({ scenarioText: text, jobs: bad, workers: 1, start: inProcess([]) })).rejects.toThrow(
      'the run of strategy:fly with seed 9 failed: strategy: scenario "tiny-court" has no strategy "fly"',
    );
    await expect(runComparePool({ scenarioText: '{}', jobs: bad, workers: 1, start: inProcess([]) })).rejects.toThrow('the scenario does not load');
    const controller = new AbortController();
    const log: string[] = [];
    const jobs = manySeedJobs(
      { strategy: null, seed: 1, entries: [], endTick: 20 },
      variantsOf({ strategy: null, seed: 1, entries: [], endTick: 20 }, [], null),
      50,
    );
    const running = runComparePool({
      scenarioText: text,
      jobs,
      workers: 2,
      start: inProcess(log),
      onProgress: (done) => done === 3 && controller.abort(),
      signal: controller.signal,
    });
    await expect(running).rejects.toBeInstanceOf(CompareCancelled);
    expect(log.filter((l) => l.startsWith('stop'))).toHaveLength(2);
  });

  it('uses one worker per processor by default, at most four', () => {
    expect(defaultWorkerCount(1)).toBe(1);
    expect(defaultWorkerCount(2)).toBe(2);
    expect(defaultWorkerCount(16)).toBe(4);
    expect(defaultWorkerCount(undefined)).toBe(2);
  });
});
