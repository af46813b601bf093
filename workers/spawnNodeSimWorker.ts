import { Worker } from 'node:worker_threads';
import * as Comlink from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import type { NodeSimWorkerApi } from './nodeSimWorker';

/** A simulation host running in a Node worker thread. */
export interface NodeSimWorker {
  /** The host's API (see createSimHost); every call returns a promise. */
  api: Comlink.Remote<NodeSimWorkerApi>;
  /**
   * Rejects if the thread dies on its own (a crash at boot would otherwise leave every call pending
   * forever); race calls against it where that matters.
   */
  crashed: Promise<never>;
  /** Stop the thread and release the proxy. */
  terminate(): Promise<void>;
}

/**
 * Start a simulation host in a worker thread and wrap it in a typed comlink proxy.
 * @example const w = spawnNodeSimWorker(); await w.api.load(text, { seed: 1 }); await w.api.hash(); await w.terminate();
 */
export function spawnNodeSimWorker(): NodeSimWorker {
  const worker = new Worker(new URL('./nodeSimWorker.mjs', import.meta.url));
  const api = Comlink.wrap<NodeSimWorkerApi>(nodeEndpoint(worker));
  let stopping = false;
  const crashed = new Promise<never>((_, reject) => {
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (!stopping) reject(new Error(`the simulation worker exited with code ${code}`));
    });
  });
  // Observed so an unwatched crash is not an unhandled rejection; callers who race it still see it.
  crashed.catch(() => {});
  return {
    api,
    crashed,
    async terminate() {
      stopping = true;
      api[Comlink.releaseProxy]();
      await worker.terminate();
    },
  };
}
