import * as Comlink from 'comlink';
import type { CompareHostApi } from '../../workers/compareHost';
import type { CompareEndpoint } from './comparePool';

/**
 * Start one Web Worker of the comparison pool. A worker that fails (it could not start, ran out of memory)
 * rejects the call under way instead of leaving it pending.
 */
export function startCompareWorker(): CompareEndpoint {
  const worker = new Worker(new URL('../../workers/compareWorker.ts', import.meta.url), { type: 'module', name: 'compare' });
  const remote = Comlink.wrap<CompareHostApi>(worker);
  const failed = new Promise<never>((_, reject) => {
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      reject(new Error(event.message || 'a comparison worker failed to start'));
    });
    worker.addEventListener('messageerror', () => reject(new Error('a message from a comparison worker could not be read')));
  });
  failed.catch(() => {});
  return {
    load: (text) => Promise.race([remote.load(text), failed]),
    run: (job) => Promise.race([remote.run(job), failed]),
    stop: () => {
      remote[Comlink.releaseProxy]();
      worker.terminate();
    },
  };
}
