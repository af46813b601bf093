import { parentPort, workerData } from 'node:worker_threads';
import { type LongRunRequest, runLongRun } from './longRun';
import { type MeasureRequest, measureRun } from './measureRun';
import { measurePeer } from './peers/measurePeer';
import { isPeerModel } from './peers/peerModels';

/** One measurement per worker thread: the request comes as workerData, the result goes back as one message. */
if (!parentPort) throw new Error('bench/measureWorker.ts runs inside a worker thread; start the bench with "npm run bench"');
const request = workerData as MeasureRequest | LongRunRequest;
if ('kind' in request) parentPort.postMessage(runLongRun(request));
else parentPort.postMessage(isPeerModel(request.model) ? await measurePeer(request) : measureRun(request));
