import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadScenarioText, type ScenarioInput } from '../../sim/index';
import { type DrillBrowser, openDrillApp, ROOT } from './harness';

/** The hook the app installs on window (see ui/testHook.ts), as far as these tests read it. */
interface Hook {
  renderer: string;
  residentsDrawn: number;
  volunteersDrawn: number;
  timeS: number;
  playing: boolean;
  speed: number;
  title: string | null;
  samplePositions(n?: number): number[];
}

function scenarioText(name: string): string {
  return readFileSync(join(ROOT, 'scenarios', name), 'utf8');
}

/** The figures a scenario file promises, read from the file itself rather than written into the test. */
function expectations(text: string) {
  const s = JSON.parse(text) as ScenarioInput;
  return {
    title: s.title,
    residents: s.population.groups.reduce((n, g) => n + g.count, 0),
    volunteers: (s.volunteers ?? []).reduce((n, v) => n + v.count, 0),
    tickS: s.simulation?.tickS ?? 0.25,
  };
}

const hook = <K extends keyof Hook>(page: Page, key: K): Promise<Hook[K]> =>
  page.evaluate((k) => (window as unknown as { __drill: Hook }).__drill[k], key) as Promise<Hook[K]>;
/** Drawn positions of the first residents, read after two animation frames so the latest frame is on screen. */
const positions = (page: Page): Promise<number[]> =>
  page.evaluate(async () => {
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    return (window as unknown as { __drill: Hook }).__drill.samplePositions(200);
  });

const defaultText = scenarioText('old-compound.json');
const defaults = expectations(defaultText);

/** tiny-court with a misspelt key, a wrong-length map row and markup in a key name that must stay text. */
function brokenScenario(): string {
  const s = JSON.parse(scenarioText('tiny-court.json'));
  s.places[0].flors = 3;
  s.places[0]['<img src=x onerror="window.__pwned=1">'] = 1;
  s.map.rows[3] = `${s.map.rows[3]}.`;
  return JSON.stringify(s, null, 2);
}

