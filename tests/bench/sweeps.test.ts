import { describe, expect, it } from 'vitest';
import { formatSweeps, measureSweeps } from '../../bench/sweeps';

describe('bench sweeps', () => {
  it("runs the same sweep with 1 and 2 workers and reports runs per minute and the second worker's gain", async () => {
    const s = await measureSweeps('scenarios/tiny-court.json', 2, 60);
    expect(s.rows.map((r) => r.workers)).toEqual([1, 2]);
    // Tiny court has two strategies: 2 × 2 seeds.
    for (const r of s.rows) {
      expect(r.runs).toBe(4);
      // The wall time that runs per minute imply equals the reported one, which is rounded to 0.01 s.
      expect(Math.abs((r.runs * 60) / r.runsPerMin - r.wallS)).toBeLessThan(0.006);
    }
    expect(Math.abs((s.secondWorkerGain ?? Number.NaN) - (s.rows[1].runsPerMin / s.rows[0].runsPerMin - 1))).toBeLessThan(0.01);
    expect(formatSweeps(s).join('\n')).toContain('the second worker adds');
  }, 60_000);
});
