/// <reference lib="webworker" />
import * as Comlink from 'comlink';
import { createSimHost } from './simHost';

/** The browser's simulation worker: exposes the host over comlink. */
const api = createSimHost();
Comlink.expose(api);

export type SimWorkerApi = typeof api;
