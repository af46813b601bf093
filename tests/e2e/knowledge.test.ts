import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimulation, loadScenarioOrThrow } from '../../sim/index';
import { type DrillBrowser, openDrillApp, ROOT } from './harness';

/** The parts of the page's test hook (ui/testHook.ts) these tests use. */
interface Hook {
  tick: number;
  timeS: number;
  playing: boolean;
  actingRole: string;
  drill: { id: string } | null;
  residentsDrawn: number;
  hazardCellsDrawn: number;
  truthShown: boolean;
  knowledgeMarkersDrawn: number;
  knownAreaCellsDrawn: number;
  metrics: { residents: number; safe: number } | null;
  governance: { meanApprovalWaitS: number | null; approvalRefusals: number } | null;
}

const read = <K extends keyof Hook>(page: Page, key: K): Promise<Hook[K]> =>
  page.evaluate((k) => (window as unknown as { __drill: Hook }).__drill[k], key) as Promise<Hook[K]>;

const scenarioText = readFileSync(join(ROOT, 'scenarios/old-compound.json'), 'utf8');
const scenario = loadScenarioOrThrow(scenarioText);
/** The first sensor to see the canal: its alert takes this long to reach the desk, s. */
const FIRST_SENSOR_DELAY_S = Math.min(...scenario.sensors.map((s) => s.delayS));
const SEED = 4;
const STRATEGY = 'top-down';

/** Warning-panel figures only the simulation knows: who heard, acts, waits, shelters, and rumour, trust and panic. */
const TRUE_FIGURES = ['informed', 'acting', 'awaitingHelp', 'sheltering', 'vulnerable', 'rumour', 'trust', 'panic'] as const;

/** A count as the page writes it: 1,234. */
const count = (n: number) => new Intl.NumberFormat('en-US').format(n);

/** mm:ss, as the page's clock shows a duration under an hour (whole seconds). */
const stopwatch = (s: number) => `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(Math.floor(s % 60)).padStart(2, '0')}`;

/** The drill's run headless, to `tick`: the figures the page must show there. */
function headlessAt(tick: number) {
  const sim = createSimulation(scenario, { seed: SEED, strategy: STRATEGY });
  sim.step(tick);
  return sim;
}

/** Pause the playing drill and return its run headless at the tick where it stopped. */
async function pauseBesideHeadless(page: Page) {
  await page.click('#play');
  await expect.poll(() => read(page, 'playing')).toBe(false);
  return headlessAt(await read(page, 'tick'));
}

