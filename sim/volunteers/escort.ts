import { ResidentState } from '../core/Simulation';
import type { World } from '../core/World';
import { setState } from '../warning/decide';
import { type VolunteerRuntime, VolunteerState } from './VolunteerRuntime';
import { planWalk, stopWalk } from './walk';

/**
 * Rebuild the list of residents awaiting help that no volunteer is coming for yet. Called at most once a
 * tick, and only when an escort is free and someone is waiting unbooked, so the O(residents) scan is rare.
 * Returns how many there are.
 */
export function collectCandidates(rt: VolunteerRuntime, world: World): number {
  if (world.counts.awaitingHelp - rt.booked <= 0) return 0;
  const r = world.residents;
  let out = rt.candidates;
  const version = world.geometryVersion;
  let n = 0;
  for (let i = 0; i < r.count; i++) {
    if (r.state[i] !== ResidentState.AwaitingHelp || rt.escortBy.has(i) || rt.unreachableAt.get(i) === version) continue;
    if (n === out.length) {
      const grown = new Int32Array(2 * n);
      grown.set(out);
      out = grown;
      rt.candidates = out;
    }
    out[n++] = i;
  }
  return n;
}

/**
 * Send free volunteer `v` to the nearest (straight line) candidate in its team's zone and book that
 * resident, so no other volunteer goes for it. Returns false when there is nobody it can reach.
 */
export function nextEscort(rt: VolunteerRuntime, world: World, v: number, zone: Uint8Array | null, candidateCount: number): boolean {
  const r = world.residents;
  const vx = world.volunteers.x[v];
  const vy = world.volunteers.y[v];
  const cands = rt.candidates;
  for (;;) {
    let best = -1;
    let bestD = Infinity;
    for (let k = 0; k < candidateCount; k++) {
      const i = cands[k];
      // Booked since the list was built (by a volunteer earlier in this tick), or found unreachable.
      if (rt.escortBy.has(i) || rt.unreachableAt.get(i) === world.geometryVersion) continue;
      if (zone && !zone[r.cell[i]]) continue;
      const dx = r.x[i] - vx;
      const dy = r.y[i] - vy;
      const d = dx * dx + dy * dy;
      if (d < bestD) {
        bestD = d;
        best = i;
      }
    }
    if (best < 0) return false;
    if (planWalk(rt, world, v, r.cell[best])) {
      rt.escortBy.set(best, v);
      rt.booked++;
      rt.target[v] = best;
      world.volunteers.state[v] = VolunteerState.Walking;
      return true;
    }
    rt.unreachableAt.set(best, world.geometryVersion);
  }
}

/**
 * Volunteer `v` reached the resident it came for: the resident sets off now, at the pace of the slower of
 * the two, along the field it was told to follow, and the volunteer goes beside it. Returns false when the
 * resident no longer waits (it then takes no further part).
 */
export function startEscort(rt: VolunteerRuntime, world: World, v: number, team: number): boolean {
  stopWalk(rt, v);
  const i = rt.target[v];
  const r = world.residents;
  rt.booked--;
  if (r.state[i] !== ResidentState.AwaitingHelp) {
    rt.escortBy.delete(i);
    rt.target[v] = -1;
    return false;
  }
  if (rt.speedMps[v] < r.speedMps[i]) r.speedMps[i] = rt.speedMps[v];
  r.startS[i] = world.tick * world.tickS;
  setState(world, i, ResidentState.Moving);
  world.volunteers.state[v] = VolunteerState.Escorting;
  rt.teamStats.escortsStarted[team]++;
  return true;
}

/**
 * One tick beside an escorted resident: the volunteer keeps to its position (the resident walks in the
 * movement step, after this one, so the volunteer trails it by a tick). Returns true once the resident is
 * safe.
 */
export function stepEscort(rt: VolunteerRuntime, world: World, v: number, team: number): boolean {
  const i = rt.target[v];
  const r = world.residents;
  const vol = world.volunteers;
  vol.x[v] = r.x[i];
  vol.y[v] = r.y[i];
  vol.cell[v] = r.cell[i];
  if (r.state[i] !== ResidentState.Safe) return false;
  rt.teamStats.escorted[team]++;
  rt.escortBy.delete(i);
  rt.target[v] = -1;
  return true;
}

/** Release the resident volunteer `v` was walking to (the team got another task). */
export function releaseBooking(rt: VolunteerRuntime, v: number): void {
  const i = rt.target[v];
  if (i >= 0 && rt.escortBy.get(i) === v) {
    rt.escortBy.delete(i);
    rt.booked--;
  }
  rt.target[v] = -1;
}
