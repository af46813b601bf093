import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimulation, loadScenarioOrThrow } from '../../sim/index';
import { replayEntries } from '../../ui/drill/recordFormat';
import type { CompareTestHook } from '../../ui/review/compareHook';
import { runCompareJob } from '../../workers/compareJob';
import { playLiveDrill } from '../ui/drill/liveDrill';
import { type DrillBrowser, openDrillApp } from './harness';

/** The drill under review: 400 ticks (200 s) of old-compound with the trainees' six commands, seed 7. */
const END = 400;
const live = playLiveDrill(END);
const scenario = loadScenarioOrThrow(live.scenarioText);
const entries = replayEntries(live.record);

const compare = <K extends keyof CompareTestHook>(page: Page, key: K): Promise<CompareTestHook[K]> =>
  page.evaluate((k) => (window as unknown as { __compare: CompareTestHook }).__compare[k], key) as Promise<CompareTestHook[K]>;
const review = (page: Page, key: 'ready' | 'endTick' | 'tick') =>
  page.evaluate((k) => (window as unknown as { __review: Record<string, unknown> }).__review[k], key) as Promise<number | boolean>;

/** Final state hash of a strategy run alone, computed here in Node. */
function strategyHash(strategy: string, seed: number): string {
  const sim = createSimulation(scenario, { seed, strategy });
  sim.step(END);
  return sim.hash();
}

