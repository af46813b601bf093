import { describe, expect, it } from 'vitest';
import type { MeasureResult } from '../../bench/measureRun';
import { compareWithEvacuation, formatReport, summarizeRuns } from '../../bench/report';

const MACHINE = { cpu: 'Test CPU', cores: 2, memoryGB: 8, node: 'v20.0.0', v8: '11', platform: 'linux x64' };

function result(model: MeasureResult['model'], agents: number, msPerTick: number, extra: Partial<MeasureResult> = {}): MeasureResult {
  return {
    model,
    agents,
    layout: { blocksPerSide: 1, sideCells: 16, gates: 4 },
    gridCells: 256,
    tickS: 0.25,
    setupMs: 100,
    warmupMs: 200,
    ticksPerS: 1000 / msPerTick,
    msPerTick,
    cpuMsPerTick: msPerTick * 0.9,
    bytesPerAgent: 90,
    timedFromS: 5,
    timedToS: 25,
    firstOfficialWarningS: null,
    movingShareStart: 0.9,
    movingShareEnd: 0.8,
    movingShareMean: 0.85,
    informedShareStart: 0,
    informedShareEnd: 0,
    hazardShareStart: null,
    hazardShareEnd: null,
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

  it('gives hazard rows their map size and the hazard cover, in a table of their own, without the per-agent targets', () => {
    const hazard = (model: MeasureResult['model'], msPerTick: number) =>
      result(model, 10_000, msPerTick, {
        layout: { sideCells: 512, cellSizeM: 2, blocksPerSide: 31, gates: 36 },
        gridCells: 512 * 512,
        tickS: 0.5,
        bytesPerAgent: 690,
        timedFromS: 300,
        timedToS: 360,
        movingShareStart: 0,
        hazardShareStart: 0.12,
        hazardShareEnd: 0.14,
      });
    const rows = [
      summarizeRuns('evacuation', 10_000, [result('evacuation', 10_000, 0.3)]),
      summarizeRuns('hazard-fire', 10_000, [hazard('hazard-fire', 6), hazard('hazard-fire', 5), hazard('hazard-fire', 7)]),
      summarizeRuns('hazard-combined', 10_000, [hazard('hazard-combined', 70)]),
      summarizeRuns('hazard-gas', 10_000, [], 'did not finish within 180 s'),
    ];
    compareWithEvacuation(rows);
    expect(rows[1]).toMatchObject({ model: 'hazard-fire', agents: 10_000, msPerTick: 6, ticksPerS: 166.7, gridCells: 262_144, tickS: 0.5, bytesPerAgent: 690 });
    expect(rows[1]).toMatchObject({ hazardShareStart: 0.12, hazardShareEnd: 0.14, timedFromS: 300, runs: 3 });
    expect(rows[1]).not.toHaveProperty('msPerTickVsEvacuation');
    expect(rows[0]).toMatchObject({ gridCells: 256, tickS: 0.25 });
    expect(rows[0]).not.toHaveProperty('hazardShareStart');
    expect(rows[3]).toMatchObject({ model: 'hazard-gas', gridCells: null, hazardShareStart: null, error: 'did not finish within 180 s' });
    // Plain data: what --json prints.
    expect(JSON.parse(JSON.stringify(rows[1]))).toEqual(rows[1]);
    const text = formatReport(MACHINE, rows).join('\n');
    expect(text).toContain('Hazard models: a town of 512 × 512 cells of 2 m');
    expect(text).toMatch(/^fire\s+10,000\s+262,144\s+167\s+6\s+690\s+6\.6 MB\s+12% → 14%\s+0% → 80%/m);
    expect(text).toMatch(/^fire \+ gas \+ flood\s+10,000\s+262,144\s+14\s+70\s/m);
    expect(text).toMatch(/^gas\s+10,000\s+—.*0 {2}\(did not finish within 180 s\)$/m);
    // 690 bytes per resident is the 512 × 512 map, not the residents: the per-agent memory target is not applied.
    expect(text).toMatch(/evacuation: at most 90 \(at 10,000 residents\) — met/);
    expect(text).not.toMatch(/hazard.*NOT met/);
  });

  it('shows a size that failed with its reason', () => {
    const rows = [summarizeRuns('warning', 1_000_000, [], 'did not finish within 180 s')];
    compareWithEvacuation(rows);
    expect(rows[0]).toMatchObject({ ticksPerS: null, runs: 0, msPerTickVsEvacuation: null, error: 'did not finish within 180 s' });
    expect(formatReport(MACHINE, rows).join('\n')).toContain('0  (did not finish within 180 s)');
  });

  it('gives peers our evacuation speed as a multiple of theirs, and the whole model its cost and targets', () => {
    const rows = [
      summarizeRuns('evacuation', 100_000, [result('evacuation', 100_000, 2)]),
      summarizeRuns('baseline-objects', 100_000, [result('baseline-objects', 100_000, 12, { bytesPerAgent: 230 })]),
      summarizeRuns('agentscript', 100_000, [result('agentscript', 100_000, 80, { bytesPerAgent: 780 })]),
      summarizeRuns('agentscript', 10_000, [result('agentscript', 10_000, 8)]),
      summarizeRuns('whole', 100_000, [result('whole', 100_000, 20, warned)]),
      summarizeRuns('whole', 1_000_000, [result('whole', 1_000_000, 250, warned)]),
    ];
    compareWithEvacuation(rows);
    // 500 ticks/s against 83.3 and 12.5.
    expect(rows[1].vsEvacuation).toBe(6);
    expect(rows[2].vsEvacuation).toBe(40);
    // No evacuation row at 10,000 in this run.
    expect(rows[3].vsEvacuation).toBeNull();
    expect(rows[4]).toMatchObject({ model: 'whole', msPerTickVsEvacuation: 10, informedShareStart: 0.65, firstOfficialWarningS: 75.5 });
    expect(rows[0]).not.toHaveProperty('vsEvacuation');
    const text = formatReport(MACHINE, rows).join('\n');
    expect(rows[1].vsEvacuationCpu).toBe(6);
    expect(text).toMatch(/^baseline-objects\s+100,000\s+83\.3\s+12\s+6\.0×\s+10\.8\s+6\.0×\s+230\s/m);
    expect(text).toMatch(/^agentscript\s+100,000\s+12\.5\s+80\s+40\.0×/m);
    expect(text).toContain('Whole model');
    expect(text).toMatch(/evacuation: 500 ticks\/s, target 500 — met/);
    expect(text).toMatch(/whole: 50 ticks\/s \(10\.00× the evacuation model's ms\/tick\), target 60 — NOT met/);
    expect(text).toMatch(/whole at 1,000,000: 4 ticks\/s, target 5 — NOT met/);
    expect(text).toMatch(/evacuation vs baseline-objects: 6\.0×, target 3× — met/);
    expect(text).toMatch(/evacuation vs agentscript: 40\.0×, target 50× — NOT met/);
    // Peers' heap growth is not held to the state-memory target.
    expect(text).not.toMatch(/baseline-objects: at most/);
  });
});
