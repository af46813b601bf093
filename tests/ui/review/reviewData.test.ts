import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createSimulation, loadScenarioOrThrow } from '../../../sim/index';
import type { DrillSession } from '../../../ui/drill/drillSession';
import { setLanguage } from '../../../ui/i18n/index';
import { chartsOf, decisionBars } from '../../../ui/review/chartData';
import { heatColor, heatPosition, heatValueAt } from '../../../ui/review/heatPalette';
import { projectorRequested } from '../../../ui/review/projector';
import { drillSource, headlessSource, recordFileSource } from '../../../ui/review/reviewSources';
import { adjacentMarker } from '../../../ui/review/timeline';
import { markersOf, type TimelineMarker } from '../../../workers/reviewMarkers';
import { playLiveDrill } from '../drill/liveDrill';

setLanguage('en');
const oldCompoundText = readFileSync('scenarios/old-compound.json', 'utf8');

describe('review data from a run', () => {
  // The top-down strategy waits for approval: decisions take effect minutes after they are asked for.
  const sim = createSimulation(loadScenarioOrThrow(oldCompoundText), { seed: 2, strategy: 'top-down' });
  sim.step(3000);
  const metrics = sim.metrics();

  it('puts each decision bar’s end where the run reports the decision taking effect', () => {
    const bars = decisionBars(metrics);
    expect(bars.length).toBe(metrics.decisions.length);
    const eventTime = (kind: string, title: string) => sim.events().find((e) => e.kind === kind && e.title.includes(title))?.timeS;
    const shelter = bars.find((b) => b.decision === 'openShelter' && b.subject === 'school-gym');
    expect(shelter?.effectiveS).toBe(eventTime('openShelter', 'School gym'));
    expect(bars.find((b) => b.decision === 'releaseSupplies')?.effectiveS).toBe(eventTime('releaseSupplies', ''));
    // Approval wait sits inside the latency: asked, approved, then in effect.
    for (const bar of bars.filter((b) => b.effectiveS !== null)) {
      expect(bar.fromS).toBeLessThanOrEqual(bar.requestedS);
      expect(bar.approvedS).toBeLessThanOrEqual(bar.effectiveS as number);
      expect((bar.effectiveS as number) - bar.fromS).toBeCloseTo(bar.latencyS as number, 6);
    }
    // Support asked of the district had not arrived by 25 minutes: its bar runs on.
    expect(bars.filter((b) => b.effectiveS === null).map((b) => b.decision)).toEqual(['requestSupport', 'requestSupport']);
  });

  it('marks decisions on the timeline at the moments the bars end, and the decision to warn', () => {
    const markers = markersOf({ metrics, events: sim.events(), alerts: sim.alerts(), entries: [], tickS: sim.tickS });
    const decisionTicks = markers.filter((m) => m.kind === 'decision').map((m) => m.tick);
    const barEnds = decisionBars(metrics).flatMap((b) => (b.effectiveS === null ? [] : [Math.round(b.effectiveS / sim.tickS)]));
    for (const tick of barEnds) expect(decisionTicks).toContain(tick);
    expect(decisionTicks).toContain(Math.round((metrics.decisionS as number) / sim.tickS));
    expect(markers.filter((m) => m.kind === 'alert').length).toBeGreaterThan(10);
    expect(markers.filter((m) => m.kind === 'inject').length).toBe(sim.events().filter((e) => e.kind === 'inject').length);
  });

  it('draws shares against the residents and exposure in person-minutes', () => {
    const charts = chartsOf(metrics);
    const shares = charts.find((c) => c.id === 'shares');
    if (shares?.kind !== 'lines') throw new Error('no shares chart');
    const informed = shares.lines.find((l) => l.tone === 'informed')?.points ?? [];
    expect(informed.at(-1)).toEqual([3000 * sim.tickS, metrics.informedShare]);
    const exposure = charts.find((c) => c.id === 'exposure');
    if (exposure?.kind !== 'lines') throw new Error('no exposure chart');
    expect(exposure.lines[0].points.at(-1)?.[1]).toBeCloseTo(metrics.exposurePersonS / 60, 6);
  });
});

