import { parentPort } from 'node:worker_threads';
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { createSimHost } from './simHost';

/** The Node simulation worker: the same host as the browser worker, exposed over a worker_threads port. */
if (!parentPort) throw new Error('workers/nodeSimWorker.ts runs inside a worker thread; start it with spawnNodeSimWorker()');

const api = createSimHost();
Comlink.expose(api, nodeEndpoint(parentPort));

export type NodeSimWorkerApi = typeof api;
