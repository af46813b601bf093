import type { TestProject } from 'vitest/node';
import { startAppServer } from './harness';

/**
 * Vitest global setup: one Vite dev server for the whole run, whose URL the browser tests receive with
 * `inject('drillAppUrl')`. Starting it costs well under a second; dependencies are pre-bundled on the
 * first page load only, by this one server.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = await startAppServer(0);
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('the shared Vite dev server has no local URL');
  project.provide('drillAppUrl', url);
  return () => server.close();
}
