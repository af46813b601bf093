import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { describeErrors, type Scenario } from '../../sim/index';
import { readScenarioFile } from '../scenarioFile';
import { IDENTITY_COLUMNS, type SweepJob, type SweepRow } from './sweepJob';
import type { SweepReply, SweepRequest } from './sweepWorker';
import { bundleSweepWorker } from './workerBundle';

export interface SweepOptions {
  scenarioPath: string;
  /** Strategy ids of the scenario; default: all of them (a scenario without strategies runs as it is). */
  strategies?: readonly string[];
  /** Seeds each strategy runs with; whole numbers from -2147483648 to 4294967295. */
  seeds: readonly number[];
  /** Worker threads; default os.availableParallelism(), never more than there are runs. */
  workers?: number;
  /** Simulated seconds per run; default the scenario's simulation.durationS. */
  untilS?: number;
  /** Called after each finished run, in the order runs finish. */
  onProgress?: (done: number, total: number) => void;
}

export interface SweepResult {
  /** Scenario id. */
  scenario: string;
  /** Strategy ids as the rows name them ("" for a scenario without strategies). */
  strategies: string[];
  seeds: number[];
  /** Worker threads used. */
  workers: number;
  /** One row per run, by strategy then seed, whatever the number of workers. */
  rows: SweepRow[];
  /** Metric columns of the rows, after IDENTITY_COLUMNS, in the simulation's order. */
  metricColumns: string[];
  /** Wall time of the sweep including starting the workers, s. */
  wallS: number;
}

/** A sweep that cannot start: a bad scenario file, an unknown strategy, bad seeds or worker count. */
export class SweepError extends Error {
  override name = 'SweepError';
}

/** The worker through tsx: used when the worker cannot be bundled. */
const WORKER_URL = new URL('./sweepWorker.mjs', import.meta.url);
const MIN_SEED = -(2 ** 31);
const MAX_SEED = 2 ** 32 - 1;

/**
 * Run every (strategy, seed) pair of a scenario headless in a pool of worker threads and return one flat row
 * per run. Each worker loads the scenario once; rows equal `drill run` with the same seed and strategy.
 * @example const { rows } = await runSweep({ scenarioPath: 'scenarios/tiny-court.json', seeds: [1, 2, 3], workers: 2 });
 */
export async function runSweep(options: SweepOptions): Promise<SweepResult> {
  const started = performance.now();
  const loaded = readScenarioFile(options.scenarioPath);
  if (!loaded.ok) throw new SweepError(`${options.scenarioPath}: ${describeErrors(loaded.errors)}`);
  const scenario = loaded.scenario;
  const strategies = options.strategies ?? scenario.strategies.map((s) => s.id);
  for (const id of strategies) {
    const problem = strategyProblem(scenario, id);
    if (problem) throw new SweepError(problem);
  }
  for (const seed of options.seeds) {
    if (!Number.isInteger(seed) || seed < MIN_SEED || seed > MAX_SEED)
      throw new SweepError(`seed ${seed} is not a whole number from ${MIN_SEED} to ${MAX_SEED}`);
  }
  const wanted = options.workers ?? availableParallelism();
  if (!Number.isInteger(wanted) || wanted < 1) throw new SweepError(`workers must be a whole number of at least 1, got ${wanted}`);

  const jobs: SweepJob[] = [];
  for (const strategy of strategies.length ? strategies : [null]) {
    for (const seed of options.seeds) jobs.push({ strategy, seed, untilS: options.untilS });
  }
  const workers = Math.max(1, Math.min(wanted, jobs.length));
  const rows = await runPool(options.scenarioPath, jobs, workers, options.onProgress);
  return {
    scenario: scenario.id,
    strategies: strategies.length ? [...strategies] : [''],
    seeds: [...options.seeds],
    workers,
    rows,
    metricColumns: metricColumns(rows),
    wallS: (performance.now() - started) / 1000,
  };
}

/** Why a strategy id cannot be used with a scenario, or null when it can. */
export function strategyProblem(scenario: Scenario, id: string): string | null {
  if (scenario.strategies.some((s) => s.id === id)) return null;
  const known = scenario.strategies.map((s) => s.id);
  return known.length
    ? `scenario "${scenario.id}" has no strategy "${id}"; choose one of: ${known.join(', ')}`
    : `scenario "${scenario.id}" defines no strategies; leave out --strategies`;
}

/** The metric columns of the rows in order of first appearance (every row of one scenario has the same). */
export function metricColumns(rows: readonly SweepRow[]): string[] {
  const columns = new Set<string>();
  for (const row of rows) for (const name of Object.keys(row)) if (!(IDENTITY_COLUMNS as readonly string[]).includes(name)) columns.add(name);
  return [...columns];
}

/** Hand jobs to `count` workers one at a time; each result lands at its job's index. */
async function runPool(
  scenarioPath: string,
  jobs: readonly SweepJob[],
  count: number,
  onProgress?: (done: number, total: number) => void,
): Promise<SweepRow[]> {
  const rows: SweepRow[] = new Array(jobs.length);
  if (jobs.length === 0) return rows;
  const workers: Worker[] = [];
  const bundle = await bundleSweepWorker();
  const workerUrl = bundle?.url ?? WORKER_URL;
  try {
    // The first settle wins: a reply after a failure, or the exit events of terminate(), change nothing.
    await new Promise<void>((resolve, reject) => {
      let next = 0;
      let done = 0;
      const feed = (worker: Worker) => {
        if (next >= jobs.length) return;
        const request: SweepRequest = { index: next, ...jobs[next] };
        next++;
        worker.postMessage(request);
      };
      for (let w = 0; w < count; w++) {
        const worker = new Worker(workerUrl, { workerData: { scenarioPath } });
        workers.push(worker);
        worker.on('message', (reply: SweepReply) => {
          if (!reply.ok) return reject(new Error(`${describeJob(jobs[reply.index])} failed: ${reply.error}`));
          rows[reply.index] = reply.row;
          done++;
          try {
            onProgress?.(done, jobs.length);
          } catch (error) {
            return reject(error);
          }
          if (done === jobs.length) resolve();
          else feed(worker);
        });
        worker.once('error', (error) => reject(new Error(`a sweep worker failed: ${error.message}`)));
        worker.once('exit', (code) => reject(new Error(`a sweep worker stopped (exit code ${code}) before the sweep finished`)));
        feed(worker);
      }
    });
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
    bundle?.dispose();
  }
  return rows;
}

function describeJob(job: SweepJob): string {
  return `the run with strategy ${job.strategy ?? '(default)'} and seed ${job.seed}`;
}