describe('drill app in a browser', () => {
  let browser: DrillBrowser;
  let page: Page;

  beforeAll(async () => {
    browser = await openDrillApp();
    page = browser.page;
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('serves the page cross-origin isolated (COOP/COEP from vite.config.ts)', async () => {
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
  });

  it('loads the default scenario and draws every resident with WebGL', async () => {
    await expect.poll(() => page.textContent('#scenario-title')).toBe(defaults.title);
    expect(await hook(page, 'renderer')).toBe('webgl');
    await expect.poll(() => hook(page, 'residentsDrawn')).toBe(defaults.residents);
    expect(await hook(page, 'volunteersDrawn')).toBe(defaults.volunteers);
    expect(await page.textContent('#safe-count')).toBe(`safe 0 / ${defaults.residents.toLocaleString('en-US')} (0%)`);
    expect(await page.textContent('#clock')).toBe('00:00');
    expect(await hook(page, 'playing')).toBe(false);
  });

  it('plays from the button at the fastest speed: the clock advances and residents move', async () => {
    // The resilient strategy orders the evacuation a minute or two in (the default, top-down, waits for approvals).
    await page.selectOption('#strategy', 'resilient');
    await expect.poll(() => page.inputValue('#strategy')).toBe('resilient');
    const before = await positions(page);
    // Six presses of `]` climb the ladder x1 -> x64; the button shows the speed in force.
    for (let i = 0; i < 6; i++) await page.keyboard.press(']');
    await expect.poll(() => hook(page, 'speed')).toBe(64);
    expect(await page.getAttribute('.speed[aria-pressed="true"]', 'aria-pressed')).toBe('true');
    expect(await page.textContent('.speed[aria-pressed="true"]')).toBe('x64');

    await page.click('#play');
    await expect.poll(() => hook(page, 'playing')).toBe(true);
    await expect.poll(() => hook(page, 'timeS'), { timeout: 10_000 }).toBeGreaterThan(5);
    expect(await page.textContent('#clock')).not.toBe('00:00');
    // The evacuation order comes a couple of simulated minutes in; then people start walking.
    await expect.poll(async () => (await positions(page)).some((v, i) => v !== before[i]), { timeout: 20_000 }).toBe(true);
    await expect.poll(() => page.locator('#event-feed li').count()).toBeGreaterThan(0);
  });

  it('toggles play with Space, also right after clicking the play button', async () => {
    // Focus is still on the play button: Space must toggle once, not twice.
    await page.keyboard.press('Space');
    await expect.poll(() => hook(page, 'playing')).toBe(false);
    const paused = await hook(page, 'timeS');
    await page.waitForTimeout(400);
    expect(await hook(page, 'timeS')).toBe(paused);

    await page.keyboard.press('Space');
    await expect.poll(() => hook(page, 'playing')).toBe(true);
    await expect.poll(() => hook(page, 'timeS')).toBeGreaterThan(paused);
  });

  it('ignores shortcuts while typing in the seed field, and steps one tick with `.`', async () => {
    await page.keyboard.press('Space');
    await expect.poll(() => hook(page, 'playing')).toBe(false);
    await page.focus('#seed');
    await page.keyboard.press('Space');
    await page.keyboard.press('[');
    await page.waitForTimeout(200);
    expect(await hook(page, 'playing')).toBe(false);
    expect(await hook(page, 'speed')).toBe(64);
    await page.locator('#seed').blur();

    const before = await hook(page, 'timeS');
    await page.keyboard.press('.');
    await expect.poll(() => hook(page, 'timeS')).toBeCloseTo(before + defaults.tickS, 6);
    await page.click('#play');
    await expect.poll(() => hook(page, 'playing')).toBe(true);
  });

  it('shows every error of an invalid scenario file with its JSON path, as text, while the run goes on', async () => {
    const text = brokenScenario();
    const result = loadScenarioText(text);
    expect(result.ok).toBe(false);
    const errors = result.ok ? [] : result.errors;
    expect(errors.map((e) => e.path)).toContain('places[0].flors');

    await page.setInputFiles('#scenario-file', { name: 'broken-court.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    const panel = page.locator('#load-errors');
    await expect.poll(() => panel.isVisible()).toBe(true);
    expect(await panel.locator('h2').textContent()).toContain('broken-court.json');
    expect(await panel.locator('li.error').count()).toBe(errors.length);
    const paths = await panel.locator('li.error .path').allTextContents();
    expect(paths).toEqual(errors.map((e) => e.path));
    const messages = await panel.locator('li.error .message').allTextContents();
    expect(messages).toEqual(errors.map((e) => e.message));
    // Markup from the file is shown as characters, never parsed into elements.
    expect(await panel.locator('img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();

    // The previous scenario is still loaded and still running.
    expect(await page.textContent('#scenario-title')).toBe(defaults.title);
    expect(await hook(page, 'residentsDrawn')).toBe(defaults.residents);
    const t = await hook(page, 'timeS');
    await expect.poll(() => hook(page, 'timeS')).toBeGreaterThan(t);

    await panel.locator('button.close').click();
    await expect.poll(() => panel.isVisible()).toBe(false);
  });

  it('opens a valid scenario file from disk and draws its residents', async () => {
    const tiny = scenarioText('tiny-court.json');
    const expected = expectations(tiny);
    await page.setInputFiles('#scenario-file', { name: 'tiny-court.json', mimeType: 'application/json', buffer: Buffer.from(tiny) });
    await expect.poll(() => page.textContent('#scenario-title')).toBe(expected.title);
    await expect.poll(() => hook(page, 'residentsDrawn')).toBe(expected.residents);
    expect(await hook(page, 'volunteersDrawn')).toBe(expected.volunteers);
    expect(await hook(page, 'timeS')).toBe(0);
    expect(await page.locator('#event-feed li').count()).toBe(0);
    expect(await page.textContent('#safe-count')).toBe(`safe 0 / ${expected.residents} (0%)`);
  });

  it('reloads the run when the strategy or the seed changes, and refuses a bad seed with a message', async () => {
    const strategies = (JSON.parse(scenarioText('tiny-court.json')) as ScenarioInput).strategies ?? [];
    expect(strategies.length).toBeGreaterThan(1);
    await page.keyboard.press('.');
    await expect.poll(() => hook(page, 'timeS')).toBeGreaterThan(0);

    await page.selectOption('#strategy', strategies[1].id);
    await expect.poll(() => hook(page, 'timeS')).toBe(0);
    expect(await page.inputValue('#strategy')).toBe(strategies[1].id);

    const seedOne = await positions(page);
    await page.fill('#seed', '42');
    await page.press('#seed', 'Enter');
    // A new seed places people differently: the drawn positions change while the clock stays at zero.
    await expect.poll(async () => (await positions(page)).some((v, i) => v !== seedOne[i])).toBe(true);
    expect(await page.inputValue('#seed')).toBe('42');
    expect(await page.inputValue('#strategy')).toBe(strategies[1].id);
    expect(await hook(page, 'timeS')).toBe(0);

    await page.fill('#seed', 'not a number');
    await page.press('#seed', 'Enter');
    await expect.poll(() => page.locator('#notice').isVisible()).toBe(true);
    expect(await page.textContent('#notice')).toContain('Seed must be a whole number');
    expect(await page.inputValue('#seed')).toBe('42');
  });

  it('raised no console errors or uncaught exceptions', () => {
    expect(browser.problems).toEqual([]);
  });
});
