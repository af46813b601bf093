import { describe, expect, it } from 'vitest';
import type { MeasureResult } from '../../bench/measureRun';
import { compareWithEvacuation, formatReport, summarizeRuns } from '../../bench/report';

const MACHINE = { cpu: 'Test CPU', cores: 2, memoryGB: 8, node: 'v20.0.0', v8: '11', platform: 'linux x64' };

function result(model: MeasureResult['model'], agents: number, msPerTick: number, extra: Partial<MeasureResult> = {}): MeasureResult {
  return {
    model,
    agents,
    layout: { blocksPerSide: 1, sideCells: 16, gates: 4 },
    setupMs: 100,
    warmupMs: 200,
    ticksPerS: 1000 / msPerTick,
    msPerTick,
    bytesPerAgent: 90,
    timedFromS: 5,
    timedToS: 25,
    firstOfficialWarningS: null,
    movingShareStart: 0.9,
    movingShareEnd: 0.8,
    movingShareMean: 0.85,
    informedShareStart: 0,
    informedShareEnd: 0,
    rssMB: 100,
    heapMB: 10,
    ...extra,
  };
}

const warned = { firstOfficialWarningS: 75.5, timedFromS: 165.75, timedToS: 225.75, informedShareStart: 0.65, informedShareEnd: 0.8 };

describe('benchmark report', () => {
  it('keeps medians per model and size, and the warning phase of warning rows', () => {
    const row = summarizeRuns('warning', 100_000, [
      result('warning', 100_000, 8, warned),
      result('warning', 100_000, 6, warned),
      result('warning', 100_000, 7, { ...warned, informedShareEnd: 0.9 }),
    ]);
    expect(row).toMatchObject({
      model: 'warning',
      agents: 100_000,
      msPerTick: 7,
      ticksPerS: 142.9,
      runs: 3,
      firstOfficialWarningS: 75.5,
      informedShareStart: 0.65,
      informedShareEnd: 0.8,
      timedFromS: 165.75,
    });
    const evacuation = summarizeRuns('evacuation', 100_000, [result('evacuation', 100_000, 3)]);
    expect(evacuation).not.toHaveProperty('informedShareStart');
    expect(evacuation).not.toHaveProperty('msPerTickVsEvacuation');
  });

  it('compares each warning row with the evacuation row of the same size', () => {
    const rows = [
      summarizeRuns('evacuation', 10_000, [result('evacuation', 10_000, 0.3)]),
      summarizeRuns('evacuation', 100_000, [result('evacuation', 100_000, 3)]),
      summarizeRuns('warning', 100_000, [result('warning', 100_000, 7.5, warned)]),
      summarizeRuns('warning', 1_000_000, [result('warning', 1_000_000, 150, warned)]),
    ];
    compareWithEvacuation(rows);
    expect(rows[2].msPerTickVsEvacuation).toBe(2.5);
    // No evacuation row at 1,000,000: nothing to compare with.
    expect(rows[3].msPerTickVsEvacuation).toBeNull();
    const text = formatReport(MACHINE, rows).join('\n');
    expect(text).toContain('Evacuation model');
    expect(text).toContain('Warning and behaviour model');
    expect(text).toMatch(/^\s+100,000\s+133\s+7\.5\s+2\.50×/m);
    expect(text).toMatch(/65% → 80%/);
    expect(text).toContain('Timed from 90 s after the first official warning (at 75.5 s)');
  });

  it('shows a size that failed with its reason', () => {
    const rows = [summarizeRuns('warning', 1_000_000, [], 'did not finish within 180 s')];
    compareWithEvacuation(rows);
    expect(rows[0]).toMatchObject({ ticksPerS: null, runs: 0, msPerTickVsEvacuation: null, error: 'did not finish within 180 s' });
    expect(formatReport(MACHINE, rows).join('\n')).toContain('0  (did not finish within 180 s)');
  });
});
