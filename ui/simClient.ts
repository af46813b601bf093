import * as Comlink from 'comlink';
import type { SimWorkerApi } from '../workers/simWorker';

export type SimRemote = Comlink.Remote<SimWorkerApi>;

/**
 * Start the simulation worker and wrap it. `onFailure` hears about a worker that could not start or
 * crashed, so the page can say so instead of silently freezing.
 */
export function startSimWorker(onFailure: (message: string) => void): SimRemote {
  const worker = new Worker(new URL('../workers/simWorker.ts', import.meta.url), { type: 'module', name: 'simulation' });
  worker.addEventListener('error', (event) => {
    event.preventDefault();
    onFailure(event.message || 'the simulation worker failed to start');
  });
  worker.addEventListener('messageerror', () => onFailure('a message from the simulation worker could not be read'));
  return Comlink.wrap<SimWorkerApi>(worker);
}
