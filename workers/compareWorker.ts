/// <reference lib="webworker" />
import * as Comlink from 'comlink';
import { createCompareHost } from './compareHost';

/** A browser worker of the comparison pool: headless runs of one scenario, one job at a time. */
Comlink.expose(createCompareHost());
