import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DrillBrowser, openDrillApp, ROOT } from './harness';

/** The parts of the page's test hook (ui/testHook.ts) these tests use. */
interface Hook {
  title: string | null;
  tick: number;
  playing: boolean;
  language: string;
  drill: { id: string; sessionName: string; roles: string[]; entries: number; reachedTick: number | null } | null;
  resumeOffer: { id: string; entries: number } | null;
  commandStatus: { ok: boolean; text: string; key: number } | null;
  stateHash(): Promise<string>;
}

const read = <K extends keyof Hook>(page: Page, key: K): Promise<Hook[K]> =>
  page.evaluate((k) => (window as unknown as { __drill: Hook }).__drill[k], key) as Promise<Hook[K]>;
const stateHash = (page: Page): Promise<string> => page.evaluate(() => (window as unknown as { __drill: Hook }).__drill.stateHash());
const entries = async (page: Page) => (await read(page, 'drill'))?.entries ?? -1;

/** Open the command of `kind`, set its fields (select or type), give it, and wait for the answer. */
async function give(page: Page, kind: string, fields: Record<string, string>): Promise<{ ok: boolean; text: string }> {
  const command = page.locator(`details.command[data-kind="${kind}"]`);
  if (!(await command.getAttribute('open'))) await command.locator('summary').click();
  for (const [name, value] of Object.entries(fields)) {
    const control = command.locator(`[name="${name}"]`);
    if ((await control.evaluate((node) => node.tagName)) === 'SELECT') await control.selectOption(value);
    else await control.fill(value);
  }
  const before = (await read(page, 'commandStatus'))?.key ?? 0;
  await command.locator('button[type="submit"]').click();
  await expect.poll(async () => (await read(page, 'commandStatus'))?.key ?? 0).toBeGreaterThan(before);
  const status = await read(page, 'commandStatus');
  return { ok: status?.ok ?? false, text: status?.text ?? '' };
}

/** Play at the fastest speed until the clock has moved `ticks` on, then pause. */
async function playFor(page: Page, ticks: number): Promise<void> {
  const start = await read(page, 'tick');
  await page.click('#play');
  await expect.poll(() => read(page, 'tick'), { timeout: 20_000 }).toBeGreaterThan(start + ticks);
  await page.click('#play');
  await expect.poll(() => read(page, 'playing')).toBe(false);
}

/** Paused, with the record saved at the tick on screen: then the hash is the drill's state. */
async function settled(page: Page): Promise<{ tick: number; hash: string }> {
  await expect.poll(() => read(page, 'playing')).toBe(false);
  await expect.poll(async () => (await read(page, 'drill'))?.reachedTick === (await read(page, 'tick'))).toBe(true);
  return { tick: await read(page, 'tick'), hash: await stateHash(page) };
}

