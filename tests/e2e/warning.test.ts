import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSimulation, loadScenarioText, ResidentState, type ScenarioInput } from '../../sim/index';
import { formatCount, formatMoment, formatShare } from '../../ui/format';
import { RESIDENT_LOOKS, VOLUNTEER_STYLES } from '../../ui/map/palette';
import { RESIDENT_LOOK_COUNT, ResidentLook } from '../../ui/residentLook';
import { type DrillBrowser, openDrillApp, ROOT } from './harness';

/** The parts of the page's test hook (ui/testHook.ts) these tests read. */
interface Hook {
  title: string | null;
  tick: number;
  drawnTick: number;
  playing: boolean;
  speed: number;
  residentsDrawn: number;
  metrics: { firstDetectionS: number | null; firstOfficialWarningS: number | null; looks: number[] } | null;
  hazardCellsDrawn: number;
  sensorsDrawn: number;
  helpRingsDrawn: number;
  residentsByLook(): number[];
  volunteersByState(): number[];
}

const STRATEGY = 'app-only';

/**
 * scenarios/drills/volunteer-rounds.json with a smoke sensor by the fire and a warning plan split by zone:
 * the north shelters in place (group-chat app), the south is told to leave (a loudspeaker). In the app-only
 * strategy nobody fetches the bedridden, so at one moment the map holds residents who are warned but not
 * acting, sheltering, and waiting for help, together with a hazard and a patrol.
 */
function drillVariant(): string {
  const s = JSON.parse(readFileSync(join(ROOT, 'scenarios/drills/volunteer-rounds.json'), 'utf8')) as ScenarioInput & Record<string, unknown>;
  const hazard = s.hazards?.[0];
  if (hazard?.kind !== 'area') throw new Error('volunteer-rounds.json should define an area hazard');
  s.title = 'Volunteer rounds, zoned warnings';
  s.sensors = [{ id: 'S1', kind: 'smoke', at: { x: hazard.origin.x + 3, y: hazard.origin.y }, coverageM: 5 }];
  s.channels = [...(s.channels ?? []), { id: 'speaker', kind: 'loudspeaker', name: 'Loudspeaker van' }];
  const strategy = s.strategies?.find((x) => x.id === STRATEGY);
  if (!strategy?.levers) throw new Error(`volunteer-rounds.json should have a strategy "${STRATEGY}" with levers`);
  strategy.levers.warningPlan = [
    { channel: 'app', content: 'shelterInPlace', zone: 'north' },
    { channel: 'speaker', content: 'evacuate', zone: 'south', target: 'nearest-safe' },
  ];
  return JSON.stringify(s, null, 2);
}

const read = <K extends keyof Hook>(page: Page, key: K): Promise<Hook[K]> =>
  page.evaluate((k) => (window as unknown as { __drill: Hook }).__drill[k], key) as Promise<Hook[K]>;
const call = (page: Page, method: 'residentsByLook' | 'volunteersByState'): Promise<number[]> =>
  page.evaluate((m) => (window as unknown as { __drill: Hook }).__drill[m](), method);
const figure = (page: Page, id: string): Promise<string | null> => page.textContent(`[data-figure="${id}"] .tile-value, dd[data-figure="${id}"]`);

