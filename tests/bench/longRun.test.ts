import { describe, expect, it } from 'vitest';
import { formatLongRun, runLongRun } from '../../bench/longRun';

describe('long-run memory measurement', () => {
  it('samples the whole model at the start and every simulated hour, with its logs and heap', () => {
    const r = runLongRun({ kind: 'longrun', agents: 1000, hours: 1, seed: 1 });
    expect(r.simulatedS).toBe(3600);
    expect(r.samples.map((s) => s.timeS)).toEqual([0, 3600]);
    const [start, hour] = r.samples;
    expect(start.stateBytes).toBeGreaterThan(0);
    expect(start.stateBytesPerAgent).toBeCloseTo(start.stateBytes / 1000, 1);
    expect(start.events + start.trail + start.alerts).toBe(0);
    // An hour of the whole model: the fire was reported, the organisations approved and acted.
    expect(hour.alerts).toBeGreaterThan(0);
    expect(hour.trail).toBeGreaterThan(0);
    expect(hour.heapUsedMB).toBeGreaterThan(0);
    const lines = formatLongRun(r);
    expect(lines.some((l) => l.trim().startsWith('1 h'))).toBe(true);
    expect(lines.at(-1)).toMatch(/from 1 h to the end: state [+-]\d/);
  });
});
