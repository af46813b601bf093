import type { SweepRow } from './sweepJob';

/** Mean of one metric over the runs where it has a value, with the 95% confidence interval of that mean. */
export interface MetricSummary {
  /** Runs with a value (a time not reached is no value). */
  n: number;
  mean: number | null;
  /** Bounds of the 95% confidence interval of the mean (Student's t); null with fewer than two values. */
  ciLow: number | null;
  ciHigh: number | null;
  min: number | null;
  max: number | null;
}

export interface StrategySummary {
  strategy: string;
  runs: number;
  metrics: Record<string, MetricSummary>;
}

/** One summary per strategy, in the order given, over every metric column. */
export function summarizeRows(rows: readonly SweepRow[], strategies: readonly string[], columns: readonly string[]): StrategySummary[] {
  return strategies.map((strategy) => {
    const mine = rows.filter((row) => row.strategy === strategy);
    const metrics: Record<string, MetricSummary> = {};
    for (const column of columns) {
      metrics[column] = summarizeValues(mine.map((row) => row[column]).filter((v): v is number => typeof v === 'number'));
    }
    return { strategy, runs: mine.length, metrics };
  });
}

export function summarizeValues(values: readonly number[]): MetricSummary {
  const n = values.length;
  if (n === 0) return { n, mean: null, ciLow: null, ciHigh: null, min: null, max: null };
  const mean = values.reduce((sum, v) => sum + v, 0) / n;
  const min = Math.min(...values);
  const max = Math.max(...values);
  if (n < 2) return { n, mean, ciLow: null, ciHigh: null, min, max };
  const variance = values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / (n - 1);
  const half = tQuantile975(n - 1) * Math.sqrt(variance / n);
  return { n, mean, ciLow: mean - half, ciHigh: mean + half, min, max };
}

/** Two-sided 95% critical values of Student's t (the 0.975 quantile) for 1 to 30 degrees of freedom. */
const T975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069,
  2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];
/** Beyond 30: [degrees of freedom, quantile], the last at infinity. */
const T975_LARGE: [number, number][] = [
  [30, 2.0423],
  [40, 2.0211],
  [60, 2.0003],
  [120, 1.9799],
  [Number.POSITIVE_INFINITY, 1.96],
];

/**
 * The 0.975 quantile of Student's t with `df` degrees of freedom. Between the tabulated values beyond 30 it
 * is interpolated linearly in 1/df, which the quantile nearly is; that is within 0.001 of the exact value.
 */
export function tQuantile975(df: number): number {
  if (!Number.isInteger(df) || df < 1) throw new RangeError(`degrees of freedom must be a whole number of at least 1, got ${df}`);
  if (df <= T975.length) return T975[df - 1];
  for (let i = 1; i < T975_LARGE.length; i++) {
    const [dfHigh, tHigh] = T975_LARGE[i];
    if (df > dfHigh) continue;
    const [dfLow, tLow] = T975_LARGE[i - 1];
    const share = (1 / dfLow - 1 / df) / (1 / dfLow - 1 / dfHigh);
    return tLow + share * (tHigh - tLow);
  }
  return 1.96;
}
