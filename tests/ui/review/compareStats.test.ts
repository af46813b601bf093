import { describe, expect, it } from 'vitest';
import { differenceOf, divergingColour, divergingPosition, divergingValueAt } from '../../../ui/review/compareDiffMap';
import { formatDelta, formatSummary } from '../../../ui/review/compareFormat';
import { COMPARE_METRICS, metricDifferences, summariseVariants } from '../../../ui/review/compareStats';
import type { CompareRow } from '../../../workers/compareJob';

/** A row with only what the statistics read. */
function row(variant: string, seed: number, metrics: Record<string, number | null>): CompareRow {
  return { scenario: 's', strategy: variant, seed, ticks: 10, simTimeS: 5, stateHash: '0'.repeat(16), variant, refusedCommands: 0, ...metrics };
}

describe('comparison statistics', () => {
  it('gives each variant the mean and 95% confidence interval of each key metric, in display units', () => {
    // Deceased 1, 2, 3, 4: mean 2.5, sample sd √(5/3) = 1.29099, standard error 0.645497; t(3, 0.975) = 3.182
    // (Student's table), so the half-width is 2.05397.
    const rows = [1, 2, 3, 4].map((d, i) => row('a', i + 1, { deceased: d, safeShare: 0.5 + i * 0.1, firstOfficialWarningS: i === 3 ? null : 60 }));
    rows.push(row('b', 1, { deceased: 7, safeShare: 1, firstOfficialWarningS: null }));
    const [a, b] = summariseVariants(rows, ['a', 'b']);
    expect(a.runs).toBe(4);
    expect(a.metrics.deceased.mean).toBe(2.5);
    expect(a.metrics.deceased.ciLow).toBeCloseTo(2.5 - 2.05397, 4);
    expect(a.metrics.deceased.ciHigh).toBeCloseTo(2.5 + 2.05397, 4);
    expect(a.metrics.deceased.values).toEqual([1, 2, 3, 4]);
    // Shares become percentages: 50, 60, 70, 80.
    expect(a.metrics.safeShare.mean).toBeCloseTo(65, 9);
    expect(a.metrics.safeShare.min).toBeCloseTo(50, 9);
    // A moment not reached counts as a run without a value.
    expect(a.metrics.firstOfficialWarningS).toMatchObject({ n: 3, mean: 60, ciLow: 60, ciHigh: 60 });
    expect(formatSummary('clock', a.metrics.firstOfficialWarningS, a.runs)).toBe('01:00 ± 0:00 (3 of 4)');
    expect(formatSummary('count', a.metrics.deceased, a.runs)).toBe('2.5 ± 2.1');
    // One run: a mean, no interval.
    expect(b.metrics.deceased).toMatchObject({ n: 1, mean: 7, ciLow: null, ciHigh: null });
    expect(b.metrics.firstOfficialWarningS.mean).toBeNull();
    expect(formatSummary('clock', b.metrics.firstOfficialWarningS, 1)).toBe('not reached');
  });

  it('measures a branch against the original: the difference and whether it is better', () => {
    const original = row('original', 1, { safeShare: 0.4, deceased: 3, exposurePersonS: 600, firstOfficialWarningS: 120, evacuationOrderLatencyS: null });
    const branch = row('branch', 1, { safeShare: 0.55, deceased: 5, exposurePersonS: 600, firstOfficialWarningS: 90, evacuationOrderLatencyS: 40 });
    const byColumn = Object.fromEntries(metricDifferences(original, branch).map((d) => [d.metric.column, d]));
    expect(byColumn.safeShare.delta).toBeCloseTo(15, 9);
    expect(byColumn.safeShare.verdict).toBe('better');
    expect(byColumn.deceased).toMatchObject({ delta: 2, verdict: 'worse' });
    expect(byColumn.exposurePersonS).toMatchObject({ a: 10, b: 10, delta: 0, verdict: 'same' });
    expect(byColumn.firstOfficialWarningS).toMatchObject({ delta: -30, verdict: 'better' });
    expect(byColumn.evacuationOrderLatencyS).toMatchObject({ a: null, b: 40, delta: null, verdict: 'unknown' });
    expect(formatDelta('clock', -30)).toBe('−0:30');
    expect(formatDelta('share', 15)).toBe('+15.0');
  });

  it('covers the key metrics the comparison promises', () => {
    expect(COMPARE_METRICS.map((m) => m.column)).toEqual([
      'safeShare',
      'deceased',
      'exposurePersonS',
      'firstOfficialWarningS',
      'evacuationOrderLatencyS',
      'supplyMetShare',
      'recoveryIndex',
    ]);
  });
});

describe('the difference heat map', () => {
  it('subtracts B from A per cell and scales the legend to the largest difference either way', () => {
    const { values, maxAbs } = differenceOf(new Float32Array([4, 0, 1, 2]), new Float32Array([0, 9, 1, 1]));
    expect([...values]).toEqual([4, -9, 0, 1]);
    expect(maxAbs).toBe(9);
    expect(() => differenceOf(new Float32Array(2), new Float32Array(3))).toThrow('differ in size');
  });

  it('places differences on a signed square-root scale, red for more in A and blue for more in B', () => {
    expect(divergingPosition(9, 9)).toBe(1);
    expect(divergingPosition(-9, 9)).toBe(-1);
    expect(divergingPosition(2.25, 9)).toBeCloseTo(0.5, 12);
    expect(divergingPosition(0, 9)).toBe(0);
    expect(divergingValueAt(-0.5, 9)).toBeCloseTo(-2.25, 12);
    // ColorBrewer RdBu ends: #67001f (dark red) and #053061 (dark blue).
    expect(divergingColour(1)).toEqual([0x67, 0x00, 0x1f]);
    expect(divergingColour(-1)).toEqual([0x05, 0x30, 0x61]);
  });
});
