import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimulation, loadStrategyText } from '../../sim/index';
import { loadScenarioFile } from '../support/scenarios';
import { type DrillBrowser, openDrillApp } from './harness';

const SEED = 7;
const MINUTES = 10;
const dir = mkdtempSync(join(tmpdir(), 'drill-report-e2e-'));
const ready = (page: Page) => page.evaluate(() => (window as unknown as { __review: { ready: boolean } }).__review.ready);

describe('the after-action report in review mode', () => {
  let browser: DrillBrowser;
  let page: Page;

  beforeAll(async () => {
    browser = await openDrillApp();
    page = browser.page;
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('the Report button builds the report in the review worker and downloads a self-contained HTML page with the run’s figures', async () => {
    await page.click('#review-open');
    await expect.poll(() => ready(page), { timeout: 30_000 }).toBe(true);
    await page.selectOption('#review-strategy', 'top-down');
    await page.fill('#review-seed', String(SEED));
    await page.fill('#review-minutes', String(MINUTES));
    await page.click('#review-run');
    await expect.poll(() => page.evaluate(() => (window as unknown as { __review: { endTick: number } }).__review.endTick), { timeout: 30_000 }).toBe(1200);

    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 180_000 }), page.click('#review-report')]);
    expect(download.suggestedFilename()).toBe(`after-action-report-old-compound-seed-${SEED}.html`);
    const file = join(dir, 'report.html');
    await download.saveAs(file);
    const html = readFileSync(file, 'utf8');

    // The same run, made here: its hash and figures are in the page.
    const scenario = loadScenarioFile('scenarios/old-compound.json');
    const sim = createSimulation(scenario, { seed: SEED, strategy: 'top-down' });
    sim.step(MINUTES * 120);
    expect(html).toContain(sim.hash());
    const m = sim.metrics();
    const safe = `${((m.safe / m.residents) * 100).toFixed(1)}%`;
    expect(html).toContain(safe);
    expect(html).not.toMatch(/https?:\/\//i);
    expect(html).not.toMatch(/<script|<link/i);
    expect((html.match(/<svg /g) ?? []).length).toBeGreaterThanOrEqual(4);
  }, 240_000);

  it('lists the improvement plan; each item downloads a strategy file that loads', async () => {
    await page.waitForSelector('#report-plan li');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#report-strategy-1')]);
    expect(download.suggestedFilename()).toMatch(/^top-down-.+\.json$/);
    const file = join(dir, 'strategy.json');
    await download.saveAs(file);
    const loaded = loadStrategyText(loadScenarioFile('scenarios/old-compound.json'), readFileSync(file, 'utf8'));
    expect(loaded.ok).toBe(true);
    expect(browser.problems).toEqual([]);
  });
});
