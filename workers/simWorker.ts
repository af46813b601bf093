/// <reference lib="webworker" />
import * as Comlink from 'comlink';
import { createSimHost, type Frame } from './simHost';

/** The browser's simulation worker: exposes the host over comlink. No simulation logic lives here. */
const api = createSimHost();
Comlink.expose(api);

export type SimWorkerApi = typeof api;
/** A frame as the page receives it (kept as a name of its own for the UI's imports). */
export type RunFrame = Frame;