describe('strategy comparison and branching in the browser', () => {
  let browser: DrillBrowser;
  let page: Page;
  let folder: string;

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'drill-compare-'));
    const recordPath = join(folder, 'night-flood-drill.json');
    writeFileSync(recordPath, JSON.stringify(live.record));
    browser = await openDrillApp();
    page = browser.page;
    // A short headless run opens first; the record is reviewed next.
    await page.evaluate(() => {
      (document.getElementById('review-minutes') as HTMLInputElement).value = '1';
    });
    await page.click('#review-open');
    await page.waitForFunction(() => (window as unknown as { __review: { ready: boolean } }).__review.ready, null, { timeout: 30_000 });
    await page.setInputFiles('#review-file', recordPath);
    await page.waitForFunction((end) => (window as unknown as { __review: { endTick: number } }).__review.endTick === end, END, { timeout: 30_000 });
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  it('runs the same scenario and seed under every strategy and the trainees’ decisions: rows equal Node runs', async () => {
    await page.click('#compare-open');
    await expect.poll(() => compare(page, 'sameSeed'), { timeout: 30_000 }).not.toBeNull();
    const rows = (await compare(page, 'sameSeed')) ?? [];
    expect(rows.map((r) => r.variant)).toEqual([
      'drill',
      'strategy:top-down',
      'strategy:paper-plan',
      'strategy:resilient',
      'strategy:resilient-south-gate-blocked',
    ]);
    expect(rows.every((r) => r.seed === 7 && r.ticks === END)).toBe(true);
    // The drill's row ends where the live drill ended; each strategy's where a Node run with seed 7 ends.
    expect(rows[0]).toMatchObject({ stateHash: live.hash, refusedCommands: 0 });
    for (const r of rows.slice(1)) expect(r.stateHash, r.variant).toBe(strategyHash(r.strategy, 7));
    expect(await page.locator('#compare-same-table tbody tr').count()).toBe(5);
    expect(await page.locator('#compare-same-table tbody tr[data-variant="drill"] td.compare-hash').textContent()).toBe(live.hash);
    // One line per run on each overlaid chart.
    expect(await page.locator('#compare-same-charts .compare-chart[data-chart="safe"] path.compare-line').count()).toBe(5);
  });

  it('runs three seeds per strategy in a pool of two Web Workers and shows means with 95% intervals', async () => {
    await page.click('#compare-tab-seeds');
    await page.fill('#compare-seeds', '3');
    await page.selectOption('#compare-workers', '2');
    await page.click('#compare-run-seeds');
    await expect.poll(async () => (await compare(page, 'seeds')).rows !== null, { timeout: 40_000 }).toBe(true);
    const seeds = await compare(page, 'seeds');
    expect(seeds).toMatchObject({ done: 15, total: 15, workers: 2 });
    const rows = seeds.rows ?? [];
    expect(rows.map((r) => `${r.variant}/${r.seed}`).slice(0, 4)).toEqual(['drill/1', 'drill/2', 'drill/3', 'strategy:top-down/1']);
    // Each row equals a headless run in Node with the same scenario, strategy and seed.
    for (const r of rows) {
      const expected =
        r.variant === 'drill'
          ? runCompareJob(scenario, { variant: 'drill', strategy: live.record.strategy, seed: r.seed, endTick: END, entries }).row.stateHash
          : strategyHash(r.strategy, r.seed);
      expect(r.stateHash, `${r.variant} seed ${r.seed}`).toBe(expected);
    }
    expect(await page.locator('#compare-seeds-table tbody tr').count()).toBe(5);
    expect(await page.locator('#compare-seeds-charts .compare-distribution').count()).toBe(7);
    // Three runs give an interval: a bar per variant for the safe share.
    expect(await page.locator('#compare-seeds-charts [data-metric="safeShare"] rect.dist-ci').count()).toBe(5);
    expect(await page.locator('#compare-seeds-charts [data-metric="safeShare"] circle.dist-dot').count()).toBe(15);
  });

  it('steps two maps together from one cursor and draws their difference', async () => {
    await page.click('#compare-tab-maps');
    await expect.poll(async () => (await compare(page, 'maps')).open, { timeout: 30_000 }).toBe(true);
    await page.locator('#compare-scrubber').fill('300');
    await expect.poll(async () => (await compare(page, 'maps')).drawnTicks, { timeout: 20_000 }).toEqual([300, 300]);
    const maps = await compare(page, 'maps');
    expect(maps).toMatchObject({ tick: 300, frameTicks: [300, 300], layer: 'crowd' });
    // The drill and the top-down plan crowd different cells by then.
    expect(maps.diffCells).toBeGreaterThan(10);
    expect(maps.diffMax).toBeGreaterThan(0);
    expect(await page.locator('#compare-diff-legend .heat-bar').count()).toBe(1);
    await page.click('#compare-play');
    await expect.poll(async () => (await compare(page, 'maps')).tick, { timeout: 20_000 }).toBeGreaterThan(310);
    await page.click('#compare-play');
    await expect.poll(async () => (await compare(page, 'maps')).playing).toBe(false);
    const after = await compare(page, 'maps');
    await expect.poll(async () => (await compare(page, 'maps')).drawnTicks).toEqual([after.tick, after.tick]);
  });

  it('branches at a marker with one more command and compares the two futures', async () => {
    await page.click('#compare-close');
    await page.locator('.review-marker[data-kind="command"][data-tick="95"]').click();
    await expect.poll(() => review(page, 'tick'), { timeout: 20_000 }).toBe(95);
    await page.click('#branch-open');
    expect(await compare(page, 'branchTick')).toBe(95);
    const form = page.locator('#branch-forms details[data-kind="evacuate"]');
    await form.locator('summary').click();
    await form.locator('button[type="submit"]').click();
    expect(await page.locator('#branch-commands li[data-kind="evacuate"]').count()).toBe(1);
    await page.click('#branch-run');
    await expect.poll(() => compare(page, 'branch'), { timeout: 30_000 }).not.toBeNull();
    const outcome = await compare(page, 'branch');
    // The original future is the drill; the branch is its commands up to tick 95 and the order at 95.
    const sim = createSimulation(scenario, { seed: 7, strategy: 'resilient' });
    for (const e of entries.filter((x) => x.tick <= 95)) {
      sim.step(e.tick - sim.tick);
      sim.apply([e.command]);
    }
    sim.apply([{ kind: 'evacuate', zone: 'all', target: 'nearest-safe' }]);
    sim.step(END - sim.tick);
    expect(outcome).toMatchObject({ tick: 95, commands: 1, keepLater: false, originalHash: live.hash, branchHash: sim.hash(), refused: [] });
    expect(outcome?.differences.find((d) => d.column === 'safeShare')?.b).toBeCloseTo(sim.metrics().safeShare * 100, 9);
    expect(await page.locator('#branch-diff-table tbody tr').count()).toBe(7);
    expect(await page.locator('#branch-charts .compare-chart[data-chart="safe"] path.compare-line').count()).toBe(2);
    expect(browser.problems).toEqual([]);
  });
});
