import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DrillBrowser, openDrillApp, ROOT } from './harness';

/** The parts of the page's test hook (ui/testHook.ts) these tests use. */
interface Hook {
  tick: number;
  playing: boolean;
  drill: { id: string; entries: number; reachedTick: number | null } | null;
  commandStatus: { ok: boolean; text: string; key: number } | null;
  stateHash(): Promise<string>;
}

const read = <K extends keyof Hook>(page: Page, key: K): Promise<Hook[K]> =>
  page.evaluate((k) => (window as unknown as { __drill: Hook }).__drill[k], key) as Promise<Hook[K]>;
const entries = async (page: Page) => (await read(page, 'drill'))?.entries ?? -1;

/** Click a control that gives a command, and wait for the answer. */
async function answerTo(page: Page, click: () => Promise<void>): Promise<{ ok: boolean; text: string }> {
  const before = (await read(page, 'commandStatus'))?.key ?? 0;
  await click();
  await expect.poll(async () => (await read(page, 'commandStatus'))?.key ?? 0).toBeGreaterThan(before);
  const status = await read(page, 'commandStatus');
  return { ok: status?.ok ?? false, text: status?.text ?? '' };
}

/** Play at the current speed until the clock has moved `ticks` on, then pause. */
async function playFor(page: Page, ticks: number): Promise<void> {
  const start = await read(page, 'tick');
  await page.click('#play');
  await expect.poll(() => read(page, 'tick'), { timeout: 20_000 }).toBeGreaterThan(start + ticks);
  await page.click('#play');
  await expect.poll(() => read(page, 'playing')).toBe(false);
}

const injectItem = (page: Page, id: string) => page.locator(`#facilitator-console li[data-inject="${id}"]`);
const injectButton = (page: Page, id: string, action: string) => page.locator(`#inject-list button[data-inject="${id}"][data-action="${action}"]`);

