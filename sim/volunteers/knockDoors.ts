import { Content, Source } from '../agents/Residents';
import { ResidentState } from '../core/Simulation';
import type { World } from '../core/World';
import { fieldSlotFor } from '../systems/geometry';
import { hearMessage } from '../warning/decide';
import { type VolunteerRuntime, VolunteerState } from './VolunteerRuntime';
import { planWalk, stopWalk } from './walk';

/**
 * The households a knocking team must visit: those whose home cell lies in the zone, that a volunteer has
 * not knocked at yet, and where someone is not yet safe.
 */
export function fillKnockPool(rt: VolunteerRuntime, world: World, team: number, zone: Uint8Array | null): number {
  const state = world.residents.state;
  const pool = new Int32Array(rt.householdCount);
  let n = 0;
  for (let h = 0; h < rt.householdCount; h++) {
    if (rt.knocked[h] || (zone && !zone[rt.householdCell[h]])) continue;
    let waiting = false;
    for (let k = rt.householdStart[h]; k < rt.householdEnd[h] && !waiting; k++) waiting = state[k] !== ResidentState.Safe;
    if (waiting) pool[n++] = h;
  }
  rt.teamPool[team] = pool;
  rt.teamPoolCount[team] = n;
  return n;
}

/** Members of household `h` at home: not yet safe and not on their way (those who left cannot be told at the door). */
function atHome(rt: VolunteerRuntime, state: Uint8Array, h: number): number {
  let n = 0;
  for (let k = rt.householdStart[h]; k < rt.householdEnd[h]; k++) {
    const s = state[k];
    if (s !== ResidentState.Safe && s !== ResidentState.Moving) n++;
  }
  return n;
}

/**
 * Send knocking volunteer `v` to the nearest household of its team's pool (straight-line distance to the
 * home cell: cheap, and within a block it is the walking order too). The pool is shared by the team, so
 * whoever is free takes the nearest household nobody has taken: the split balances itself when some
 * doors take longer to reach. Households nobody is at any more are dropped; so are unreachable ones,
 * counted. Returns false when the pool is empty.
 */
export function nextHousehold(rt: VolunteerRuntime, world: World, v: number, team: number): boolean {
  const pool = rt.teamPool[team];
  const state = world.residents.state;
  const { width, cellSizeM: cs } = world.grid;
  const vx = world.volunteers.x[v] / cs - 0.5;
  const vy = world.volunteers.y[v] / cs - 0.5;
  for (;;) {
    let best = -1;
    let bestD = Infinity;
    for (let k = 0; k < rt.teamPoolCount[team]; k++) {
      const h = pool[k];
      if (rt.knocked[h] || atHome(rt, state, h) === 0) {
        // Swap-remove: order inside the pool does not matter, the nearest is searched every time.
        pool[k--] = pool[--rt.teamPoolCount[team]];
        continue;
      }
      const c = rt.householdCell[h];
      const dx = (c % width) - vx;
      const dy = ((c / width) | 0) - vy;
      const d = dx * dx + dy * dy;
      if (d < bestD) {
        bestD = d;
        best = k;
      }
    }
    if (best < 0) return false;
    const h = pool[best];
    pool[best] = pool[--rt.teamPoolCount[team]];
    rt.knocked[h] = 1;
    if (planWalk(rt, world, v, rt.householdCell[h])) {
      rt.target[v] = h;
      world.volunteers.state[v] = VolunteerState.Walking;
      return true;
    }
    rt.teamStats.householdsUnreachable[team]++;
  }
}

/** Volunteer `v` reached its household's door: it knocks if someone is at home, else moves on. */
export function arriveAtDoor(rt: VolunteerRuntime, world: World, v: number, team: number): boolean {
  stopWalk(rt, v);
  if (atHome(rt, world.residents.state, rt.target[v]) === 0) return false;
  world.volunteers.state[v] = VolunteerState.Knocking;
  // It arrived during this tick; the talk at the door starts at the tick's end.
  rt.knockEndS[v] = (world.tick + 1) * world.tickS + rt.teamKnockS[team];
  return true;
}

/**
 * The knock at household `h` is over: every member at home hears the latest official warning (or, before
 * any went out, "evacuate to the nearest safe place") from an official source. Hearing it wakes sleepers;
 * whether they believe it is theirs to decide (hearMessage). No phone is needed: that is the point.
 */
export function deliverAtDoor(rt: VolunteerRuntime, world: World, v: number, team: number): void {
  const h = rt.target[v];
  const r = world.residents;
  const w = world.warning;
  const content = w.lastContent !== Content.None ? w.lastContent : Content.Evacuate;
  const slot = w.lastContent !== Content.None ? w.lastTargetSlot : fieldSlotFor(world, { kind: 'safe' });
  const stats = rt.teamStats;
  let reached = 0;
  // Count who had heard nothing before the knock first: the first member to decide tells the others.
  for (let k = rt.householdStart[h]; k < rt.householdEnd[h]; k++) {
    const s = r.state[k];
    if (s !== ResidentState.Safe && s !== ResidentState.Moving && r.heardAtS[k] === Infinity) stats.residentsFirstInformed[team]++;
  }
  for (let k = rt.householdStart[h]; k < rt.householdEnd[h]; k++) {
    const s = r.state[k];
    if (s === ResidentState.Safe || s === ResidentState.Moving) continue;
    hearMessage(world, k, content, Source.Official, slot, false);
    reached++;
  }
  if (reached > 0) stats.householdsVisited[team]++;
  stats.residentsReached[team] += reached;
  rt.target[v] = -1;
}
