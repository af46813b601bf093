import type { MetricSummary } from './stats';

/**
 * How a metric reads to people: shares as percentages, times in seconds, means of counts with a decimal;
 * 'raw' is any other metric as the simulation gives it.
 */
export type MetricKind = 'share' | 'seconds' | 'count' | 'personS' | 'index' | 'raw';

export interface KeyMetric {
  column: string;
  /** Label with its unit, for tables and chart titles. */
  label: string;
  kind: MetricKind;
}

/** The metrics a comparison shows first, in reading order; every metric column is in --json and --csv. */
export const KEY_METRICS: readonly KeyMetric[] = [
  { column: 'safeShare', label: 'Safe (%)', kind: 'share' },
  { column: 'timeTo90PctSafeS', label: '90% safe (s)', kind: 'seconds' },
  { column: 'decisionS', label: 'Decision to warn (s)', kind: 'seconds' },
  { column: 'firstOfficialWarningS', label: 'First official warning (s)', kind: 'seconds' },
  { column: 'informedShare', label: 'Informed (%)', kind: 'share' },
  { column: 'compliedShare', label: 'Acting as told (%)', kind: 'share' },
  { column: 'vulnerableSafeShare', label: 'Vulnerable residents safe (%)', kind: 'share' },
  { column: 'injured', label: 'Injured', kind: 'count' },
  { column: 'deceased', label: 'Deceased', kind: 'count' },
  { column: 'exposurePersonS', label: 'Exposure (person-s)', kind: 'personS' },
  { column: 'peakPanic', label: 'Peak panic (0-1)', kind: 'index' },
  { column: 'meanTrust', label: 'Trust in officials at the end (0-1)', kind: 'index' },
];

/** A metric's value in the unit of its label (shares become percentages). */
export function toDisplayUnit(metric: KeyMetric, value: number): number {
  return metric.kind === 'share' ? value * 100 : value;
}

const DIGITS: Record<MetricKind, number> = { share: 1, seconds: 1, count: 1, personS: 0, index: 2, raw: 2 };

export function formatMetricValue(metric: KeyMetric, value: number): string {
  const digits = DIGITS[metric.kind];
  // A fixed number of decimals keeps the columns aligned; en-US keeps the output the same on every machine.
  const minimumFractionDigits = metric.kind === 'raw' ? 0 : digits;
  return toDisplayUnit(metric, value).toLocaleString('en-US', { minimumFractionDigits, maximumFractionDigits: digits });
}

/**
 * "96.4 ± 0.3": the mean and the half-width of its 95% confidence interval; "(48 of 50)" when some runs
 * have no value (a time not reached); "not reached" when none has.
 */
export function formatSummaryCell(metric: KeyMetric, summary: MetricSummary | undefined, runs: number): string {
  if (!summary || summary.mean === null) return 'not reached';
  let cell = formatMetricValue(metric, summary.mean);
  if (summary.ciHigh !== null) cell += ` ± ${formatMetricValue(metric, summary.ciHigh - summary.mean)}`;
  if (summary.n < runs) cell += ` (${summary.n} of ${runs})`;
  return cell;
}