describe('what the command post knows, and co-governance in numbers, in the browser', () => {
  let browser: DrillBrowser;
  let page: Page;

  beforeAll(async () => {
    browser = await openDrillApp();
    page = browser.page;
    for (let i = 0; i < 6; i++) await page.keyboard.press(']');
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('hides the true hazard and the residents from a trainee seat, though the hazard is spreading', async () => {
    await page.click('#new-drill');
    await expect.poll(() => page.locator('#start-dialog').isVisible()).toBe(true);
    await page.fill('#start-session', 'Knowledge');
    await page.selectOption('#start-strategy', STRATEGY);
    await page.fill('#start-seed', String(SEED));
    await page.click('#start-submit');
    await expect.poll(() => read(page, 'drill')).not.toBeNull();
    expect(await read(page, 'actingRole')).toBe('committeeDirector');
    // Half the first sensor's delay, a tick at a time: the canal overflows from 0 s, but no alert has arrived.
    const ticks = Math.floor(FIRST_SENSOR_DELAY_S / 2 / scenario.simulation.tickS);
    for (let k = 0; k < ticks; k++) await page.keyboard.press('n');
    await expect.poll(() => read(page, 'tick')).toBe(ticks);
    expect(await read(page, 'truthShown')).toBe(false);
    expect(await page.locator('#knowledge-note').isVisible()).toBe(true);
    expect(await page.locator('#show-truth').isVisible()).toBe(false);
    expect(await read(page, 'hazardCellsDrawn')).toBe(0);
    expect(await read(page, 'residentsDrawn')).toBe(0);
    expect(await read(page, 'knowledgeMarkersDrawn')).toBe(0);
    expect(await read(page, 'knownAreaCellsDrawn')).toBe(0);
  });

  it('shows the facilitator the truth on the toggle, off by default', async () => {
    await page.selectOption('#acting-role', 'facilitator');
    expect(await read(page, 'truthShown')).toBe(false);
    await page.check('#show-truth');
    await expect.poll(() => read(page, 'truthShown')).toBe(true);
    await expect.poll(() => read(page, 'hazardCellsDrawn')).toBeGreaterThan(0);
    expect(await read(page, 'residentsDrawn')).toBe(scenario.population.groups.reduce((n, g) => n + g.count, 0));
    // The truth is there; the command post still knows nothing of it.
    expect(await read(page, 'knowledgeMarkersDrawn')).toBe(0);
    await page.uncheck('#show-truth');
    await expect.poll(() => read(page, 'truthShown')).toBe(false);
    await page.selectOption('#acting-role', 'committeeDirector');
    expect(await read(page, 'truthShown')).toBe(false);
  });

  it('draws the reports once the first alert has arrived, and still not the truth', async () => {
    await page.click('#play');
    await expect.poll(() => read(page, 'knowledgeMarkersDrawn'), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await read(page, 'timeS')).toBeGreaterThanOrEqual(FIRST_SENSOR_DELAY_S);
    expect(await read(page, 'knownAreaCellsDrawn')).toBeGreaterThan(0);
    expect(await read(page, 'hazardCellsDrawn')).toBe(0);
    expect(await read(page, 'residentsDrawn')).toBe(0);
  });

  it('shows the top-down strategy’s approval wait in the governance panel once the approval has come back', async () => {
    expect(await page.locator('#governance-panel').isVisible()).toBe(true);
    expect(await page.textContent('#governance-panel [data-figure="meanApprovalWaitS"]')).toBe('not yet');
    await expect.poll(async () => (await read(page, 'governance'))?.meanApprovalWaitS ?? null, { timeout: 25_000 }).not.toBeNull();
    const sim = await pauseBesideHeadless(page);
    const m = sim.metrics();
    expect(m.meanApprovalWaitS).not.toBeNull();
    expect((await read(page, 'governance'))?.meanApprovalWaitS).toBe(m.meanApprovalWaitS);
    const refused = m.approvalRefusals > 0 ? ` · ${m.approvalRefusals} refused` : '';
    await expect
      .poll(() => page.textContent('#governance-panel [data-figure="meanApprovalWaitS"]'))
      .toBe(`${stopwatch(m.meanApprovalWaitS as number)}${refused}`);
    expect(await page.textContent('#governance-panel [data-figure="phase"]')).toBe('Response');
    expect(await page.locator('#governance-trail li').count()).toBeGreaterThan(0);
    expect(await page.locator('#governance-panel tr[data-unit]').count()).toBe(m.support.length);
  });

  it('shows a trainee seat the head count and what the command post knows, not how many are at home, warned or dead', async () => {
    expect(await read(page, 'actingRole')).toBe('committeeDirector');
    // On until the first residents are counted in at an exit or shelter, so the head count is not just 0.
    await page.click('#play');
    await expect.poll(async () => (await read(page, 'metrics'))?.safe ?? 0, { timeout: 30_000 }).toBeGreaterThan(0);
    const sim = await pauseBesideHeadless(page);
    const m = sim.metrics();
    const knowledge = sim.knowledge();
    expect(m.safe).toBeGreaterThan(0);
    expect(knowledge.alertsReceived).toBeGreaterThan(0);

    const looks = page.locator('#state-counts dd[data-look]');
    expect(await looks.count()).toBe(8);
    expect(await page.locator('#state-counts').isVisible()).toBe(false);
    expect(await page.locator('#state-bar').isVisible()).toBe(false);
    expect((await looks.allTextContents()).filter((text) => /\d/.test(text))).toEqual([]);
    expect(await page.locator('#state-known-note').isVisible()).toBe(true);
    expect(await page.textContent('#state-known-note')).toBe(
      'The command post does not see every resident: head counts at exits and shelters, reports and needs are on the map and in the feed.',
    );
    const percent = Math.floor((m.safe / m.residents) * 100);
    expect(await page.textContent('#safe-count')).toBe(`safe ${count(m.safe)} / ${count(m.residents)} (${percent}%)`);
    expect(await page.textContent('#state-known [data-known="counted"]')).toBe(count(m.safe));
    expect(await page.textContent('#state-known [data-known="alertsReceived"]')).toBe(count(knowledge.alertsReceived));
    expect(await page.textContent('#state-known [data-known="needsNotMet"]')).toBe(count(knowledge.needs.length));
    // The chart draws the counted (safe) line only: nobody at the command post knows who has heard a warning.
    // A flat line has no height, so Playwright's visibility cannot tell; the style can.
    const informedDisplay = () => page.$eval('#progress-chart polyline[data-line="informed"]', (line) => getComputedStyle(line).display);
    expect(await informedDisplay()).toBe('none');
    expect(await page.getAttribute('#progress-chart polyline[data-line="informed"]', 'points')).toBe('');
    expect(await page.getAttribute('#progress-chart polyline[data-line="safe"]', 'points')).not.toBe('');

    // The facilitator with the truth on sees the breakdown again at once, without a new frame.
    await page.selectOption('#acting-role', 'facilitator');
    expect(await page.locator('#state-counts').isVisible()).toBe(false);
    await page.check('#show-truth');
    await expect.poll(() => page.locator('#state-counts').isVisible()).toBe(true);
    expect(await read(page, 'tick')).toBe(sim.tick);
    expect(await page.locator('#state-known-note').isVisible()).toBe(false);
    const numbers = (await looks.allTextContents()).map((text) => Number(text.replaceAll(',', '')));
    expect(numbers.reduce((a, b) => a + b, 0)).toBe(m.residents);
    expect(await page.textContent('#state-counts dd[data-look="6"]')).toBe(count(m.safe));
    expect(await page.textContent('#state-counts dd[data-look="7"]')).toBe(count(m.deceased));
    expect(await page.getAttribute('#progress-chart polyline[data-line="informed"]', 'points')).not.toBe('');
    expect(await informedDisplay()).not.toBe('none');
    await page.uncheck('#show-truth');
    await expect.poll(() => page.locator('#state-counts').isVisible()).toBe(false);
    expect((await looks.allTextContents()).filter((text) => /\d/.test(text))).toEqual([]);
    await page.selectOption('#acting-role', 'committeeDirector');
  });

  it('shows a trainee seat the warnings the command post sent, not how far they reached; the facilitator with the truth on sees the true figures', async () => {
    expect(await read(page, 'actingRole')).toBe('committeeDirector');
    expect(await read(page, 'playing')).toBe(false);
    // Paused where the previous test left it, once the first residents were counted in: after the first warning.
    const sim = headlessAt(await read(page, 'tick'));
    const m = sim.metrics();
    const official = sim.events().filter((e) => e.kind === 'warn' || e.kind === 'officialUpdate');
    const firstWarning = official.find((e) => e.kind === 'warn');
    if (!firstWarning) throw new Error(`no warning by tick ${sim.tick} in the headless run`);
    const channel = scenario.channels.find((c) => firstWarning.title.startsWith(`Warning on ${c.id}:`));
    if (!channel) throw new Error(`no channel of the scenario in "${firstWarning.title}"`);

    const figure = (id: string) => page.locator(`#warning [data-figure="${id}"]`);
    const cellTexts = () => Promise.all(TRUE_FIGURES.map((id) => figure(id).textContent()));
    expect(await Promise.all(TRUE_FIGURES.map((id) => figure(id).count()))).toEqual(TRUE_FIGURES.map(() => 1));
    expect((await cellTexts()).filter((text) => /\d/.test(text ?? ''))).toEqual([]);
    expect(await Promise.all(TRUE_FIGURES.map((id) => figure(id).isVisible()))).toEqual(TRUE_FIGURES.map(() => false));
    expect(await page.locator('#warning .tile.alarm').count()).toBe(0);
    // What the command post did itself stays: when it warned.
    expect(await page.textContent('#warning [data-figure="firstWarning"] .tile-value')).toBe(stopwatch(m.firstOfficialWarningS as number));

    expect(await page.locator('#warning-sent').isVisible()).toBe(true);
    expect(await page.textContent('#warning-sent-note')).toBe(
      'The command post sees what it sent, not how far it got: who heard a warning, who believes it, rumours, trust and panic are not visible from here.',
    );
    expect(await page.textContent('#warning-sent-count')).toBe(`Official messages sent: ${official.length}`);
    const sent = page.locator('#warning-sent-list li');
    expect(await sent.count()).toBe(official.length);
    // Newest first: the first warning is the last warning listed.
    const first = page.locator('#warning-sent-list li[data-kind="warn"]').last();
    expect(await first.getAttribute('data-channel')).toBe(channel.id);
    expect(Number(await first.getAttribute('data-time-s'))).toBe(firstWarning.timeS);
    expect(await first.locator('time').textContent()).toBe(stopwatch(firstWarning.timeS));
    expect(await first.locator('.sent-channel').textContent()).toBe(channel.name ?? channel.id);

    // The facilitator with the truth on sees the true figures at once, equal to the headless run's.
    await page.selectOption('#acting-role', 'facilitator');
    expect(await figure('informed').isVisible()).toBe(false);
    await page.check('#show-truth');
    await expect.poll(() => figure('informed').isVisible()).toBe(true);
    expect(await read(page, 'tick')).toBe(sim.tick);
    expect(await page.locator('#warning-sent').isVisible()).toBe(false);
    const share = (x: number) => `${Math.floor(x * 100 + 1e-9)}%`;
    const expected: Record<(typeof TRUE_FIGURES)[number], string> = {
      informed: share(m.informedShare),
      acting: share(m.compliedShare),
      awaitingHelp: count(m.awaitingHelp),
      sheltering: count(m.sheltering),
      vulnerable: m.vulnerable > 0 ? count(m.vulnerableReached) : '–',
      rumour: share(m.rumourReach),
      trust: share(m.meanTrust),
      panic: `${share(m.meanPanic)} (${share(m.peakPanic)})`,
    };
    const shown = await Promise.all(TRUE_FIGURES.map((id) => figure(id).evaluate((node) => (node.querySelector('.tile-value') ?? node).textContent)));
    expect(Object.fromEntries(TRUE_FIGURES.map((id, i) => [id, shown[i]]))).toEqual(expected);
    expect(m.informedShare).toBeGreaterThan(0);

    await page.uncheck('#show-truth');
    await expect.poll(() => page.locator('#warning-sent').isVisible()).toBe(true);
    expect((await cellTexts()).filter((text) => /\d/.test(text ?? ''))).toEqual([]);
    await page.selectOption('#acting-role', 'committeeDirector');
  });

  it('raised no console errors or uncaught exceptions', () => {
    expect(browser.problems).toEqual([]);
  });
});
