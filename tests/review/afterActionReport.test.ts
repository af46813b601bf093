import { describe, expect, it } from 'vitest';
import { buildReport } from '../../cli/report/buildReport';
import { createSimulation, loadStrategyText, type Metrics, type RunSeries, type Scenario } from '../../sim/index';
import { metricValue } from '../../sim/review/objectives';
import { loadScenarioFile } from '../support/scenarios';
import { DRILL_COMMANDS, playLiveDrill } from '../ui/drill/liveDrill';

/**
 * The report of a top-down drill on the default community, checked against runs made here, independently of
 * the report's code: the drill replayed command by command, and every strategy run with the same seed.
 */
const SEED = 7;
const UNTIL_S = 1500;
const scenario = loadScenarioFile('scenarios/old-compound.json');
const { record } = playLiveDrill(1200, 'top-down', SEED);
const ticks = UNTIL_S / scenario.simulation.tickS;

/** The drill: each command applied at its tick, then on without commands to the end (or to `untilS`). */
function replayDrill(within: Scenario, strategy: string, untilS = UNTIL_S): Metrics {
  const sim = createSimulation(within, { seed: SEED, strategy });
  for (const { tick, command } of DRILL_COMMANDS) {
    sim.step(tick - sim.tick);
    sim.apply([command]);
  }
  sim.step(untilS / sim.tickS - sim.tick);
  return sim.metrics();
}

function runStrategy(strategy: string): Metrics {
  const sim = createSimulation(scenario, { seed: SEED, strategy });
  sim.step(ticks);
  return sim.metrics();
}

/** The most residents in danger at once: exposure gained over each sample interval over its length. */
function peakInDangerOf(series: RunSeries): number {
  let peak = 0;
  for (let k = 0; k < series.t.length; k++) {
    const dt = series.t[k] - (k ? series.t[k - 1] : 0);
    peak = Math.max(peak, (series.exposurePersonS[k] - (k ? series.exposurePersonS[k - 1] : 0)) / dt);
  }
  return peak;
}

/** When a governance decision took effect: its latency counted from the first report of the real hazard. */
function effectiveS(m: Metrics, decision: string, subject: string | null): number | null {
  const d = m.decisions.find((x) => x.decision === decision && x.subject === subject);
  if (!d || d.latencyS === null) return null;
  return d.latencyS + Math.min(m.firstRealDetectionS ?? m.decisionS ?? d.requestedS, d.requestedS);
}

