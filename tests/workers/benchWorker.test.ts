import { describe, expect, it } from 'vitest';
import { spawnMeasurement } from '../../bench/spawnMeasurement';
import { createSyntheticCommunity } from '../../bench/syntheticCommunity';
import { loadScenarioObject } from '../../sim/index';

describe('benchmark community and worker', () => {
  it('builds a valid scenario: blocks, roads, gates, everyone ordered out at 0 s', () => {
    const { scenario, layout } = createSyntheticCommunity(1000);
    const loaded = loadScenarioObject(scenario);
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    // 1,000 people at one per 8 × 8 block cell need 16 blocks: 4 per side, 11 m apart, plus a road and the wall.
    expect(layout).toEqual({ blocksPerSide: 4, sideCells: 4 * 11 + 3 + 2, gates: 12 });
    expect(loaded.scenario.population.groups.reduce((sum, g) => sum + g.count, 0)).toBe(1000);
    expect(loaded.scenario.timeline).toEqual([{ atS: 0, kind: 'evacuate', zone: 'all', target: 'nearest-safe' }]);
  });

  it('measures one run in a worker thread and reports speed, memory and who is still walking', async () => {
    const outcome = await spawnMeasurement({ agents: 1000, warmupTicks: 4, timedTicks: 8, seed: 1 }, 60_000);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const r = outcome.result;
    expect(r.agents).toBe(1000);
    expect(r.ticksPerS).toBeGreaterThan(0);
    expect(r.msPerTick).toBeCloseTo(1000 / r.ticksPerS, 6);
    // At least the 30 or so bytes of position, cell, state and speed per resident.
    expect(r.bytesPerAgent).toBeGreaterThan(30);
    // Pre-movement is 0: after one second nearly everyone is walking.
    expect(r.movingShareStart).toBeGreaterThan(0.9);
  });
});
