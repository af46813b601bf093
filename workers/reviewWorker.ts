/// <reference lib="webworker" />
import * as Comlink from 'comlink';
import { createReviewHost } from './reviewHost';
import { buildReviewReport } from './reviewReport'; // after-action report

/**
 * The browser's review worker: replays a drill or headless run for review, beside the live drill's worker.
 * `report` (after-action report) builds the report of the run under review, as `drill report` does.
 */
const api = Object.assign(createReviewHost(), { report: buildReviewReport });
Comlink.expose(api);

export type ReviewWorkerApi = typeof api;
