/// <reference lib="webworker" />
import * as Comlink from 'comlink';
import { createReviewHost } from './reviewHost';

/** The browser's review worker: replays a drill or headless run for review, beside the live drill's worker. */
const api = createReviewHost();
Comlink.expose(api);

export type ReviewWorkerApi = typeof api;