describe('warning phase in the drill app', () => {
  let browser: DrillBrowser;
  let page: Page;
  const text = drillVariant();
  const loaded = loadScenarioText(text);
  if (!loaded.ok) throw new Error(`the test's scenario is invalid: ${JSON.stringify(loaded.errors)}`);
  const scenario = loaded.scenario;
  const residents = scenario.population.groups.reduce((n, g) => n + g.count, 0);

  beforeAll(async () => {
    browser = await openDrillApp();
    page = browser.page;
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('gives every resident look and volunteer state a colour of its own, so the map can be read back', () => {
    expect(new Set(RESIDENT_LOOKS.map((style) => style.color)).size).toBe(RESIDENT_LOOK_COUNT);
    expect(new Set(VOLUNTEER_STYLES.map((style) => style.color)).size).toBe(VOLUNTEER_STYLES.length);
  });

  it('opens a drill with sensors and hazards: sensor markers, nobody warned, no times yet', async () => {
    await page.setInputFiles('#scenario-file', { name: 'zoned-warnings.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    await expect.poll(() => page.textContent('#scenario-title')).toBe(scenario.title);
    await page.selectOption('#strategy', STRATEGY);
    await expect.poll(() => page.inputValue('#strategy')).toBe(STRATEGY);
    await expect.poll(() => read(page, 'residentsDrawn')).toBe(residents);
    expect(await read(page, 'sensorsDrawn')).toBe(1);
    for (const id of ['firstDetection', 'decision', 'firstWarning']) expect(await figure(page, id)).toBe('—');
    expect(await figure(page, 'informed')).toBe('0%');
    const looks = await call(page, 'residentsByLook');
    expect(looks[ResidentLook.NotWarned]).toBe(residents);
  });

  it('plays at x64 past detection and the first warning; paused, the page shows what a headless run computes', async () => {
    for (let i = 0; i < 6; i++) await page.keyboard.press(']');
    await expect.poll(() => read(page, 'speed')).toBe(64);
    await page.click('#play');
    // Run until detection, and until residents warned, sheltering and waiting for help are all on the map.
    await expect
      .poll(
        async () => {
          const m = await read(page, 'metrics');
          return Boolean(
            m && m.firstDetectionS !== null && [ResidentLook.Warned, ResidentLook.Sheltering, ResidentLook.AwaitingHelp].every((l) => m.looks[l] > 0),
          );
        },
        { timeout: 30_000, interval: 100 },
      )
      .toBe(true);
    await page.keyboard.press('Space');
    await expect.poll(() => read(page, 'playing')).toBe(false);
    // The frame on the map is the last one the worker sent.
    await expect.poll(async () => (await read(page, 'drawnTick')) === (await read(page, 'tick'))).toBe(true);
    const tick = await read(page, 'tick');

    const seed = Number(await page.inputValue('#seed'));
    const sim = createSimulation(scenario, { seed, strategy: STRATEGY });
    sim.step(tick);
    const m = sim.metrics();
    const snapshot = sim.snapshot();
    expect(m.firstDetectionS).not.toBeNull();
    expect(m.firstOfficialWarningS).not.toBeNull();

    // The warning panel, figure by figure, against the headless run at the same tick.
    expect(await figure(page, 'firstDetection')).toBe(formatMoment(m.firstDetectionS));
    expect(await figure(page, 'decision')).toBe(formatMoment(m.decisionS));
    expect(await figure(page, 'firstWarning')).toBe(formatMoment(m.firstOfficialWarningS));
    expect(await figure(page, 'informed')).toBe(formatShare(m.informedShare));
    expect(await figure(page, 'acting')).toBe(formatShare(m.compliedShare));
    expect(await figure(page, 'safe')).toBe(formatShare(m.safeShare));
    expect(await figure(page, 'sheltering')).toBe(formatCount(m.sheltering));
    expect(await figure(page, 'awaitingHelp')).toBe(formatCount(m.awaitingHelp));
    expect(await page.getAttribute(`[data-figure="awaitingHelp"]`, 'class')).toContain('alarm');

    // The map: every resident's colour, read back from the particles, matches its state and hearing in the
    // headless run (counted here from the simulation's own states, not with the page's classification).
    const expected = new Array<number>(RESIDENT_LOOK_COUNT + 1).fill(0);
    const lookOfState = [
      ResidentLook.NotWarned,
      ResidentLook.Preparing,
      ResidentLook.Moving,
      ResidentLook.Safe,
      ResidentLook.Sheltering,
      ResidentLook.AwaitingHelp,
    ];
    snapshot.residentState.forEach((state, i) => {
      expected[state === ResidentState.Idle && snapshot.residentHeard[i] ? ResidentLook.Warned : lookOfState[state]]++;
    });
    const drawn = await call(page, 'residentsByLook');
    expect(drawn).toEqual(expected);
    expect(drawn[ResidentLook.Sheltering]).toBe(m.sheltering);
    expect(drawn[ResidentLook.AwaitingHelp]).toBe(m.awaitingHelp);
    for (const look of [ResidentLook.Warned, ResidentLook.Sheltering, ResidentLook.AwaitingHelp]) expect(drawn[look]).toBeGreaterThan(0);
    expect(await read(page, 'helpRingsDrawn')).toBe(drawn[ResidentLook.AwaitingHelp]);
    const volunteers = new Array<number>(6).fill(0);
    for (const state of snapshot.volunteerState) volunteers[state]++;
    expect(await call(page, 'volunteersByState')).toEqual(volunteers);

    // The hazard layer shows exactly the cells the simulation has hazard in.
    const hazardCells = (snapshot.hazard ?? new Uint8Array(0)).reduce((n, v) => n + (v > 0 ? 1 : 0), 0);
    expect(hazardCells).toBeGreaterThan(0);
    expect(await read(page, 'hazardCellsDrawn')).toBe(hazardCells);
  });

  it('tells alerts, decisions and warnings apart in the event feed, by tag and colour', async () => {
    const tag = (kind: string) => page.locator(`#event-feed li[data-kind="${kind}"] .tag`).first();
    expect(await tag('alert').textContent()).toBe('ALERT');
    expect(await tag('activatePlan').textContent()).toBe('DECISION');
    expect(await tag('warn').textContent()).toBe('WARNING');
    const colours = await Promise.all(['alert', 'activatePlan', 'warn'].map((k) => tag(k).evaluate((node) => getComputedStyle(node).backgroundColor)));
    expect(new Set(colours).size).toBe(3);
  });

  it('raised no console errors or uncaught exceptions', () => {
    expect(browser.problems).toEqual([]);
  });
});
