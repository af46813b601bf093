import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DrillBrowser, openDrillApp } from './harness';

/** The parts of the review's test hook (ui/review/reviewHook.ts) these tests use. */
interface ReviewHook {
  open: boolean;
  ready: boolean;
  tick: number;
  drawnTick: number;
  endTick: number;
  playing: boolean;
  markers: { kind: string; tick: number }[];
  heatLayer: string | null;
  heatCellsDrawn: number;
  projector: boolean;
  errors: { path: string; message: string }[];
  cursorPositions(): { id: string; x: number }[];
}

const read = <K extends keyof ReviewHook>(page: Page, key: K): Promise<ReviewHook[K]> =>
  page.evaluate((k) => (window as unknown as { __review: ReviewHook }).__review[k], key) as Promise<ReviewHook[K]>;
const cursors = (page: Page) => page.evaluate(() => (window as unknown as { __review: ReviewHook }).__review.cursorPositions());

describe('review mode in the browser', () => {
  let browser: DrillBrowser;
  let page: Page;

  beforeAll(async () => {
    browser = await openDrillApp();
    page = browser.page;
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('opens a review of a five-minute run of the loaded scenario, with markers and charts', async () => {
    await page.click('#review-open');
    await expect.poll(() => read(page, 'ready'), { timeout: 30_000 }).toBe(true);
    await page.fill('#review-minutes', '5');
    await page.click('#review-run');
    // 5 minutes of 0.5 s ticks.
    await expect.poll(() => read(page, 'endTick'), { timeout: 30_000 }).toBe(600);
    expect(await read(page, 'errors')).toEqual([]);
    const kinds = new Set((await read(page, 'markers')).map((m) => m.kind));
    expect(kinds.has('decision')).toBe(true);
    expect(kinds.has('alert')).toBe(true);
    expect(await page.locator('.review-marker[data-kind="decision"]').count()).toBeGreaterThan(0);
    // Seven charts; the supplies chart says why it is empty when the scenario tracks none.
    expect(await page.locator('.review-chart').count()).toBe(7);
    const start = await cursors(page);
    expect(start.length).toBeGreaterThanOrEqual(5);
    expect(start.every((c) => c.x === 0)).toBe(true);
  });

  it('scrubs to a decision marker: the run, the map and every chart cursor follow', async () => {
    const marker = page.locator('.review-marker[data-kind="decision"]').first();
    const tick = Number(await marker.getAttribute('data-tick'));
    expect(tick).toBeGreaterThan(0);
    await marker.click();
    await expect.poll(() => read(page, 'tick'), { timeout: 20_000 }).toBe(tick);
    await expect.poll(() => read(page, 'drawnTick'), { timeout: 20_000 }).toBe(tick);
    expect(Number(await page.inputValue('#review-scrubber'))).toBe(tick);
    // Each cursor sits at the marker's share of its plot's width.
    const widths = await page.$$eval('.review-chart .chart-hit', (nodes) => nodes.map((n) => Number(n.getAttribute('width'))));
    const at = await cursors(page);
    expect(at.length).toBe(widths.length);
    for (const [i, c] of at.entries()) expect(c.x).toBeCloseTo((tick / 600) * widths[i], 0);
    // "Previous alert" goes back to the last alert before the decision.
    const alertBefore = Math.max(...(await read(page, 'markers')).filter((m) => m.kind === 'alert' && m.tick < tick).map((m) => m.tick));
    await page.click('#review-prev-alert');
    await expect.poll(() => read(page, 'tick'), { timeout: 20_000 }).toBe(alertBefore);
  });

  it('seeks where a chart is clicked', async () => {
    const plot = page.locator('.review-chart[data-chart="shares"] .chart-hit');
    const box = await plot.boundingBox();
    if (!box) throw new Error('the shares chart is not on screen');
    await plot.click({ position: { x: box.width * 0.25, y: box.height / 2 } });
    // A quarter of 600 ticks; the cursor may already sit beyond 130 (the previous test's alert), so wait for both bounds.
    await expect
      .poll(
        async () => {
          const tick = await read(page, 'tick');
          return tick > 130 && tick < 170;
        },
        { timeout: 20_000 },
      )
      .toBe(true);
  });

  it('draws a heat map layer with its legend', async () => {
    await page.selectOption('#review-heat', 'crowd');
    await expect.poll(() => read(page, 'heatCellsDrawn'), { timeout: 20_000 }).toBeGreaterThan(100);
    expect(await page.locator('#heat-legend .heat-bar').count()).toBe(1);
    await page.selectOption('#review-heat', 'unreached');
    await expect.poll(() => read(page, 'heatLayer')).toBe('unreached');
    await expect.poll(() => read(page, 'heatCellsDrawn'), { timeout: 20_000 }).toBeGreaterThan(0);
  });

  it('plays on from the cursor, switches to the projector layout and goes back to the drill', async () => {
    const before = await read(page, 'tick');
    await page.selectOption('#review-speed', '64');
    await page.click('#review-play');
    await expect.poll(() => read(page, 'tick'), { timeout: 20_000 }).toBeGreaterThan(before + 20);
    await page.click('#review-play');
    await expect.poll(() => read(page, 'playing')).toBe(false);
    await page.click('#review-projector');
    expect(await page.evaluate(() => document.body.classList.contains('projector'))).toBe(true);
    await page.click('#review-close');
    expect(await read(page, 'open')).toBe(false);
    expect(browser.problems).toEqual([]);
  });
});
