import { type MetricSummary, summarizeValues } from '../../cli/sweep/stats';
import type { CompareRow } from '../../workers/compareJob';
import type { MessageKey } from '../i18n/index';

/** How a key metric reads: a share as a percentage, a moment as a clock, a count, person-minutes, an index. */
export type CompareUnit = 'share' | 'clock' | 'count' | 'personMinutes' | 'index';

export interface CompareMetric {
  /** Column of the rows (a metric of the simulation). */
  column: string;
  label: MessageKey;
  unit: CompareUnit;
  /** Which way is better, for the sign of a difference. */
  better: 'higher' | 'lower';
}

/** The key metrics of a comparison, in reading order. */
export const COMPARE_METRICS: readonly CompareMetric[] = [
  { column: 'safeShare', label: 'compare.metric.safeShare', unit: 'share', better: 'higher' },
  { column: 'deceased', label: 'compare.metric.deceased', unit: 'count', better: 'lower' },
  { column: 'exposurePersonS', label: 'compare.metric.exposure', unit: 'personMinutes', better: 'lower' },
  { column: 'firstOfficialWarningS', label: 'compare.metric.firstWarning', unit: 'clock', better: 'lower' },
  { column: 'evacuationOrderLatencyS', label: 'compare.metric.orderLatency', unit: 'clock', better: 'lower' },
  { column: 'supplyMetShare', label: 'compare.metric.supplyMet', unit: 'share', better: 'higher' },
  { column: 'recoveryIndex', label: 'compare.metric.recovery', unit: 'index', better: 'higher' },
];

/** A metric's value in the unit it is shown in (percent, person-minutes; seconds stay seconds). */
export function displayValue(unit: CompareUnit, value: number): number {
  if (unit === 'share') return value * 100;
  if (unit === 'personMinutes') return value / 60;
  return value;
}

/** One metric over one variant's runs: its summary in display units and every run's value. */
export interface MetricDistribution extends MetricSummary {
  /** Display-unit values of the runs that have one, in row order. */
  values: number[];
}

export interface VariantSummary {
  variant: string;
  runs: number;
  /** Commands left out over all runs (a drill's commands some seed refused). */
  refusedCommands: number;
  metrics: Record<string, MetricDistribution>;
}

/**
 * Per variant, in the order given, the mean of each key metric with its 95% confidence interval (Student's t,
 * as `drill compare` reports it), its range and the values, all in display units. A run with no value (a
 * moment not reached) counts in `runs` but not in `n`.
 */
export function summariseVariants(rows: readonly CompareRow[], variants: readonly string[], metrics = COMPARE_METRICS): VariantSummary[] {
  return variants.map((variant) => {
    const mine = rows.filter((r) => r.variant === variant);
    const summaries: Record<string, MetricDistribution> = {};
    for (const m of metrics) {
      const values = mine.map((r) => r[m.column]).filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
      const shown = values.map((v) => displayValue(m.unit, v));
      summaries[m.column] = { ...summarizeValues(shown), values: shown };
    }
    return { variant, runs: mine.length, refusedCommands: mine.reduce((sum, r) => sum + r.refusedCommands, 0), metrics: summaries };
  });
}

/** A difference of one metric between two runs (b − a, display units), and whether b is better, worse or the same. */
export interface MetricDifference {
  metric: CompareMetric;
  a: number | null;
  b: number | null;
  delta: number | null;
  verdict: 'better' | 'worse' | 'same' | 'unknown';
}

/** How the branch (b) differs from the original (a) in each key metric. */
export function metricDifferences(a: CompareRow, b: CompareRow, metrics = COMPARE_METRICS): MetricDifference[] {
  return metrics.map((metric) => {
    const value = (row: CompareRow) => {
      const v = row[metric.column];
      return typeof v === 'number' && Number.isFinite(v) ? displayValue(metric.unit, v) : null;
    };
    const va = value(a);
    const vb = value(b);
    if (va === null || vb === null) return { metric, a: va, b: vb, delta: null, verdict: va === vb ? 'same' : 'unknown' };
    const delta = vb - va;
    // Differences below display precision are no difference.
    const same = Math.abs(delta) < 1e-9 * Math.max(1, Math.abs(va));
    const improved = metric.better === 'higher' ? delta > 0 : delta < 0;
    return { metric, a: va, b: vb, delta, verdict: same ? 'same' : improved ? 'better' : 'worse' };
  });
}