describe('injects and the facilitator console in the browser', () => {
  let browser: DrillBrowser;
  let page: Page;
  const dir = mkdtempSync(join(tmpdir(), 'drill-e2e-injects-'));
  const exported = join(dir, 'injects.drill.json');

  beforeAll(async () => {
    browser = await openDrillApp();
    page = browser.page;
    for (let i = 0; i < 6; i++) await page.keyboard.press(']');
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows the console only from the facilitator seat, with the next inject and conditions in words', async () => {
    await page.click('#new-drill');
    await expect.poll(() => page.locator('#start-dialog').isVisible()).toBe(true);
    await page.fill('#start-session', 'Injects');
    await page.fill('#start-seed', '5');
    await page.click('#start-submit');
    await expect.poll(() => read(page, 'drill')).not.toBeNull();
    expect(await page.locator('#facilitator-console').isVisible()).toBe(false);
    await playFor(page, 4);
    await page.selectOption('#acting-role', 'facilitator');
    await expect.poll(() => page.locator('#facilitator-console').isVisible()).toBe(true);
    // The first inject fired at 0 s; the rumour at 07:00 comes next.
    expect(await page.locator('#injects-done li[data-status="fired"]').first().getAttribute('data-inject')).toBe('canal-rising');
    expect(await page.locator('#inject-list li.next').getAttribute('data-inject')).toBe('group-chat-rumour');
    expect(await injectItem(page, 'group-chat-rumour').locator('.inject-when').textContent()).toBe('at 07:00');
    expect(await injectItem(page, 'west-gate-crowd').locator('.inject-when').textContent()).toBe(
      'when crowding at West pedestrian gate (2 m) above 1 persons/m² for 30 s',
    );
    expect(await injectItem(page, 'riverside-still-home').locator('.inject-when').textContent()).toBe(
      'from 20:00, when 50% of South-east riverside blocks still at home',
    );
    expect(await injectItem(page, 'fallen-tree').locator('.inject-when').textContent()).toBe('when you fire it');
    // The canal inject reached the trainees' feed, highlighted.
    const fed = page.locator('#event-feed li[data-kind="inject"]');
    expect(await fed.count()).toBe(1);
    expect(await fed.getAttribute('class')).toContain('tone-inject');
    expect(await fed.locator('.title').textContent()).toBe('Heavy rain upstream; the canal is rising');
  });

  it('fires an inject now, delays another, and adds a live inject, each written to the record', async () => {
    const before = await entries(page);
    expect((await answerTo(page, () => injectButton(page, 'basement-water', 'fire').click())).ok).toBe(true);
    expect((await answerTo(page, () => injectButton(page, 'group-chat-rumour', 'delay:300').click())).ok).toBe(true);
    const live = page.locator('details.live-inject[data-kind="blockArea"]');
    await live.locator('summary').click();
    await live.locator('[name="rect"]').fill('22, 42, 3, 3');
    await live.locator('[name="reason"]').fill('burst water main');
    expect((await answerTo(page, () => live.locator('button[type="submit"]').click())).ok).toBe(true);
    // A rumour started by 7.5% of the zone, after a share out of bounds that the form will not send.
    const rumour = page.locator('details.live-inject[data-kind="rumour"]');
    await rumour.locator('summary').click();
    const share = rumour.locator('[name="seedPercent"]');
    expect(await share.inputValue()).toBe('2');
    await share.fill('60');
    expect(await share.evaluate((input: HTMLInputElement) => input.validationMessage)).toBe('Enter a share from 0.1% to 50% of the zone’s residents.');
    await rumour.locator('button[type="submit"]').click();
    await share.fill('7.5');
    expect(await share.evaluate((input: HTMLInputElement) => input.validationMessage)).toBe('');
    expect((await answerTo(page, () => rumour.locator('button[type="submit"]').click())).ok).toBe(true);
    expect(await entries(page)).toBe(before + 4);
    await playFor(page, 2);
    await expect.poll(() => injectItem(page, 'basement-water').getAttribute('data-status')).toBe('fired');
    // Delayed by five minutes from its time: 07:00 + 5:00.
    expect(await injectItem(page, 'group-chat-rumour').locator('.inject-when').textContent()).toBe('at 12:00');
    const fed = page.locator('#event-feed li[data-kind="inject"] .title');
    expect(await fed.allTextContents()).toContain('A resident of Block U calls: water in the bicycle basement');
    expect(await page.locator('#event-feed li[data-kind="blockArea"] .title').first().textContent()).toContain('burst water main');
    // Fired once only: its buttons are gone, and a second firing is refused by the simulation.
    expect(await injectButton(page, 'basement-water', 'fire').count()).toBe(0);
  });

  it('jumps ahead fifteen simulated minutes at once and stays paused; the injects on the way fire', async () => {
    const tickS = 0.5;
    const before = await read(page, 'tick');
    expect(before * tickS).toBeLessThan(720);
    await page.click('#jump-ahead button[data-jump="900"]');
    await expect.poll(() => read(page, 'tick')).toBe(before + 900 / tickS);
    expect(await read(page, 'playing')).toBe(false);
    // The rumour, delayed to 12:00 above, was passed on the way.
    await expect.poll(() => injectItem(page, 'group-chat-rumour').getAttribute('data-status')).toBe('fired');
  });

  it('gives a governance command from the director, and says it waits for approval', async () => {
    await page.selectOption('#acting-role', 'committeeDirector');
    expect(await page.locator('#facilitator-console').isVisible()).toBe(false);
    const command = page.locator('#command-panel details.command[data-kind="openShelter"]');
    await command.locator('summary').click();
    await command.locator('[name="shelter"]').selectOption('school-gym');
    expect((await answerTo(page, () => command.locator('button[type="submit"]').click())).ok).toBe(true);
    await playFor(page, 2);
    const pending = page.locator('#pending-decisions li[data-decision="openShelter"][data-subject="school-gym"]');
    await expect.poll(() => pending.count()).toBe(1);
    expect(await pending.locator('.decision-what').textContent()).toBe('Open a shelter (School gym)');
    expect(await pending.locator('.decision-state').textContent()).toMatch(
      /^waiting for approval from Street office \(asked at [\d:]+\)( Refused once so far; asked again\.)?$/,
    );
  });

  it('exports a record whose headless replay ends in the live hash', async () => {
    await expect.poll(async () => (await read(page, 'drill'))?.reachedTick === (await read(page, 'tick'))).toBe(true);
    const hash = await page.evaluate(() => (window as unknown as { __drill: Hook }).__drill.stateHash());
    const tick = await read(page, 'tick');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-record')]);
    await download.saveAs(exported);
    const record = JSON.parse(readFileSync(exported, 'utf8'));
    expect(record.entries.map((e: { role: string; command: { kind: string } }) => [e.role, e.command.kind])).toEqual([
      ['facilitator', 'fireInject'],
      ['facilitator', 'delayInject'],
      ['facilitator', 'blockArea'],
      ['facilitator', 'rumour'],
      ['committeeDirector', 'openShelter'],
    ]);
    expect(record.entries[3].command).toEqual({ kind: 'rumour', content: 'stayPut', zone: 'all', seedShare: 0.075 });
    const cli = spawnSync(process.execPath, ['cli/drill.mjs', 'replay', exported, '--json'], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(cli.stderr).toBe('');
    expect(JSON.parse(cli.stdout)).toMatchObject({ ticks: tick, stateHash: hash, matches: true });
  });

  it('raised no console errors or uncaught exceptions', () => {
    expect(browser.problems).toEqual([]);
  });
});
