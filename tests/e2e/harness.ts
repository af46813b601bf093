import { mkdtempSync, rmSync } from 'node:fs';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { inject } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** URL of the Vite dev server shared by the browser test files (tests/e2e/sharedServer.ts). */
    drillAppUrl: string;
  }
}

/** Repository root, where index.html and vite.config.ts live. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Flags for a quiet, headless, offline Chromium; WebGL still works through its software rasteriser. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Start the app's Vite dev server on `port` (0: any free port), without file watching or hot reload. */
export async function startAppServer(port: number): Promise<ViteDevServer> {
  const server = await createServer({
    root: ROOT,
    configFile: join(ROOT, 'vite.config.ts'),
    logLevel: 'warn',
    clearScreen: false,
    server: { host: '127.0.0.1', port, strictPort: port !== 0, hmr: false, watch: null },
  });
  await server.listen();
  return server;
}

/** The test run's shared app server (tests/e2e/sharedServer.ts), or undefined outside a Vitest run (the browser bench). */
function sharedAppUrl(): string | undefined {
  try {
    return inject('drillAppUrl');
  } catch {
    return undefined;
  }
}

/** Ask the OS for a free TCP port. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createNetServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface DrillBrowser {
  url: string;
  page: Page;
  /** Console errors and uncaught page errors seen so far. */
  problems: string[];
  close(): Promise<void>;
}

/**
 * Open a fresh headless Chromium profile on the app (the test run's shared Vite dev server, or one of its
 * own), with one page that records console errors and uncaught exceptions. `close` stops what it started
 * and deletes the profile.
 */
export async function openDrillBrowser(): Promise<DrillBrowser> {
  const shared = sharedAppUrl();
  const port = shared ? 0 : await freePort();
  let server: ViteDevServer | null = null;
  let context: BrowserContext | null = null;
  const profile = mkdtempSync(join(tmpdir(), 'drill-e2e-'));
  const close = async () => {
    await context?.close().catch(() => undefined);
    await server?.close();
    rmSync(profile, { recursive: true, force: true });
  };
  try {
    if (!shared) {
      server = await startAppServer(port);
    }
    context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
    const page = context.pages()[0] ?? (await context.newPage());
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('worker', (worker) => worker.on('console', (message) => message.type() === 'error' && problems.push(`worker console: ${message.text()}`)));
    return { url: shared || `http://127.0.0.1:${port}/`, page, problems, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/**
 * Open the drill app and wait until it shows its scenario's title. The first Vite start may pre-bundle
 * pixi.js, so the wait is generous.
 */
export async function openDrillApp(): Promise<DrillBrowser> {
  const browser = await openDrillBrowser();
  try {
    await browser.page.goto(browser.url);
    await browser.page.waitForFunction(() => (window as unknown as { __drill?: { title?: string } }).__drill?.title, null, { timeout: 60_000 });
    return browser;
  } catch (error) {
    await browser.close();
    throw error;
  }
}
