import { parentPort, workerData } from 'node:worker_threads';
import { describeErrors } from '../../sim/index';
import { readScenarioFile } from '../scenarioFile';
import { runSweepJob, type SweepJob, type SweepRow } from './sweepJob';

/** What the pool sends: a job and its place in the sweep, so results can come back in any order. */
export interface SweepRequest extends SweepJob {
  index: number;
}
export type SweepReply = { index: number; ok: true; row: SweepRow } | { index: number; ok: false; error: string };

/**
 * A sweep worker: loads the scenario once (workerData.scenarioPath), then runs one job per message until
 * the pool ends the thread.
 */
if (!parentPort) throw new Error('cli/sweep/sweepWorker.ts runs inside a worker thread; start sweeps with runSweep()');
const port = parentPort;
const path = (workerData as { scenarioPath: string }).scenarioPath;
const loaded = readScenarioFile(path);
// Thrown here, the message reaches the pool as the worker's 'error' event.
if (!loaded.ok) throw new Error(`${path}: ${describeErrors(loaded.errors)}`);
const scenario = loaded.scenario;

port.on('message', (request: SweepRequest) => {
  let reply: SweepReply;
  try {
    reply = { index: request.index, ok: true, row: runSweepJob(scenario, request) };
  } catch (error) {
    reply = { index: request.index, ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  port.postMessage(reply);
});
