import { afterEach, describe, expect, it } from 'vitest';
import { createSimulation, type Metrics, type TrailEntry } from '../../sim/index';
import { buildGrid } from '../../sim/space/Grid';
import { setLanguage } from '../../ui/i18n/index';
import { governanceFigures, trailLine } from '../../ui/panels/governancePanel';
import { truthVisibleFor } from '../../ui/panels/truthToggle';
import { TRAIL_LIMIT } from '../../ui/store';
import { governanceOf, trailOf } from '../../ui/summarise';
import { describeRun } from '../../workers/simHost';
import { COURT_DELAYS as D, governedCourt } from '../support/governance';
import { tinyCourtWith } from '../support/scenarios';

/** Tiny court with organisations and low autonomy: the evacuation order waits for the street office. */
function lowAutonomyRun() {
  const scenario = governedCourt({ levers: { autonomy: 'low' } });
  const sim = createSimulation(scenario, { seed: 1 });
  return { sim, info: describeRun(scenario, buildGrid(scenario), sim) };
}

const figureText = (m: ReturnType<typeof governanceFigures>, id: string) => m.find((f) => f.id === id)?.value;

afterEach(() => setLanguage('en'));

describe('the co-governance summary for the panel', () => {
  it('carries the run’s governance figures, and the approval wait once the approval has come back', () => {
    const { sim, info } = lowAutonomyRun();
    sim.step(Math.round(300 / sim.tickS));
    const waiting = governanceOf(null, sim.metrics(), info);
    expect(waiting?.meanApprovalWaitS).toBeNull();
    expect(waiting?.phase).toBe('response');
    expect(figureText(governanceFigures(waiting as NonNullable<typeof waiting>), 'meanApprovalWaitS')).toBe('not yet');
    sim.step(Math.round(900 / sim.tickS));
    const m = sim.metrics();
    const summary = governanceOf(waiting, m, info);
    // Up the chain to the street office, its approval delay, and back: 120 + 300 + 180 s.
    const wait = D.committeeRelayS + D.streetApprovalS + D.streetRelayS;
    expect(summary?.meanApprovalWaitS).toBeCloseTo(wait, 0);
    expect(summary).toMatchObject({
      reportsSent: m.reportsSent,
      meanReportDelayS: m.meanReportDelayS,
      reportErrors: 0,
      reportsLost: 0,
      suppliesNeeded: m.suppliesNeeded,
      suppliesDelivered: m.suppliesDelivered,
      unmetNeeds: m.unmetNeeds,
      shelterOccupancy: m.shelterOccupancy,
      recoveryIndex: m.recoveryIndex,
      evacuationOrderLatencyS: m.evacuationOrderLatencyS,
    });
    expect(m.reportsSent).toBeGreaterThan(0);
    const figures = governanceFigures(summary as NonNullable<typeof summary>);
    expect(figureText(figures, 'meanApprovalWaitS')).toBe('10:00');
    expect(figureText(figures, 'phase')).toBe('Response');
    setLanguage('zh');
    expect(figureText(governanceFigures(summary as NonNullable<typeof summary>), 'phase')).toBe('响应');
  });

  it('is the previous object while nothing shown changed, and a new one when a figure did', () => {
    const { sim, info } = lowAutonomyRun();
    sim.step(Math.round(200 / sim.tickS));
    const first = governanceOf(null, sim.metrics(), info);
    expect(governanceOf(first, sim.metrics(), info)).toBe(first);
    const changed: Metrics = { ...sim.metrics(), reportsLost: 3 };
    const next = governanceOf(first, changed, info);
    expect(next).not.toBe(first);
    expect(next?.reportsLost).toBe(3);
  });

  it('is null for a scenario without organisations', () => {
    const scenario = tinyCourtWith({});
    const sim = createSimulation(scenario, { seed: 1 });
    const info = describeRun(scenario, buildGrid(scenario), sim);
    expect(info.organisations).toEqual([]);
    expect(governanceOf(null, sim.metrics(), info)).toBeNull();
  });

  it('keeps the newest trail lines, and writes them with time, author and addressee', () => {
    const line = (k: number): TrailEntry => ({ timeS: 10 * k, kind: 'report', author: 'committee', to: 'street-office', content: `line ${k}` });
    const some = trailOf([], [line(1), line(2)]);
    expect(trailOf(some, [])).toBe(some);
    expect(trailOf(some, undefined)).toBe(some);
    const many = trailOf(
      some,
      Array.from({ length: 30 }, (_, k) => line(k + 3)),
    );
    expect(many).toHaveLength(TRAIL_LIMIT);
    expect(many.at(-1)?.content).toBe('line 32');
    expect(many[0].content).toBe(`line ${32 - TRAIL_LIMIT + 1}`);
    const { info } = lowAutonomyRun();
    expect(trailLine(line(13), info)).toBe('02:10 committee → street-office: line 13');
  });

  it('shows the truth outside a drill, and during one only to the facilitator who asked for it', () => {
    const drill = { id: 'd', sessionName: 's', roles: ['committeeDirector' as const], entries: 0, reachedTick: null };
    expect(truthVisibleFor({ drill: null, actingRole: 'committeeDirector', showTruth: false })).toBe(true);
    expect(truthVisibleFor({ drill, actingRole: 'committeeDirector', showTruth: true })).toBe(false);
    expect(truthVisibleFor({ drill, actingRole: 'facilitator', showTruth: false })).toBe(false);
    expect(truthVisibleFor({ drill, actingRole: 'facilitator', showTruth: true })).toBe(true);
  });
});
