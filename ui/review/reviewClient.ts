import * as Comlink from 'comlink';
import type { ReviewWorkerApi } from '../../workers/reviewWorker';

export interface ReviewWorker {
  remote: Comlink.Remote<ReviewWorkerApi>;
  /** Stop the worker and free its runs. */
  stop(): void;
}

/** Start a review worker beside the drill's own, so reviewing never disturbs the drill's run. */
export function startReviewWorker(onFailure: (message: string) => void): ReviewWorker {
  const worker = new Worker(new URL('../../workers/reviewWorker.ts', import.meta.url), { type: 'module', name: 'review' });
  worker.addEventListener('error', (event) => {
    event.preventDefault();
    onFailure(event.message || 'the review worker failed to start');
  });
  worker.addEventListener('messageerror', () => onFailure('a message from the review worker could not be read'));
  const remote = Comlink.wrap<ReviewWorkerApi>(worker);
  return {
    remote,
    stop: () => {
      remote[Comlink.releaseProxy]();
      worker.terminate();
    },
  };
}
