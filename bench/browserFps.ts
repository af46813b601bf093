import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { createSyntheticCommunity } from './syntheticCommunity';

/** `--models browser`: the drill app in headless Chromium at these sizes. */
export const BROWSER_SIZES = [20_000, 100_000] as const;
/** Frames are counted over this long, after the run has played for a little while. */
const MEASURE_MS = 10_000;
const SETTLE_MS = 2_000;
const CHROMIUM_PATH = '/usr/bin/chromium';
const ROOT = fileURLToPath(new URL('../', import.meta.url));
/** Headless, offline; WebGL through Chromium's software rasteriser, so frame rates are a lower bound. */
/**
 * Functions handed to the page are serialised from this file as tsx compiled it, which wraps named
 * functions in an `__name(fn, "name")` helper the page does not have: define it there as a no-op first.
 */
const NAME_HELPER = 'globalThis.__name ??= (fn) => fn';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-sync'];

/** One row of the bench's JSON: the drill view's frame rate with `agents` residents walking, played at ×1. */
export interface BrowserRow {
  model: 'browser';
  agents: number;
  /** Animation frames per second over the measured seconds (requestAnimationFrame callbacks). */
  fps: number | null;
  /** Map updates per second: frames on which the map showed a newer simulation tick. */
  mapUpdatesPerS: number | null;
  /** Simulation ticks per real second while measured (×1 with 0.25 s ticks: 4). */
  ticksPerS: number | null;
  /** 'webgl', 'webgpu' or 'canvas'. */
  renderer: string | null;
  /** What the resident ParticleContainer uploads every frame. */
  particleDynamicProperties: string[] | null;
  /** Residents on the map. */
  residentsDrawn: number | null;
  /**
   * Messages the simulation worker posted while measured, those with a transfer list, and whether every
   * transferred buffer was detached in the worker afterwards (moved, not copied).
   */
  workerMessages: number | null;
  workerMessagesWithTransfer: number | null;
  transferredMB: number | null;
  allTransfersDetached: boolean | null;
  error?: string;
}

/** What the page measures: frames and map updates by requestAnimationFrame, ticks from the test hook. */
interface PageFigures {
  frames: number;
  ms: number;
  mapUpdates: number;
  ticks: number;
}

/**
 * Open the drill app (its Vite dev server) in headless Chromium, load a synthetic community of each size
 * (everyone ordered out at 0 s, so every dot moves every frame), play at ×1 and count animation frames over
 * 10 s. Also reads, from the page, the renderer and the particles' dynamic properties, and, in the simulation
 * worker, whether each frame's arrays were transferred (detached there after posting) rather than copied.
 */