describe('the after-action report of a recorded drill', () => {
  const report = buildReport({
    scenario,
    seed: SEED,
    strategy: 'top-down',
    entries: record.entries,
    drillEndTick: record.reached?.tick ?? null,
    untilS: UNTIL_S,
    session: { name: record.session.name, startedAt: record.session.startedAt },
  });
  const drill = replayDrill(scenario, 'top-down');
  const others = ['paper-plan', 'resilient', 'resilient-south-gate-blocked'].map((id) => ({ id, metrics: runStrategy(id) }));
  // The best other strategy: fewest deaths, then least exposure.
  const best = [...others].sort((a, b) => a.metrics.deceased - b.metrics.deceased || a.metrics.exposurePersonS - b.metrics.exposurePersonS)[0];
  const reference = best.metrics;

  it('replays the drill to the end and measures it against the best other strategy with the same seed', () => {
    expect(report.reference.id).toBe(best.id);
    expect(report.drill).toMatchObject({ commands: DRILL_COMMANDS.length, endedS: 600, runUntilS: UNTIL_S });
    const row = (metric: string) => report.figures.find((f) => f.metric === metric)?.values;
    expect(row('deceased')).toMatchObject({ drill: drill.deceased, 'as-planned': runStrategy('top-down').deceased, [best.id]: reference.deceased });
    expect(row('safeShare')?.drill).toBe(drill.safe / drill.residents);
  });

  it('says how much later the warning went out and what it cost, in differences of the two runs', () => {
    const item = report.timeline.find((i) => i.kind === 'warning');
    if (!item) throw new Error('no warning in the timeline');
    const drillPeak = Math.round(peakInDangerOf(drill.series));
    const referencePeak = Math.round(peakInDangerOf(reference.series));
    expect(item.figures).toMatchObject({
      drillS: drill.firstOfficialWarningS,
      referenceS: reference.firstOfficialWarningS,
      differenceS: (drill.firstOfficialWarningS as number) - (reference.firstOfficialWarningS as number),
      peakDifference: drillPeak - referencePeak,
      deceasedDifference: drill.deceased - reference.deceased,
    });
    // This drill warned early (a trainee's SMS) but took long over the evacuation: more people in danger, more deaths.
    expect(drillPeak).toBeGreaterThan(referencePeak);
    expect(drill.deceased).toBeGreaterThan(reference.deceased);
    expect(item.consequence).toContain(`${drillPeak - referencePeak} more residents were in danger at once (${drillPeak} against ${referencePeak})`);
    expect(item.consequence).toContain(`${drill.deceased - reference.deceased} more residents died (${drill.deceased} against ${reference.deceased})`);
  });

  it('times each governance decision against the same decision of the reference', () => {
    const item = report.timeline.find((i) => i.kind === 'governance' && i.title === 'Evacuation ordered');
    if (!item) throw new Error('no evacuation order in the timeline');
    const mine = effectiveS(drill, 'orderEvacuation', null) as number;
    const theirs = effectiveS(reference, 'orderEvacuation', null) as number;
    expect(item.figures).toMatchObject({ drillS: mine, referenceS: theirs, differenceS: mine - theirs });
    expect(mine - theirs).toBeGreaterThan(300);
    expect(item.consequence).toContain(`${Math.round((mine - theirs) / 60)} min`);
    expect(item.consequence).toContain(`${reference.safe - drill.safe} fewer residents were safe`);
  });

  it('gives the state of both runs at each command, read from their series', () => {
    const commands = report.timeline.filter((i) => i.kind === 'command');
    expect(commands.map((c) => c.timeS)).toEqual(DRILL_COMMANDS.map((c) => c.tick * scenario.simulation.tickS));
    const last = commands[commands.length - 1];
    const sample = (series: RunSeries) => series.t.filter((t) => t <= last.timeS).length - 1;
    expect(last.figures).toMatchObject({
      drillSafe: drill.series.safe[sample(drill.series)],
      referenceSafe: reference.series.safe[sample(reference.series)],
      drillInformed: drill.series.informed[sample(drill.series)],
      referenceInformed: reference.series.informed[sample(reference.series)],
    });
    expect(last.who).toBe('facilitator');
  });

  it('judges the objectives on the drill and lists the unmet ones among the gaps', () => {
    const everyoneOut = report.objectives.find((o) => o.id === 'everyone-out');
    expect(everyoneOut?.criteria.find((c) => c.metric === 'deceased')).toMatchObject({
      value: drill.deceased,
      status: drill.deceased === 0 ? 'met' : 'notMet',
    });
    expect(everyoneOut?.referenceStatus).toBe('met');
    const unmet = report.objectives.filter((o) => o.status !== 'met').map((o) => o.id);
    expect(unmet.length).toBeGreaterThan(0);
    expect(report.gaps.filter((g) => g.source === 'objective').map((g) => g.objective?.id)).toEqual(unmet);
    for (const gap of report.gaps.filter((g) => g.source === 'figure')) {
      expect(gap.drill).toBe(metricValue(drill, gap.metric));
      expect(gap.reference).toBe(metricValue(reference, gap.metric));
    }
  });

  it('has one plan item per gap a lever can close, each a loadable strategy whose measured effect is real', () => {
    expect(report.plan.length).toBeGreaterThan(3);
    expect(report.plan.map((p) => p.index)).toEqual(report.plan.map((_, i) => i + 1));
    for (const item of report.plan.slice(0, 4)) {
      const loaded = loadStrategyText(scenario, JSON.stringify(item.strategyFile));
      if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
      expect(loaded.strategy).not.toBe('top-down');
      expect(item.effect?.basis).toBe('drill');
      // The drill replayed here on the changed strategy and on its own, read when the gap was judged.
      const at = item.gap.byS ?? UNTIL_S;
      expect(item.effect?.after).toBe(metricValue(replayDrill(loaded.scenario, loaded.strategy, at), item.gap.metric));
      expect(item.effect?.before).toBe(metricValue(replayDrill(scenario, 'top-down', at), item.gap.metric));
    }
    const improving = report.plan.filter((p) => p.effect?.improves);
    expect(improving.length).toBeGreaterThan(report.plan.length / 2);
  });
});
