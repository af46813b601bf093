import type { World } from '../core/World';
import { findPath } from '../space/findPath';
import type { VolunteerRuntime } from './VolunteerRuntime';

/** What a tick of walking came to. */
export const Walk = { OnTheWay: 0, Arrived: 1, Unreachable: 2 } as const;

/**
 * Plan volunteer `v`'s walk to `goal` (a cell) by A* over the cells passable now. Returns false, and
 * leaves the volunteer without a walk, when the goal cannot be reached.
 */
export function planWalk(rt: VolunteerRuntime, world: World, v: number, goal: number): boolean {
  const finder = rt.finder;
  rt.pathGoal[v] = goal;
  rt.pathVersion[v] = world.geometryVersion;
  if (!findPath(finder, world.passable, world.volunteers.cell[v], goal)) {
    rt.pathGoal[v] = -1;
    rt.pathLength[v] = 0;
    return false;
  }
  const n = finder.length;
  if (rt.paths[v].length < n) rt.paths[v] = new Int32Array(Math.max(n, rt.paths[v].length * 2));
  rt.paths[v].set(finder.path.subarray(0, n));
  rt.pathLength[v] = n;
  // The first cell is the one it stands in: it walks to that cell's centre first, which keeps every leg
  // between centres of neighbouring passable cells, so no leg crosses a wall.
  rt.pathNext[v] = 0;
  return true;
}

/**
 * Walk volunteer `v` one tick along its planned path, from cell centre to cell centre, at its free
 * speed times the speed-density factor of the cell ahead (volunteers feel the crowd but do not add to
 * `world.occupancy`). Re-plans first when the geometry changed since planning (a block, a closed
 * exit), so it never walks into a cell that was closed. Allocation-free unless a re-plan finds a longer
 * path than any before.
 */
export function walkStep(rt: VolunteerRuntime, world: World, v: number): number {
  const goal = rt.pathGoal[v];
  if (goal < 0) return Walk.Unreachable;
  // Passability changes only with the geometry version, so an unchanged version means the path is still open.
  if (rt.pathVersion[v] !== world.geometryVersion && !planWalk(rt, world, v, goal)) return Walk.Unreachable;
  const path = rt.paths[v];
  const vol = world.volunteers;
  const { width, cellSizeM: cs } = world.grid;
  const occupancy = world.occupancy;
  const speedFactor = world.speedFactor;
  const capacity = world.cellCapacity;
  const length = rt.pathLength[v];
  const speed = rt.speedMps[v];
  let next = rt.pathNext[v];
  let x = vol.x[v];
  let y = vol.y[v];
  let timeLeftS = world.tickS;
  while (next < length && timeLeftS > 0) {
    const c = path[next];
    const tx = ((c % width) + 0.5) * cs;
    const ty = (((c / width) | 0) + 0.5) * cs;
    const dx = tx - x;
    const dy = ty - y;
    const d = Math.sqrt(dx * dx + dy * dy);
    const occ = occupancy[c];
    const mps = speed * speedFactor[Math.min(occ, capacity)];
    if (mps <= 0) break;
    if (d <= mps * timeLeftS) {
      x = tx;
      y = ty;
      timeLeftS -= d / mps;
      next++;
    } else {
      const step = mps * timeLeftS;
      x += (dx / d) * step;
      y += (dy / d) * step;
      timeLeftS = 0;
    }
  }
  vol.x[v] = x;
  vol.y[v] = y;
  // The cell from the stored (Float32) position, so it agrees with what a snapshot shows.
  vol.cell[v] = Math.floor(vol.y[v] / cs) * width + Math.floor(vol.x[v] / cs);
  rt.pathNext[v] = next;
  if (next < length) return Walk.OnTheWay;
  rt.pathGoal[v] = -1;
  return Walk.Arrived;
}

/** Stop walking (a new task, or the target went away). */
export function stopWalk(rt: VolunteerRuntime, v: number): void {
  rt.pathGoal[v] = -1;
  rt.pathLength[v] = 0;
  rt.pathNext[v] = 0;
}