export async function measureBrowser(sizes: readonly number[] = BROWSER_SIZES): Promise<BrowserRow[]> {
  const empty = (agents: number, error: string): BrowserRow => ({
    model: 'browser',
    agents,
    fps: null,
    mapUpdatesPerS: null,
    ticksPerS: null,
    renderer: null,
    particleDynamicProperties: null,
    residentsDrawn: null,
    workerMessages: null,
    workerMessagesWithTransfer: null,
    transferredMB: null,
    allTransfersDetached: null,
    error,
  });
  if (!existsSync(CHROMIUM_PATH)) return sizes.map((n) => empty(n, `no Chromium at ${CHROMIUM_PATH} (apt-get install chromium)`));
  const work = mkdtempSync(join(tmpdir(), 'drill-browser-bench-'));
  let server: ViteDevServer | null = null;
  let context: BrowserContext | null = null;
  try {
    server = await createServer({
      root: ROOT,
      configFile: join(ROOT, 'vite.config.ts'),
      logLevel: 'warn',
      clearScreen: false,
      server: { host: '127.0.0.1', port: 0, hmr: false, watch: null },
    });
    await server.listen();
    const url = server.resolvedUrls?.local[0];
    if (!url) throw new Error('the Vite dev server has no local address');
    context = await chromium.launchPersistentContext(join(work, 'profile'), { executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(url);
    await page.evaluate(NAME_HELPER);
    await page.waitForFunction(() => window.__drill?.title, null, { timeout: 120_000 });
    const rows: BrowserRow[] = [];
    for (const agents of sizes) {
      try {
        rows.push(await measureSize(page, work, agents));
      } catch (error) {
        rows.push(empty(agents, error instanceof Error ? error.message.split('\n')[0] : String(error)));
      }
      process.stderr.write(`browser, ${agents} residents: ${rows[rows.length - 1].fps ?? rows[rows.length - 1].error} fps\n`);
    }
    return rows;
  } finally {
    await context?.close().catch(() => undefined);
    await server?.close();
    rmSync(work, { recursive: true, force: true });
  }
}

async function measureSize(page: Page, work: string, agents: number): Promise<BrowserRow> {
  const { scenario } = createSyntheticCommunity(agents);
  const file = join(work, `synthetic-${agents}.json`);
  writeFileSync(file, JSON.stringify(scenario));
  await pause(page);
  await page.setInputFiles('#scenario-file', file);
  await page.waitForFunction((n) => window.__drill?.title === `Synthetic community of ${n} residents` && window.__drill.residentsDrawn === n, agents, {
    timeout: 180_000,
  });
  await page.locator('#speeds button.speed').first().click();
  await page.waitForFunction(() => window.__drill?.speed === 1);
  await page.locator('#play').click();
  await page.waitForFunction(() => window.__drill?.playing === true);
  await page.waitForTimeout(SETTLE_MS);
  const worker = page.workers().find((w) => w.url().includes('simWorker'));
  if (!worker) throw new Error(`no simulation worker among ${page.workers().length} workers`);
  await worker.evaluate(NAME_HELPER);
  await worker.evaluate(watchTransfers);
  const figures: PageFigures = await page.evaluate(countFrames, MEASURE_MS);
  const transfers = await worker.evaluate(() => (globalThis as unknown as { __transfers: TransferCounts }).__transfers);
  const hook = await page.evaluate(() => ({
    renderer: window.__drill?.renderer ?? null,
    dynamic: window.__drill?.particleDynamicProperties ?? null,
    residents: window.__drill?.residentsDrawn ?? null,
  }));
  await pause(page);
  const perS = (n: number) => Math.round((n * 10_000) / figures.ms) / 10;
  return {
    model: 'browser',
    agents,
    fps: perS(figures.frames),
    mapUpdatesPerS: perS(figures.mapUpdates),
    ticksPerS: perS(figures.ticks),
    renderer: hook.renderer,
    particleDynamicProperties: hook.dynamic,
    residentsDrawn: hook.residents,
    workerMessages: transfers.messages,
    workerMessagesWithTransfer: transfers.withTransfer,
    transferredMB: Math.round((transfers.bytes / 2 ** 20) * 10) / 10,
    allTransfersDetached: transfers.withTransfer > 0 && transfers.notDetached === 0,
  };
}

async function pause(page: Page): Promise<void> {
  if (await page.evaluate(() => window.__drill?.playing)) {
    await page.locator('#play').click();
    await page.waitForFunction(() => window.__drill?.playing === false);
  }
}

interface TransferCounts {
  messages: number;
  withTransfer: number;
  bytes: number;
  notDetached: number;
}

/**
 * In the simulation worker: count what it posts (on itself and on message ports, which carry Comlink's
 * callbacks), and after each post check that every transferred buffer is detached there.
 */
function watchTransfers(): void {
  const g = globalThis as unknown as { __transfers?: TransferCounts; postMessage: (m: unknown, t?: unknown) => void };
  if (g.__transfers) {
    Object.assign(g.__transfers, { messages: 0, withTransfer: 0, bytes: 0, notDetached: 0 });
    return;
  }
  const counts: TransferCounts = { messages: 0, withTransfer: 0, bytes: 0, notDetached: 0 };
  g.__transfers = counts;
  type Post = (this: unknown, message: unknown, transfer?: unknown) => void;
  const wrap = (post: Post) =>
    function (this: unknown, message: unknown, transfer?: unknown) {
      const list = (Array.isArray(transfer) ? transfer : ((transfer as { transfer?: unknown[] } | undefined)?.transfer ?? [])) as unknown[];
      const buffers = list.filter((t): t is ArrayBuffer => t instanceof ArrayBuffer);
      counts.messages++;
      if (buffers.length) counts.withTransfer++;
      for (const b of buffers) counts.bytes += b.byteLength;
      post.call(this, message, transfer);
      for (const b of buffers) if (b.byteLength !== 0) counts.notDetached++;
    };
  g.postMessage = wrap(g.postMessage as Post);
  MessagePort.prototype.postMessage = wrap(MessagePort.prototype.postMessage as Post) as typeof MessagePort.prototype.postMessage;
}

/** In the page: animation frames, and frames on which the map showed a newer tick, over `ms`. */
function countFrames(ms: number): Promise<PageFigures> {
  return new Promise((resolve) => {
    const hook = window.__drill;
    const tick0 = hook?.tick ?? 0;
    let frames = 0;
    let mapUpdates = 0;
    let drawn = hook?.drawnTick ?? -1;
    const start = performance.now();
    const frame = (now: number) => {
      frames++;
      const d = hook?.drawnTick ?? -1;
      if (d !== drawn) {
        mapUpdates++;
        drawn = d;
      }
      if (now - start < ms) requestAnimationFrame(frame);
      else resolve({ frames, ms: now - start, mapUpdates, ticks: (hook?.tick ?? 0) - tick0 });
    };
    requestAnimationFrame(frame);
  });
}

/** The browser rows as lines of the bench's text report. */
export function formatBrowser(rows: readonly BrowserRow[]): string[] {
  const lines = [
    '',
    `Browser: the drill app in headless Chromium (software WebGL, so a lower bound), a synthetic community walking out, played at ×1;`,
    `frames counted by requestAnimationFrame over ${MEASURE_MS / 1000} s`,
  ];
  for (const r of rows) {
    if (r.fps === null) {
      lines.push(`  ${r.agents.toLocaleString('en').padStart(9)} residents: — (${r.error})`);
      continue;
    }
    const transfer = r.allTransfersDetached ? 'transferred (detached in the worker)' : 'NOT all transferred';
    lines.push(
      `  ${r.agents.toLocaleString('en').padStart(9)} residents: ${r.fps} fps, map updated ${r.mapUpdatesPerS}/s, ${r.ticksPerS} ticks/s; ${r.renderer}, ` +
        `particles upload ${(r.particleDynamicProperties ?? []).join(' + ')}; frames ${transfer}: ${r.workerMessagesWithTransfer} of ${r.workerMessages} messages, ${r.transferredMB} MB`,
    );
  }
  return lines;
}
