import type { CompareLoadReply, CompareReply } from '../../workers/compareHost';
import type { CompareJob, CompareResult } from '../../workers/compareJob';

/** One worker of the pool as the pool sees it (a Web Worker in the page; the host itself in tests). */
export interface CompareEndpoint {
  load(text: string): Promise<CompareLoadReply>;
  run(job: CompareJob): Promise<CompareReply>;
  stop(): void;
}

export interface ComparePoolOptions {
  scenarioText: string;
  jobs: readonly CompareJob[];
  /** Workers to start; never more than there are jobs. */
  workers: number;
  start: () => CompareEndpoint;
  /** Called after each finished run, in the order runs finish. */
  onProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

/** The pool was stopped before it finished (the person pressed Stop, or closed the comparison). */
export class CompareCancelled extends Error {
  override name = 'CompareCancelled';
  constructor() {
    super('the comparison was stopped');
  }
}

/** Most workers a comparison starts in the page: each holds a whole run, and the drill's own worker needs a core too. */
export const MAX_PAGE_WORKERS = 4;

/** Workers to use by default: one per processor, at most MAX_PAGE_WORKERS. */
export function defaultWorkerCount(hardwareConcurrency: number | undefined): number {
  const cores = Number.isInteger(hardwareConcurrency) && (hardwareConcurrency as number) > 0 ? (hardwareConcurrency as number) : 2;
  return Math.min(MAX_PAGE_WORKERS, cores);
}

/**
 * Run every job in a pool of workers, each loading the scenario once and taking the next job when it is free.
 * Results come back in job order whatever the number of workers. The first failure stops the pool and names
 * the run; aborting stops every worker at once.
 */
export async function runComparePool(options: ComparePoolOptions): Promise<CompareResult[]> {
  const { jobs, signal } = options;
  if (!Number.isInteger(options.workers) || options.workers < 1) throw new RangeError(`workers must be a whole number of at least 1, got ${options.workers}`);
  const results: CompareResult[] = new Array(jobs.length);
  if (jobs.length === 0) return results;
  if (signal?.aborted) throw new CompareCancelled();
  const endpoints: CompareEndpoint[] = [];
  let stopped = false;
  const stopAll = () => {
    if (stopped) return;
    stopped = true;
    for (const endpoint of endpoints) endpoint.stop();
  };
  // A stopped worker never answers: every wait races this, which rejects on abort and once the pool ends.
  let halt: (error: Error) => void = () => {};
  const halted = new Promise<never>((_, reject) => {
    halt = reject;
  });
  halted.catch(() => {});
  const onAbort = () => halt(new CompareCancelled());
  signal?.addEventListener('abort', onAbort, { once: true });
  let next = 0;
  let done = 0;
  const work = async (endpoint: CompareEndpoint) => {
    const loaded = await Promise.race([endpoint.load(options.scenarioText), halted]);
    if (!loaded.ok) throw new Error(`the scenario does not load: ${loaded.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
    while (next < jobs.length && !stopped) {
      const index = next++;
      const reply = await Promise.race([endpoint.run(jobs[index]), halted]);
      if (!reply.ok) throw new Error(`the run of ${jobs[index].variant} with seed ${jobs[index].seed} failed: ${reply.error}`);
      results[index] = reply.result;
      done++;
      options.onProgress?.(done, jobs.length);
    }
  };
  try {
    const count = Math.min(options.workers, jobs.length);
    for (let w = 0; w < count; w++) endpoints.push(options.start());
    await Promise.all(endpoints.map(work));
  } finally {
    signal?.removeEventListener('abort', onAbort);
    stopAll();
    halt(new CompareCancelled());
  }
  return results;
}
