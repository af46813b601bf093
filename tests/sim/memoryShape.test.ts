import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createSimulation, loadScenarioOrThrow } from '../../sim/index';

const fireNight = loadScenarioOrThrow(readFileSync('scenarios/compound-fire-night.json', 'utf8'));

describe('state memory by what it is indexed by', () => {
  const sim = createSimulation(fireNight, { seed: 1, strategy: 'resilient' });
  sim.step(2400);
  const shape = sim.memoryShape();
  const cells = fireNight.map.rows.length * fireNight.map.rows[0].length;
  const residents = sim.residents();

  it('splits every byte the run holds into agents, map cells and other', () => {
    expect(shape.agentBytes + shape.cellBytes + shape.otherBytes).toBe(sim.memoryBytes());
    expect(shape.cells).toBe(cells);
    expect(shape.residents).toBe(residents.count);
  });

  it('counts every resident array as agent state and every per-cell array in whole cells', () => {
    let residentBytes = 0;
    for (const value of Object.values(residents)) if (ArrayBuffer.isView(value)) residentBytes += value.byteLength;
    // The residents' own arrays at least; harm and volunteers add to them.
    expect(shape.agentBytes).toBeGreaterThanOrEqual(residentBytes);
    // Per-cell arrays have 1, 2, 4 or 8 bytes a cell each: their sum is a whole number of bytes per cell,
    // at least the walkable mask (1), head counts (2) and one distance field (4 + 1).
    expect(shape.cellBytes % cells).toBe(0);
    expect(shape.cellBytes / cells).toBeGreaterThanOrEqual(8);
  });
});
