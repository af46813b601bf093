import { Worker } from 'node:worker_threads';
import type { LongRunRequest, LongRunResult } from './longRun';
import type { MeasureRequest, MeasureResult } from './measureRun';

export type Outcome<T> = { ok: true; result: T } | { ok: false; error: string };
export type MeasureOutcome = Outcome<MeasureResult>;

/**
 * Run one measurement in a fresh worker thread and end the thread. A fresh isolate per run matters: V8
 * specialises the movement kernel to the arrays its closure captures, and a second simulation in the same
 * isolate can halve its speed, which is not how a simulation runs in the app or the CLI.
 */
export function spawnMeasurement(request: MeasureRequest, timeoutMs: number): Promise<MeasureOutcome> {
  return spawnWorkerTask<MeasureResult>(request, timeoutMs);
}

/** The long run (see longRun.ts) in a fresh worker thread, so the heap it reports is the run's alone. */
export function spawnLongRun(request: LongRunRequest, timeoutMs: number): Promise<Outcome<LongRunResult>> {
  return spawnWorkerTask<LongRunResult>(request, timeoutMs);
}

async function spawnWorkerTask<T>(request: MeasureRequest | LongRunRequest, timeoutMs: number): Promise<Outcome<T>> {
  const worker = new Worker(new URL('./measureWorker.mjs', import.meta.url), { workerData: request });
  let timer: NodeJS.Timeout | undefined;
  // The first of these to settle wins; the later ones are no-ops.
  const outcome = await new Promise<Outcome<T>>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, error: `did not finish within ${Math.round(timeoutMs / 1000)} s` }), timeoutMs);
    worker.once('message', (result: T) => resolve({ ok: true, result }));
    worker.once('error', (error) => resolve({ ok: false, error: error.message }));
    worker.once('exit', (code) => resolve({ ok: false, error: `the worker exited with code ${code} before reporting` }));
  });
  clearTimeout(timer);
  await worker.terminate();
  return outcome;
}
