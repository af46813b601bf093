import type { Metrics } from '../../sim/index';
import { type CriterionResult, metricValue, type ObjectiveResult } from '../../sim/review/objectives';
import { OBJECTIVE_METRICS, type ObjectiveMetric } from '../../sim/scenario/schemaObjectives';
import { formatClock, formatMetric, METRIC_LABELS } from './format';
import type { FigureRow, Finding, RunLabel } from './reportTypes';

/** The figures the report compares, in reading order: warning, decisions, who got out, harm, supplies, trust. */
export const REPORT_FIGURES: readonly ObjectiveMetric[] = [
  'firstRealDetectionS',
  'decisionS',
  'firstOfficialWarningS',
  'evacuationOrderLatencyS',
  'meanApprovalWaitS',
  'informedShare',
  'compliedShare',
  'safeShare',
  'timeTo90PctSafeS',
  'vulnerableSafeShare',
  'awaitingHelp',
  'peakInDanger',
  'exposurePersonS',
  'injured',
  'deceased',
  'supplyMetShare',
  'shelterUnmetPersonH',
  'injuredCaredFor',
  'recoveryIndex',
  'meanTrust',
  'rumourReach',
];

/** Supply figures mean nothing when no run needed any supplies. */
const SUPPLY_FIGURES = new Set<ObjectiveMetric>(['supplyMetShare', 'shelterUnmetPersonH']);

/** The figures table: each figure of REPORT_FIGURES for every run, without rows no run has a value for. */
export function figureRows(runs: readonly { label: RunLabel; metrics: Metrics }[]): FigureRow[] {
  const neededSupplies = runs.some((r) => r.metrics.suppliesNeeded > 0);
  const rows: FigureRow[] = [];
  for (const metric of REPORT_FIGURES) {
    if (SUPPLY_FIGURES.has(metric) && !neededSupplies) continue;
    const values = Object.fromEntries(runs.map((r) => [r.label.id, metricValue(r.metrics, metric)]));
    if (Object.values(values).every((v) => v === null)) continue;
    rows.push({ metric, label: METRIC_LABELS[metric], better: OBJECTIVE_METRICS[metric].better, values });
  }
  return rows;
}

/**
 * Whether `a` is better than `b` by enough to matter: a point of a share, 10 s or 5% of a time, one
 * person or 5% of a count, 5% of exposure, 0.02 of an index. A time never reached is worse than any.
 */
export function compareFigure(metric: ObjectiveMetric, a: number | null, b: number | null): 'better' | 'worse' | 'same' {
  const { better, kind } = OBJECTIVE_METRICS[metric];
  if (better === null) return 'same';
  if (a === null || b === null) {
    if (a === b) return 'same';
    // Only a time can be "not reached"; for it lower is better, and never is worst. Other nulls are unknowns.
    if (kind !== 'seconds') return 'same';
    return a === null ? 'worse' : 'better';
  }
  const size = Math.max(Math.abs(a), Math.abs(b));
  const tolerance = {
    share: 0.01,
    seconds: Math.max(10, 0.05 * size),
    count: Math.max(1, 0.05 * size),
    personS: 0.05 * size,
    personH: Math.max(0.5, 0.05 * size),
    index: 0.02,
  }[kind];
  const difference = better === 'higher' ? a - b : b - a;
  if (Math.abs(difference) < tolerance - 1e-12 || difference === 0) return 'same';
  return difference > 0 ? 'better' : 'worse';
}

function criterionText(c: CriterionResult): string {
  const target = `${c.bound === 'atLeast' ? 'at least' : 'at most'} ${formatMetric(c.metric, c.target)}`;
  const when = c.byS === null ? '' : ` by ${formatClock(c.byS)}`;
  return `${METRIC_LABELS[c.metric].toLowerCase()} ${formatMetric(c.metric, c.value)}${when} (target ${target})`;
}

/**
 * Strengths and gaps: objectives met, and figures better than the reference's; objectives not (fully) met, and
 * figures worse. A figure already named by an unmet objective's criterion is not listed again.
 */
export function findings(
  objectives: readonly ObjectiveResult[],
  referenceObjectives: readonly ObjectiveResult[],
  drill: Metrics,
  reference: Metrics,
  referenceLabel: RunLabel,
): { strengths: Finding[]; gaps: Finding[] } {
  const strengths: Finding[] = [];
  const gaps: Finding[] = [];
  const covered = new Set<ObjectiveMetric>();
  objectives.forEach((o, i) => {
    if (o.status === 'notEvaluated') return;
    const failing = o.criteria.filter((c) => c.status === 'notMet' || c.status === 'partly');
    const shown = failing.length ? failing : o.criteria;
    const first = shown.find((c) => c.status === 'notMet') ?? shown[0];
    const referenceValue = referenceObjectives[i]?.criteria.find((c) => c.metric === first.metric && c.byS === first.byS)?.value ?? null;
    const finding: Finding = {
      source: 'objective',
      metric: first.metric,
      objective: { id: o.id, title: o.title, status: o.status },
      byS: first.byS,
      drill: first.value,
      reference: referenceValue,
      text: `${o.status === 'met' ? 'Objective met' : o.status === 'partly' ? 'Objective partly met' : 'Objective not met'}: ${o.title} (${o.capability}): ${shown.map(criterionText).join('; ')}.`,
    };
    if (o.status === 'met') strengths.push(finding);
    else {
      gaps.push(finding);
      for (const c of failing) covered.add(c.metric);
    }
  });
  for (const metric of REPORT_FIGURES) {
    if (SUPPLY_FIGURES.has(metric) && drill.suppliesNeeded === 0 && reference.suppliesNeeded === 0) continue;
    const a = metricValue(drill, metric);
    const b = metricValue(reference, metric);
    const verdict = compareFigure(metric, a, b);
    if (verdict === 'same') continue;
    const finding: Finding = {
      source: 'figure',
      metric,
      objective: null,
      byS: null,
      drill: a,
      reference: b,
      text: `${METRIC_LABELS[metric]}: ${formatMetric(metric, a)} against ${formatMetric(metric, b)} in ${referenceLabel.name}.`,
    };
    if (verdict === 'better') strengths.push(finding);
    else if (!covered.has(metric)) gaps.push(finding);
  }
  return { strengths, gaps };
}
