import { Content, Source } from '../agents/Residents';
import { ResidentState } from '../core/Simulation';
import type { World } from '../core/World';
import { fieldSlotFor } from '../systems/geometry';
import { hearMessage } from '../warning/decide';
import { type KnockPool, type VolunteerRuntime, VolunteerState } from './VolunteerRuntime';
import { planWalk, stopWalk } from './walk';

/** Side of a knock pool's buckets, cells: some tens of households each in a dense community. */
const BUCKET = 16;

/**
 * The households a knocking team must visit: those whose home cell lies in the zone, that a volunteer has
 * not knocked at yet, and where someone is not yet safe. Bucketed by home cell (see KnockPool).
 */
export function fillKnockPool(rt: VolunteerRuntime, world: World, team: number, zone: Uint8Array | null): number {
  const state = world.residents.state;
  const { width, height } = world.grid;
  const columns = Math.ceil(width / BUCKET);
  const rows = Math.ceil(height / BUCKET);
  const bucketOf = new Int32Array(rt.householdCount).fill(-1);
  const count = new Int32Array(columns * rows);
  let n = 0;
  for (let h = 0; h < rt.householdCount; h++) {
    if (rt.knocked[h] || (zone && !zone[rt.householdCell[h]])) continue;
    let waiting = false;
    for (let k = rt.householdStart[h]; k < rt.householdEnd[h] && !waiting; k++) waiting = state[k] !== ResidentState.Safe;
    if (!waiting) continue;
    const c = rt.householdCell[h];
    const cx = c % width;
    const b = (((c - cx) / width / BUCKET) | 0) * columns + ((cx / BUCKET) | 0);
    bucketOf[h] = b;
    count[b]++;
    n++;
  }
  const start = new Int32Array(columns * rows);
  for (let b = 1; b < start.length; b++) start[b] = start[b - 1] + count[b - 1];
  const items = new Int32Array(n);
  const itemX = new Int16Array(n);
  const itemY = new Int16Array(n);
  const filled = new Int32Array(columns * rows);
  for (let h = 0; h < rt.householdCount; h++) {
    const b = bucketOf[h];
    if (b < 0) continue;
    const k = start[b] + filled[b]++;
    const c = rt.householdCell[h];
    items[k] = h;
    itemX[k] = c % width;
    itemY[k] = (c / width) | 0;
  }
  rt.teamPool[team] = { columns, rows, start, count, items, itemX, itemY };
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
 * home cell: cheap, and within a block it is the walking order too; of equally near ones, the first in the
 * household table). The pool is shared by the team, so whoever is free takes the nearest household nobody
 * has taken: the split balances itself when some doors take longer to reach. Households nobody is at any
 * more are dropped when a search comes across them; so are unreachable ones, counted. Returns false when
 * the pool is empty. The search looks at buckets ring by ring around the volunteer and stops once no
 * bucket further out can hold one as near: its cost grows with the households near the volunteer, not with
 * the community.
 */
export function nextHousehold(rt: VolunteerRuntime, world: World, v: number, team: number): boolean {
  const pool = rt.teamPool[team];
  if (!pool) return false;
  const cs = world.grid.cellSizeM;
  const vx = world.volunteers.x[v] / cs - 0.5;
  const vy = world.volunteers.y[v] / cs - 0.5;
  for (;;) {
    if (rt.teamPoolCount[team] === 0) return false;
    const h = nearestHousehold(rt, world.residents.state, pool, team, vx, vy);
    if (h < 0) return false;
    rt.knocked[h] = 1;
    if (planWalk(rt, world, v, rt.householdCell[h])) {
      rt.target[v] = h;
      world.volunteers.state[v] = VolunteerState.Walking;
      return true;
    }
    rt.teamStats.householdsUnreachable[team]++;
  }
}

/**
 * Take the household of the pool whose home cell is nearest to (vx, vy) (in cells) out of it and return it,
 * or -1 when none is left. Households already knocked at or with nobody at home are swept out when they
 * would otherwise be the nearest so far (checking every household a search passes would cost more).
 */
function nearestHousehold(rt: VolunteerRuntime, state: Uint8Array, pool: KnockPool, team: number, vx: number, vy: number): number {
  const { columns, rows, start, count, items, itemX, itemY } = pool;
  const knocked = rt.knocked;
  const px = Math.min(columns - 1, Math.max(0, Math.floor(vx / BUCKET)));
  const py = Math.min(rows - 1, Math.max(0, Math.floor(vy / BUCKET)));
  const maxRing = Math.max(px, py, columns - 1 - px, rows - 1 - py);
  let best = -1;
  let bestBucket = -1;
  let bestSlot = -1;
  let bestD = Infinity;
  for (let ring = 0; ring <= maxRing; ring++) {
    // Every cell of a bucket `ring` away lies more than (ring − 1) buckets away along x or y.
    const near = Math.max(0, (ring - 1) * BUCKET);
    if (near * near > bestD) break;
    const x0 = px - ring;
    const x1 = px + ring;
    const y0 = Math.max(0, py - ring);
    const y1 = Math.min(rows - 1, py + ring);
    for (let by = y0; by <= y1; by++) {
      // The ring's top and bottom rows whole, the rows between only at its two ends.
      const step = by === py - ring || by === py + ring ? 1 : x1 - x0;
      for (let bx = x0; bx <= x1; bx += step) {
        if (bx < 0 || bx >= columns) continue;
        const b = by * columns + bx;
        if (count[b] === 0) continue;
        // Nearest possible cell of the bucket; skip it when it cannot hold one as near as the best so far.
        const dx = Math.max(0, bx * BUCKET - vx, vx - (bx * BUCKET + BUCKET - 1));
        const dy = Math.max(0, by * BUCKET - vy, vy - (by * BUCKET + BUCKET - 1));
        if (dx * dx + dy * dy > bestD) continue;
        const first = start[b];
        for (let k = first; k < first + count[b]; k++) {
          const hx = itemX[k] - vx;
          const hy = itemY[k] - vy;
          const d = hx * hx + hy * hy;
          if (d > bestD) continue;
          const h = items[k];
          if (d === bestD && h > best) continue;
          if (knocked[h] || atHome(rt, state, h) === 0) {
            // Swap-remove: order inside a bucket does not matter, the nearest is searched every time.
            const last = first + --count[b];
            items[k] = items[last];
            itemX[k] = itemX[last];
            itemY[k] = itemY[last];
            k--;
            rt.teamPoolCount[team]--;
            continue;
          }
          bestD = d;
          best = h;
          bestBucket = b;
          bestSlot = k;
        }
      }
    }
  }
  if (best < 0) return -1;
  const last = start[bestBucket] + --count[bestBucket];
  items[bestSlot] = items[last];
  itemX[bestSlot] = itemX[last];
  itemY[bestSlot] = itemY[last];
  rt.teamPoolCount[team]--;
  return best;
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
