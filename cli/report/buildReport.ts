import type { Metrics, Scenario } from '../../sim/index';
import { evaluateObjectives, inDangerOverTime, type MetricsAt, metricValue, objectiveTimes } from '../../sim/review/objectives';
import { OBJECTIVE_METRICS, type ObjectiveMetric } from '../../sim/scenario/schemaObjectives';
import { buildTimeline, type ReportEntry } from './consequences';
import { figureRows, findings } from './findings';
import { formatMetric, METRIC_LABELS } from './format';
import { improvementPlan } from './plan';
import { type AfterActionReport, REPORT_FORMAT, REPORT_FORMAT_VERSION, type ReportSeries, type RunLabel } from './reportTypes';
import { ReportRunError, type RunOutcome, runOutcome } from './runs';

export type { ReportEntry } from './consequences';

/** What the report is built from: a drill record's content, or a strategy and seed run without commands. */
export interface ReportRequest {
  scenario: Scenario;
  seed: number;
  /** The drill's strategy; null: the scenario's first (or none). */
  strategy: string | null;
  /** The drill's commands in tick order; none for a plain run. */
  entries: readonly ReportEntry[];
  /** The record's last tick; null for a plain run. */
  drillEndTick: number | null;
  /** How far to run, s; default the scenario's simulation.durationS (never before the drill's end). */
  untilS?: number;
  /** The figure that picks the best other strategy as the reference; default "deceased". */
  keyMetric?: ObjectiveMetric;
  /** A strategy id to compare against instead of the best one. */
  reference?: string;
  session?: { name: string; startedAt: string | null } | null;
  /** Run each improvement once with the seed to show what it does (default true; a run per change). */
  checkPlan?: boolean;
  /** Called after each run with the runs done and the most there will be. */
  onProgress?: (done: number, total: number) => void;
}

/** A request the report cannot be built from: unknown strategies or metrics, a record that does not fit. */
export class ReportInputError extends Error {
  override name = 'ReportInputError';
  constructor(
    readonly path: string,
    message: string,
    readonly hint: string,
  ) {
    super(message);
  }
}

/** Figures that break a tie of the key metric, in this order. */
const TIE_BREAKS: readonly ObjectiveMetric[] = ['deceased', 'exposurePersonS', 'safeShare', 'firstOfficialWarningS'];
/** Most lever changes the plan runs (one per distinct change; the plan has one item per gap). */
const MAX_PLAN_RUNS = 24;

/**
 * The after-action report of a drill: replays it headless to the end, runs the same scenario and seed under
 * every strategy, takes the best other one by the key metric as the reference, and measures the drill
 * against it: objectives, the timeline of key decisions and what they led to, strengths and gaps, and an
 * improvement plan whose items are strategy changes. Pure and deterministic: the same request gives the
 * same report, in Node or in a browser worker.
 * @throws ReportInputError naming the field and the fix.
 */
