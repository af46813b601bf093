import type { World } from '../core/World';
import { hazardVisibleFrom, reportFromVolunteer } from '../detection/detection';
import { isWalkableKind } from '../space/CellKind';
import type { VolunteerRuntime } from './VolunteerRuntime';
import { planWalk } from './walk';

/** Walkable cells of a zone (the whole map for null): the waypoints a patrol may be sent to. */
export function patrolCells(world: World, zone: Uint8Array | null): Int32Array {
  const kinds = world.grid.baseKinds;
  const out: number[] = [];
  for (let c = 0; c < kinds.length; c++) if ((!zone || zone[c]) && isWalkableKind(kinds[c])) out.push(c);
  return Int32Array.from(out);
}

/**
 * Send patrolling volunteer `v` to the next waypoint: a random walkable cell of the zone, drawn from the
 * volunteers' stream, so a patrol sweeps the zone in a loop that differs by seed. One try per tick: an
 * unreachable or closed draw is retried at the next tick, which bounds the cost of a tick.
 */
export function nextWaypoint(rt: VolunteerRuntime, world: World, v: number, cells: Int32Array): boolean {
  if (cells.length === 0) return false;
  const cell = cells[Math.floor(rt.random.next() * cells.length)];
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
