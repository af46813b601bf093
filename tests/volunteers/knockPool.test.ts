import { describe, expect, it, vi } from 'vitest';
import { createWarningCommunity } from '../../bench/warningCommunity';
import { ResidentState } from '../../sim/index';
import { fillKnockPool, nextHousehold } from '../../sim/volunteers/knockDoors';
import { volunteerRuntimeOf } from '../../sim/volunteers/VolunteerRuntime';
import { worldOf } from './captureWorld';
import { runFor, scenarioOf } from './support';

vi.mock('../../sim/volunteers/tasks', async (importOriginal) => (await import('./captureWorld')).captureWorlds(await importOriginal()));

describe('knock pool', () => {
  it('hands each free volunteer the nearest household still to visit, as a search of every household would', () => {
    // 3,000 residents on a 63 × 63 map: the pool's 16-cell buckets make a 4 × 4 grid.
    const sim = runFor(scenarioOf(createWarningCommunity(3000).scenario), 1);
    const world = worldOf(sim);
    const rt = volunteerRuntimeOf(world);
    const { width, cellSizeM: cs } = world.grid;
    const state = world.residents.state;
    const team = 0;
    const total = fillKnockPool(rt, world, team, null);
    expect(total).toBe(rt.householdCount);
    // Some households leave (nobody at home any more): they must be passed over.
    for (let h = 0; h < rt.householdCount; h += 7) for (let k = rt.householdStart[h]; k < rt.householdEnd[h]; k++) state[k] = ResidentState.Safe;
    const left = new Set<number>();
    for (let h = 0; h < rt.householdCount; h++) if (h % 7 !== 0) left.add(h);

    // A deterministic walk of volunteer 0 over the map, including just outside its corners.
    let seed = 12345;
    const draw = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed / 2 ** 32;
    };
    const v = 0;
    for (let round = 0; round < 400; round++) {
      const xM = (draw() * (width + 2) - 1) * cs;
      const yM = (draw() * (width + 2) - 1) * cs;
      world.volunteers.x[v] = xM;
      world.volunteers.y[v] = yM;
      // Brute force: the nearest household left (squared distance in cells, ties to the lowest index).
      const vx = xM / cs - 0.5;
      const vy = yM / cs - 0.5;
      let expected = -1;
      let bestD = Infinity;
      for (const h of left) {
        const c = rt.householdCell[h];
        const d = ((c % width) - vx) ** 2 + (Math.floor(c / width) - vy) ** 2;
        if (d < bestD || (d === bestD && h < expected)) {
          bestD = d;
          expected = h;
        }
      }
      const taken = nextHousehold(rt, world, v, team) ? rt.target[v] : -1;
      expect(taken).toBe(expected);
      left.delete(expected);
      // Walks are planned from the volunteer's cell: the last door, as after a knock.
      world.volunteers.cell[v] = rt.householdCell[expected];
    }
    expect(rt.teamPoolCount[team]).toBeGreaterThanOrEqual(left.size);
  });
});
