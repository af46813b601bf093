import type { World } from '../core/World';
import { hazardVisibleFrom, reportFromVolunteer } from '../detection/detection';
import { isWalkableKind } from '../space/CellKind';
import type { VolunteerRuntime } from './VolunteerRuntime';
import { planWalk } from './walk';

/**
 * The walkable cells of a zone (the whole map for null), the waypoints a patrol may be sent to, without a
 * list of them (four bytes a cell): how many there are before each row. The k-th in row-major order is found
 * by a binary search over the rows and a scan of one row.
 */
export interface PatrolCells {
  zone: Uint8Array | null;
  /** Walkable cells of the zone in the rows above row y: `before[y]`; `before[height]` is the total. */
  before: Int32Array;
}

/** The walkable cells of a zone (the whole map for null), counted row by row. */
export function patrolCells(world: World, zone: Uint8Array | null): PatrolCells {
  const { baseKinds: kinds, width, height } = world.grid;
  const before = new Int32Array(height + 1);
  for (let y = 0; y < height; y++) {
    let n = 0;
    for (let c = y * width, end = c + width; c < end; c++) if ((!zone || zone[c]) && isWalkableKind(kinds[c])) n++;
    before[y + 1] = before[y] + n;
  }
  return { zone, before };
}

/** Number of waypoints of a patrol zone. */
export function patrolCellCount(cells: PatrolCells): number {
  return cells.before[cells.before.length - 1];
}

/** The k-th walkable cell of the zone in row-major order (0 ≤ k < patrolCellCount). */
export function patrolCellAt(world: World, cells: PatrolCells, k: number): number {
  const { before, zone } = cells;
  const { baseKinds: kinds, width } = world.grid;
  // The last row whose count before it is at most k.
  let lo = 0;
  let hi = before.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (before[mid] <= k) lo = mid;
    else hi = mid - 1;
  }
  let left = k - before[lo];
  for (let c = lo * width; ; c++) {
    if ((!zone || zone[c]) && isWalkableKind(kinds[c]) && left-- === 0) return c;
  }
}

/**
 * Send patrolling volunteer `v` to the next waypoint: a random walkable cell of the zone, drawn from the
 * volunteers' stream, so a patrol sweeps the zone in a loop that differs by seed. One try per tick: an
 * unreachable or closed draw is retried at the next tick, which bounds the cost of a tick.
 */
export function nextWaypoint(rt: VolunteerRuntime, world: World, v: number, cells: PatrolCells): boolean {
  const count = patrolCellCount(cells);
  if (count === 0) return false;
  const cell = patrolCellAt(world, cells, Math.floor(rt.random.next() * count));
  if (!world.passable[cell] || !planWalk(rt, world, v, cell)) return false;
  rt.target[v] = cell;
  return true;
}

/**
 * One tick of watching for patrolling volunteer `v`: the first time it stands within sight of a hazard
 * (`detection.noticeRangeM`, as the detection system's notice mask has it: one lookup), it calls the duty
 * desk once, from where it stands. Returns whether it reported now.
 */
export function watchForHazards(rt: VolunteerRuntime, world: World, v: number, team: number): boolean {
  const cell = world.volunteers.cell[v];
  if (rt.reported[v] || !hazardVisibleFrom(world, cell)) return false;
  rt.reported[v] = 1;
  rt.teamStats.hazardReports[team]++;
  reportFromVolunteer(world, cell, v);
  return true;
}