export function buildReport(request: ReportRequest): AfterActionReport {
  const { scenario, seed } = request;
  const tickS = scenario.simulation.tickS;
  const keyMetric = request.keyMetric ?? 'deceased';
  const keyBetter = OBJECTIVE_METRICS[keyMetric].better;
  if (keyBetter === null) {
    throw new ReportInputError(
      'keyMetric',
      `${keyMetric} describes the scenario, not how well it went`,
      'choose a figure such as deceased, safeShare or firstOfficialWarningS',
    );
  }
  const strategies = scenario.strategies;
  const drillStrategy = request.strategy ?? strategies[0]?.id ?? null;
  if (drillStrategy !== null && !strategies.some((s) => s.id === drillStrategy)) {
    throw new ReportInputError(
      'strategy',
      `the scenario "${scenario.id}" has no strategy "${drillStrategy}"`,
      `use one of: ${strategies.map((s) => s.id).join(', ')}`,
    );
  }
  if (request.reference !== undefined && !strategies.some((s) => s.id === request.reference)) {
    throw new ReportInputError(
      'reference',
      `the scenario "${scenario.id}" has no strategy "${request.reference}"`,
      `use one of: ${strategies.map((s) => s.id).join(', ')}`,
    );
  }
  const lastEntry = request.entries[request.entries.length - 1]?.tick ?? 0;
  const untilTick = Math.max(Math.round((request.untilS ?? scenario.simulation.durationS) / tickS), request.drillEndTick ?? 0, lastEntry);
  const atTicks = objectiveTimes(scenario.objectives).map((s) => Math.round(s / tickS));

  const others = strategies.filter((s) => s.id !== drillStrategy);
  const checkPlan = request.checkPlan ?? true;
  let done = 0;
  const total = 1 + strategies.length + (checkPlan ? MAX_PLAN_RUNS : 0);
  const progress = () => request.onProgress?.(++done, total);
  const run = (strategy: string | null, entries: readonly ReportEntry[], within: Scenario = scenario): RunOutcome => {
    const outcome = runOutcome({ scenario: within, seed, strategy, entries, untilTick, atTicks });
    progress();
    return outcome;
  };

  const drill = run(drillStrategy, request.entries);
  const byStrategy = new Map<string, RunOutcome>();
  for (const s of strategies) byStrategy.set(s.id, run(s.id, []));
  // A scenario without strategies: its plain run is the drill's plan as written.
  const asPlanned = drillStrategy === null ? run(null, []) : (byStrategy.get(drillStrategy) as RunOutcome);

  const candidates = request.reference !== undefined ? strategies.filter((s) => s.id === request.reference) : others.length ? others : strategies;
  const ranked = [...candidates].sort((a, b) => rank(byStrategy.get(a.id) as RunOutcome, byStrategy.get(b.id) as RunOutcome, keyMetric));
  const referenceStrategy = ranked[0] ?? null;
  const reference = referenceStrategy ? (byStrategy.get(referenceStrategy.id) as RunOutcome) : asPlanned;
  const referenceLabel: RunLabel = referenceStrategy
    ? { id: referenceStrategy.id, name: referenceStrategy.name }
    : { id: 'as-planned', name: 'the plan as written' };
  const why =
    request.reference !== undefined
      ? 'chosen for this report'
      : `the best ${others.length ? 'other ' : ''}strategy by ${METRIC_LABELS[keyMetric].toLowerCase()} (${formatMetric(keyMetric, metricValue(reference.metrics, keyMetric))}) with seed ${seed}`;
  const pair = { drill, reference, referenceLabel, referenceIntro: request.reference !== undefined ? 'the reference' : 'the best strategy' };

  const objectives = evaluateObjectives(scenario.objectives, readingsOf(drill, tickS));
  const referenceObjectives = evaluateObjectives(scenario.objectives, readingsOf(reference, tickS));
  const { strengths, gaps } = findings(objectives, referenceObjectives, drill.metrics, reference.metrics, referenceLabel);
  const base = drillStrategy === null ? null : (strategies.find((s) => s.id === drillStrategy) ?? null);
  let planRuns = 0;
  const plan = improvementPlan({
    scenario,
    base,
    reference: referenceStrategy,
    gaps,
    seed,
    drill,
    asPlanned,
    run: checkPlan
      ? (within, strategy) => {
          if (++planRuns > MAX_PLAN_RUNS) return { outcome: asPlanned, basis: 'plan' };
          try {
            return { outcome: run(strategy, request.entries, within), basis: 'drill' };
          } catch (error) {
            if (!(error instanceof ReportRunError)) throw error;
            return { outcome: run(strategy, [], within), basis: 'plan' };
          }
        }
      : null,
  });
  request.onProgress?.(total, total);

  const strategyName = base?.name ?? '(no strategy)';
  const runs: RunLabel[] = [
    { id: 'drill', name: request.entries.length ? 'The drill' : `Run of ${strategyName}` },
    { id: 'as-planned', name: `${strategyName} as written` },
    ...strategies.filter((s) => s.id !== drillStrategy).map((s) => ({ id: s.id, name: s.name })),
  ];
  const runMetrics = [
    { label: runs[0], metrics: drill.metrics },
    { label: runs[1], metrics: asPlanned.metrics },
    ...runs.slice(2).map((label) => ({ label, metrics: (byStrategy.get(label.id) as RunOutcome).metrics })),
  ];

  return {
    format: REPORT_FORMAT,
    formatVersion: REPORT_FORMAT_VERSION,
    scenario: { id: scenario.id, title: scenario.title },
    session: request.session ?? null,
    seed,
    strategy: { id: drillStrategy ?? '', name: strategyName },
    drill: {
      commands: request.entries.length,
      endedS: request.drillEndTick === null ? null : request.drillEndTick * tickS,
      runUntilS: drill.timeS,
      stateHash: drill.stateHash,
    },
    keyMetric: { metric: keyMetric, label: METRIC_LABELS[keyMetric], better: keyBetter },
    reference: { ...referenceLabel, why },
    runs,
    figures: figureRows(runMetrics),
    objectives: objectives.map((o, i) => ({ ...o, referenceStatus: referenceObjectives[i].status })),
    timeline: buildTimeline(pair, request.entries),
    strengths,
    gaps,
    plan,
    series: { drill: seriesOf(drill.metrics), reference: seriesOf(reference.metrics) },
  };
}

/** Negative when run `a` is better than `b` by the key metric, then by the tie-breaks. */
function rank(a: RunOutcome, b: RunOutcome, key: ObjectiveMetric): number {
  for (const metric of [key, ...TIE_BREAKS]) {
    const better = OBJECTIVE_METRICS[metric].better;
    const x = metricValue(a.metrics, metric);
    const y = metricValue(b.metrics, metric);
    if (x === y) continue;
    // Not reached is worst, whichever way is better.
    if (x === null) return 1;
    if (y === null) return -1;
    return better === 'lower' ? x - y : y - x;
  }
  return 0;
}

/** A run's metrics at the times objectives are judged (the end when no time is given). */
function readingsOf(outcome: RunOutcome, tickS: number): MetricsAt {
  return (byS) => {
    if (byS === null) return { timeS: outcome.timeS, metrics: outcome.metrics };
    return outcome.at.get(Math.round(byS / tickS)) ?? null;
  };
}

function seriesOf(metrics: Metrics): ReportSeries {
  const { series, residents } = metrics;
  const share = (values: number[]) => values.map((v) => (residents > 0 ? v / residents : 0));
  return {
    t: series.t,
    informedShare: share(series.informed),
    safeShare: share(series.safe),
    exposurePersonS: series.exposurePersonS,
    inDanger: inDangerOverTime(series),
    injured: series.injured,
    deceased: series.deceased,
    supplies: metrics.suppliesOverTime,
  };
}
