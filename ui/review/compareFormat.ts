import { formatClock, formatCount } from '../format';
import { t } from '../i18n/index';
import type { CompareUnit, MetricDistribution } from './compareStats';

/** A value in display units as the tables show it: 96.4%, 12:05, 3.5, 1,204, 0.82. */
export function formatValue(unit: CompareUnit, value: number, whole = false): string {
  switch (unit) {
    case 'share':
      return `${value.toFixed(1)}%`;
    case 'clock':
      return formatClock(value);
    case 'count':
      return whole ? formatCount(value) : value.toLocaleString('en-US', { maximumFractionDigits: 1 });
    case 'personMinutes':
      return formatCount(Math.round(value));
    case 'index':
      return value.toFixed(2);
  }
}

/** A size of difference (a half-width, a delta's magnitude) in display units; times as m:ss. */
function formatMagnitude(unit: CompareUnit, size: number): string {
  if (unit === 'clock') {
    const s = Math.round(size);
    return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
  }
  if (unit === 'share') return size.toFixed(1);
  return formatValue(unit, size);
}

/** "96.4% ± 0.3" and "(18 of 20)" when some runs have no value; "not reached" when none has. */
export function formatSummary(unit: CompareUnit, summary: MetricDistribution, runs: number): string {
  if (summary.mean === null) return t('compare.notReached');
  let text = formatValue(unit, summary.mean);
  if (summary.ciHigh !== null) text += ` ± ${formatMagnitude(unit, summary.ciHigh - summary.mean)}`;
  if (summary.n < runs) text += ` ${t('compare.nOfRuns', { n: summary.n, runs })}`;
  return text;
}

/** A difference with its sign: +1.5, −0:40; "—" when one side has no value. */
export function formatDelta(unit: CompareUnit, delta: number | null): string {
  if (delta === null) return '—';
  if (delta === 0) return formatMagnitude(unit, 0);
  const sign = delta > 0 ? '+' : '−';
  return `${sign}${formatMagnitude(unit, Math.abs(delta))}`;
}

/** A single run's value, or "not reached". */
export function formatOne(unit: CompareUnit, value: number | null): string {
  return value === null ? t('compare.notReached') : formatValue(unit, value, true);
}