describe('tabletop drill in the browser', () => {
  let browser: DrillBrowser;
  let page: Page;
  const dir = mkdtempSync(join(tmpdir(), 'drill-e2e-record-'));
  const exported = join(dir, 'exported.drill.json');
  let live: { tick: number; hash: string };

  beforeAll(async () => {
    browser = await openDrillApp();
    page = browser.page;
    // Speeds up the test, not the drill: x64 from the start.
    for (let i = 0; i < 6; i++) await page.keyboard.press(']');
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('starts the default drill from the start dialog, paused at the beginning', async () => {
    await page.click('#new-drill');
    await expect.poll(() => page.locator('#start-dialog').isVisible()).toBe(true);
    expect(await page.inputValue('#start-scenario')).toBe('old-compound.json');
    expect(await page.locator('#start-dialog input[name="role"]:checked').count()).toBe(4);
    await page.fill('#start-session', 'Night flood, team B');
    await page.fill('#start-seed', '3');
    await page.click('#start-submit');
    await expect.poll(() => read(page, 'drill')).not.toBeNull();
    expect(await page.locator('#start-dialog').isVisible()).toBe(false);
    const drill = await read(page, 'drill');
    expect(drill).toMatchObject({ sessionName: 'Night flood, team B', entries: 0 });
    expect(drill?.roles).toEqual(['committeeDirector', 'gridWorkerLead', 'propertyManager', 'volunteerTeamLead']);
    expect(await read(page, 'tick')).toBe(0);
    expect(await page.textContent('#drill-session')).toBe('Night flood, team B');
    // The record fixes scenario, strategy and seed while the drill runs.
    expect(await page.isDisabled('#seed')).toBe(true);
    expect(await page.inputValue('#seed')).toBe('3');
  });

  it('shows each seat only its own commands', async () => {
    const kinds = () => page.locator('details.command').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-kind')));
    expect(await page.inputValue('#acting-role')).toBe('committeeDirector');
    expect(await kinds()).toEqual(['order', 'warn', 'officialUpdate', 'evacuate', 'openShelter', 'releaseSupplies', 'requestSupport']);
    await page.selectOption('#acting-role', 'volunteerTeamLead');
    expect(await kinds()).toEqual(['assignVolunteers']);
    await page.selectOption('#acting-role', 'propertyManager');
    expect(await kinds()).toEqual(['warn', 'closeExit', 'openExit', 'blockArea', 'unblockArea', 'openShelter', 'releaseSupplies']);
  });

  it('gives commands of every kind from their seats, paused and while playing, each saved to the record', async () => {
    await page.selectOption('#acting-role', 'committeeDirector');
    expect(await give(page, 'order', { zone: 'north-west', content: 'evacuate', channel: 'sms', target: 'nearest-safe' })).toMatchObject({ ok: true });
    expect(await entries(page)).toBe(1);
    await playFor(page, 20);
    expect((await give(page, 'warn', { channel: 'loudspeakers', zone: 'south-east', text: 'Keep away from the river gate' })).ok).toBe(true);
    expect((await give(page, 'officialUpdate', { channel: 'group-chat', text: 'The canal is rising; follow the volunteers.' })).ok).toBe(true);

    await page.selectOption('#acting-role', 'propertyManager');
    await playFor(page, 15);
    expect((await give(page, 'closeExit', { place: 'river-gate' })).ok).toBe(true);
    expect((await give(page, 'blockArea', { rect: '10, 40, 3, 3', reason: 'fallen tree' })).ok).toBe(true);
    expect((await give(page, 'unblockArea', { rect: '10, 40, 3, 3' })).ok).toBe(true);
    expect((await give(page, 'openExit', { place: 'river-gate' })).ok).toBe(true);

    // While the drill plays: the command is saved at the tick it takes effect.
    await page.selectOption('#acting-role', 'volunteerTeamLead');
    await page.click('#play');
    await expect.poll(() => read(page, 'playing')).toBe(true);
    expect((await give(page, 'assignVolunteers', { team: 'volunteer-team', task: 'knockDoors', zone: 'north-east' })).ok).toBe(true);
    await page.click('#play');
    expect(await entries(page)).toBe(8);
    expect(await page.textContent('#command-status')).toContain('Volunteer team lead');
  });

  it('refuses a command the simulation cannot take, with a clear message, and records nothing', async () => {
    await page.selectOption('#acting-role', 'propertyManager');
    const answer = await give(page, 'blockArea', { rect: '500, 500, 3, 3', reason: '' });
    expect(answer.ok).toBe(false);
    expect(answer.text).toMatch(/^Refused: the rectangle reaches beyond the map/);
    expect(await page.getAttribute('#command-status', 'class')).toContain('refused');
    expect(await entries(page)).toBe(8);
  });

  it('resumes after a reload at the same tick with the same state hash', async () => {
    live = await settled(page);
    expect(live.tick).toBeGreaterThan(35);
    const id = (await read(page, 'drill'))?.id;

    await page.reload();
    await page.waitForFunction(() => (window as unknown as { __drill?: Hook }).__drill?.title, null, { timeout: 60_000 });
    await expect.poll(() => page.locator('#resume-dialog').isVisible()).toBe(true);
    expect(await read(page, 'resumeOffer')).toMatchObject({ id, entries: 8 });
    await page.click('#resume-drill');
    await expect.poll(() => read(page, 'drill')).not.toBeNull();
    expect(await read(page, 'tick')).toBe(live.tick);
    expect(await stateHash(page)).toBe(live.hash);
    expect(await read(page, 'drill')).toMatchObject({ id, entries: 8 });
    expect(await read(page, 'playing')).toBe(false);
  });

  it('carries on after resuming, and exports a record that replays headless to the live hash', async () => {
    await page.selectOption('#acting-role', 'committeeDirector');
    expect((await give(page, 'order', { zone: 'south-east', content: 'shelterInPlace', channel: 'loudspeakers' })).ok).toBe(true);
    await playFor(page, 10);
    live = await settled(page);

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-record')]);
    expect(download.suggestedFilename()).toMatch(/^Night-flood-team-B-\d{4}-\d{2}-\d{2}\.drill\.json$/);
    await download.saveAs(exported);
    const record = JSON.parse(readFileSync(exported, 'utf8'));
    expect(record).toMatchObject({ formatVersion: 1, seed: 3, strategy: 'top-down', scenario: { id: 'old-compound' } });
    expect(record.entries).toHaveLength(9);
    expect(record.entries.map((e: { role: string }) => e.role)).toContain('volunteerTeamLead');
    expect(record.reached).toMatchObject({ tick: live.tick, stateHash: live.hash });

    const cli = spawnSync(process.execPath, ['cli/drill.mjs', 'replay', exported, '--json'], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(cli.stderr).toBe('');
    expect(cli.status).toBe(0);
    expect(JSON.parse(cli.stdout)).toMatchObject({ ticks: live.tick, stateHash: live.hash, matches: true });
  });

  it('refuses a damaged or wrong-version record with its place and fix, and the drill goes on untouched', async () => {
    const id = (await read(page, 'drill'))?.id;
    const text = readFileSync(exported, 'utf8');
    const panel = page.locator('#load-errors');
    const cases = [
      { name: 'damaged.drill.json', body: text.slice(0, 700), path: '(file)', message: 'not valid JSON' },
      { name: 'future.drill.json', body: JSON.stringify({ ...JSON.parse(text), formatVersion: 2 }), path: 'formatVersion', message: 'format version 2' },
    ];
    for (const c of cases) {
      await page.setInputFiles('#record-file', { name: c.name, mimeType: 'application/json', buffer: Buffer.from(c.body) });
      await expect.poll(() => panel.isVisible()).toBe(true);
      expect(await panel.locator('h2').textContent()).toBe(`${c.name} was not imported: 1 problem`);
      expect(await panel.locator('li.error .path').allTextContents()).toEqual([c.path]);
      expect(await panel.locator('li.error .message').textContent()).toContain(c.message);
      expect(await panel.locator('li.error .hint').textContent()).toMatch(/^Fix: /);
      expect(await panel.locator('.note').textContent()).toBe('Nothing was overwritten: the current drill continues.');
      await panel.locator('button.close').click();
      await expect.poll(() => panel.isVisible()).toBe(false);
      expect((await read(page, 'drill'))?.id).toBe(id);
      expect(await read(page, 'tick')).toBe(live.tick);
      expect(await stateHash(page)).toBe(live.hash);
    }
  });

  it('imports the exported record as a drill that carries on from the same state', async () => {
    const id = (await read(page, 'drill'))?.id;
    await page.click('#step');
    await expect.poll(() => read(page, 'tick')).toBe(live.tick + 1);
    await page.setInputFiles('#record-file', exported);
    await expect.poll(async () => (await read(page, 'drill'))?.id).not.toBe(id);
    expect(await read(page, 'tick')).toBe(live.tick);
    expect(await stateHash(page)).toBe(live.hash);
    expect(await read(page, 'drill')).toMatchObject({ sessionName: 'Night flood, team B', entries: 9 });
  });

  it('switches the whole interface to Chinese and remembers it across a reload', async () => {
    await page.selectOption('#language', 'zh');
    expect(await page.textContent('#play')).toBe('▶ 播放');
    expect(await page.textContent('#command-panel h2')).toBe('指令');
    expect(await page.textContent('#export-record')).toBe('导出记录');
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    expect(await page.locator('#acting-role option:checked').textContent()).toBe('居委会主任');

    await page.reload();
    await page.waitForFunction(() => (window as unknown as { __drill?: Hook }).__drill?.title, null, { timeout: 60_000 });
    expect(await read(page, 'language')).toBe('zh');
    await expect.poll(() => page.locator('#resume-dialog').isVisible()).toBe(true);
    expect(await page.textContent('#resume-drill')).toBe('继续演练');
    await page.click('#resume-drill');
    await expect.poll(() => read(page, 'drill')).not.toBeNull();
    expect(await stateHash(page)).toBe(live.hash);

    await page.selectOption('#language', 'en');
    expect(await page.textContent('#play')).toBe('▶ Play');
  });

  it('raised no console errors or uncaught exceptions', () => {
    expect(browser.problems).toEqual([]);
  });
});
