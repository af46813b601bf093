import type { Metrics } from '../core/Simulation';
import type { Criterion, Objective, ObjectiveMetric } from '../scenario/schemaObjectives';
import type { RunSeries } from '../systems/series';

/**
 * Residents in danger at once over each sample interval of the series: the exposure (person-seconds in
 * danger) gained over the interval divided by its length. The first interval starts at 0 with none.
 */
export function inDangerOverTime(series: RunSeries): number[] {
  const values: number[] = [];
  for (let k = 0; k < series.t.length; k++) {
    const t0 = k === 0 ? 0 : series.t[k - 1];
    const e0 = k === 0 ? 0 : series.exposurePersonS[k - 1];
    const dt = series.t[k] - t0;
    values.push(dt > 0 ? (series.exposurePersonS[k] - e0) / dt : 0);
  }
  return values;
}

/** The most residents in danger at once (see inDangerOverTime), up to `untilS` when given. */
export function peakInDanger(series: RunSeries, untilS = Number.POSITIVE_INFINITY): number {
  const values = inDangerOverTime(series);
  let peak = 0;
  for (let k = 0; k < values.length && series.t[k] <= untilS + 1e-9; k++) peak = Math.max(peak, values[k]);
  return peak;
}

/** A figure of a run by name: null when not reached (a time) or undefined (a share of nobody). */
export function metricValue(metrics: Metrics, name: ObjectiveMetric): number | null {
  switch (name) {
    case 'vulnerableSafeShare':
      return metrics.vulnerable > 0 ? metrics.vulnerableSafe / metrics.vulnerable : null;
    case 'vulnerableReachedShare':
      return metrics.vulnerable > 0 ? metrics.vulnerableReached / metrics.vulnerable : null;
    case 'peakInDanger':
      return peakInDanger(metrics.series);
    case 'meanApprovalWaitS':
      // When the community took every decision itself nothing waited: no wait, rather than "not reached".
      // Decisions still waiting for approval keep it null (never approved is not met).
      if (metrics.meanApprovalWaitS !== null) return metrics.meanApprovalWaitS;
      return metrics.decisions.length > 0 && metrics.decisions.every((d) => d.approver === null) ? 0 : null;
    default: {
      // Every other name is a figure of Metrics: a misspelt one in OBJECTIVE_METRICS fails to compile here.
      const value = metrics[name];
      return typeof value === 'number' && Number.isFinite(value) ? value : null;
    }
  }
}

/** Met, partly met (the looser "partly" target reached), not met; not evaluated when the run ended before its time. */
export type ObjectiveStatus = 'met' | 'partly' | 'notMet' | 'notEvaluated';

export interface CriterionResult {
  metric: ObjectiveMetric;
  bound: 'atLeast' | 'atMost';
  target: number;
  partly: number | null;
  /** The time the criterion is judged at (byS), or null for the end of the run. */
  byS: number | null;
  /** When the figure was read, s (the run's end, or byS); null when not evaluated. */
  atS: number | null;
  /** The measured figure; null when not reached (never met) or not evaluated. */
  value: number | null;
  status: ObjectiveStatus;
  text: string | null;
}

export interface ObjectiveResult {
  id: string;
  title: string;
  capability: string;
  status: ObjectiveStatus;
  criteria: CriterionResult[];
}

/** The metrics of a run at a moment; null when the run ended before it. */
export type MetricsAt = (byS: number | null) => { timeS: number; metrics: Metrics } | null;

/** Distinct times criteria are judged at, in order (the end of the run is always judged too). */
export function objectiveTimes(objectives: readonly Objective[]): number[] {
  const times = new Set<number>();
  for (const o of objectives) for (const c of o.criteria) if (c.byS !== undefined) times.add(c.byS);
  return [...times].sort((a, b) => a - b);
}

const EPSILON = 1e-9;

/** Judge one criterion against a measured figure. */
export function judge(bound: 'atLeast' | 'atMost', target: number, partly: number | null, value: number | null): 'met' | 'partly' | 'notMet' {
  if (value === null) return 'notMet';
  const reaches = (threshold: number) => (bound === 'atLeast' ? value >= threshold - EPSILON : value <= threshold + EPSILON);
  if (reaches(target)) return 'met';
  return partly !== null && reaches(partly) ? 'partly' : 'notMet';
}

/**
 * Whether each objective was met: all its criteria met, none met (not met), or some (partly); criteria not
 * evaluated are left out of that judgement. Pure: the figures come from `at`.
 */
export function evaluateObjectives(objectives: readonly Objective[], at: MetricsAt): ObjectiveResult[] {
  return objectives.map((objective) => {
    const criteria = objective.criteria.map((c) => evaluateCriterion(c, at));
    return { id: objective.id, title: objective.title, capability: objective.capability, status: combine(criteria), criteria };
  });
}

function evaluateCriterion(criterion: Criterion, at: MetricsAt): CriterionResult {
  const bound = criterion.atLeast === undefined ? 'atMost' : 'atLeast';
  const target = (criterion.atLeast ?? criterion.atMost) as number;
  const partly = criterion.partly ?? null;
  const byS = criterion.byS ?? null;
  const base = { metric: criterion.metric, bound, target, partly, byS, text: criterion.text ?? null } as const;
  const reading = at(byS);
  if (!reading) return { ...base, atS: null, value: null, status: 'notEvaluated' };
  const value = metricValue(reading.metrics, criterion.metric);
  return { ...base, atS: reading.timeS, value, status: judge(bound, target, partly, value) };
}

function combine(criteria: readonly CriterionResult[]): ObjectiveStatus {
  const judged = criteria.filter((c) => c.status !== 'notEvaluated');
  if (judged.length === 0) return 'notEvaluated';
  if (judged.every((c) => c.status === 'met')) return 'met';
  if (judged.every((c) => c.status === 'notMet')) return 'notMet';
  return 'partly';
}