describe('finding the next marker', () => {
  const m = (kind: TimelineMarker['kind'], tick: number): TimelineMarker => ({ kind, tick, timeS: tick / 2, label: '' });
  const markers = [m('alert', 5), m('decision', 10), m('command', 20), m('inject', 30), m('decision', 40)];

  it('steps through decisions and commands together, forward and back, and stops at the ends', () => {
    expect(adjacentMarker(markers, ['decision', 'command'], 10, 1)?.tick).toBe(20);
    expect(adjacentMarker(markers, ['decision', 'command'], 20, 1)?.tick).toBe(40);
    expect(adjacentMarker(markers, ['decision', 'command'], 40, 1)).toBeNull();
    expect(adjacentMarker(markers, ['decision', 'command'], 35, -1)?.tick).toBe(20);
    expect(adjacentMarker(markers, ['alert'], 5, -1)).toBeNull();
  });
});

describe('heat map colours', () => {
  it('spreads values by their square root and reads them back', () => {
    expect(heatPosition(25, 100)).toBeCloseTo(0.5, 12);
    expect(heatValueAt(0.5, 100)).toBeCloseTo(25, 12);
    expect(heatPosition(0, 100)).toBe(0);
    expect(heatPosition(5, 0)).toBe(0);
    // Inferno from dark purple to pale yellow: the hot end is brighter in every channel but blue.
    const cold = heatColor(0);
    const hot = heatColor(1);
    expect(hot >> 16).toBeGreaterThan(cold >> 16);
    expect((hot >> 8) & 0xff).toBeGreaterThan((cold >> 8) & 0xff);
  });
});

describe('choosing the run to review', () => {
  const live = playLiveDrill(300);

  it('takes a record file with the scenario it was made with, shipped or loaded', async () => {
    const file = new File([JSON.stringify(live.record)], 'night.drill.json');
    for (const loaded of [live.scenarioText, null]) {
      const source = await recordFileSource(file, loaded);
      if (!source.ok) throw new Error(JSON.stringify(source.errors));
      expect(source.request.seed).toBe(7);
      expect(source.request.strategy).toBe('resilient');
      expect(source.request.endTick).toBe(300);
      expect(source.request.entries.map((e) => e.tick)).toEqual([40, 40, 95, 130, 210, 260]);
      expect(JSON.parse(source.request.text).id).toBe('old-compound');
    }
  });

  it('takes the drill under way as it is saved now', async () => {
    const session = { exportRecord: async () => ({ fileName: 'night.drill.json', text: JSON.stringify(live.record) }) } as unknown as DrillSession;
    const source = await drillSource(session, live.scenarioText);
    expect(source.ok && source.request).toMatchObject({ seed: 7, strategy: 'resilient', endTick: 300, text: live.scenarioText });
    const none = { exportRecord: async () => null } as unknown as DrillSession;
    expect(await drillSource(none, live.scenarioText)).toMatchObject({ ok: false, errors: [{ path: '(drill)' }] });
  });

  it('names the problem with a damaged record or a scenario it cannot find', async () => {
    const damaged = await recordFileSource(new File(['{"format": "resilience-drill-record", '], 'cut.json'), null);
    expect(damaged.ok ? '' : damaged.errors[0].path).toBe('(file)');
    const elsewhere = { ...live.record, scenario: { ...live.record.scenario, id: 'other-compound', contentHash: '0123456789abcdef' } };
    const missing = await recordFileSource(new File([JSON.stringify(elsewhere)], 'other.json'), live.scenarioText);
    expect(missing.ok ? '' : missing.errors[0].path).toBe('scenario.contentHash');
  });

  it('checks a headless run’s seed and length and says which field is wrong', () => {
    const good = headlessSource(oldCompoundText, 'resilient', ' 42 ', '7.5');
    expect(good.ok && good.request).toMatchObject({ seed: 42, strategy: 'resilient', entries: [], untilS: 450 });
    const whole = headlessSource(oldCompoundText, null, '1', '');
    expect(whole.ok && 'untilS' in whole.request).toBe(false);
    const badSeed = headlessSource(oldCompoundText, null, '1.5', '');
    expect(badSeed.ok ? '' : badSeed.errors[0].path).toBe('Seed');
    const badLength = headlessSource(oldCompoundText, null, '1', '-3');
    expect(badLength.ok ? '' : badLength.errors[0].path).toBe('Minutes');
    expect(headlessSource(null, null, '1', '').ok).toBe(false);
  });
});

describe('projector mode from the address', () => {
  it('is on with ?projector=1 (or true, yes, on, or bare) and off otherwise', () => {
    for (const on of ['?projector=1', '?projector=true', '?lang=zh&projector=on', '?projector']) expect(projectorRequested(on), on).toBe(true);
    for (const off of ['', '?projector=0', '?projector=no', '?other=1']) expect(projectorRequested(off), off).toBe(false);
  });
});
