import { ResidentState } from '../core/Simulation';
import type { World } from '../core/World';
import { NEIGHBOUR_DX, NEIGHBOUR_DY, NO_STEP } from '../space/distanceField';

/**
 * Walk every moving resident one tick along its distance field: toward the centre of the next cell on a
 * shortest path, at its free speed times the speed-density factor of that next cell. A full next cell sends it
 * to the best other neighbour that is closer to the goal, or makes it wait; a door lets people through
 * only while it has tokens. Stepping onto an open exit or shelter cell makes the resident safe.
 */
export function stepMovement(world: World): void {
  if (world.counts.moving === 0) return;
  const r = world.residents;
  // Locals, not property reads, in the loop: V8 keeps them in registers.
  const xs = r.x;
  const ys = r.y;
  const cells = r.cell;
  const states = r.state;
  const fieldOf = r.field;
  const speeds = r.speedMps;
  const safeAt = r.safeAtS;
  const homeOf = r.homeBuilding;
  const leavingByBuilding = world.warning.leavingByBuilding;
  const occupancy = world.occupancy;
  const passable = world.passable;
  const gateOfCell = world.gateOfCell;
  const speedFactor = world.speedFactor;
  const capacity = world.cellCapacity;
  const fields = world.fields;
  const offsets = world.neighbourOffsets;
  const walkFactor = world.walkFactor;
  const wading = walkFactor.length > 0;
  const width = world.grid.width;
  const cs = world.grid.cellSizeM;
  const invCs = 1 / cs;
  const dt = world.tickS;
  const safeTimeS = (world.tick + 1) * dt;
  const count = r.count;
  let arrived = 0;

  // Start at a different resident each tick: whoever comes first takes the free cell or door token, and a
  // fixed order would let low ids always jump the queue. The offset is a function of the tick: deterministic.
  const offset = count > 0 ? (world.tick * 7919) % count : 0;
  for (let k = 0; k < count; k++) {
    let i = k + offset;
    if (i >= count) i -= count;
    if (states[i] !== ResidentState.Moving) continue;
    const c = cells[i];
    const field = fields[fieldOf[i]].field;
    const dist = field.distanceM;
    const direction = field.next[c];
    let target = direction === NO_STEP ? -1 : c + offsets[direction];
    if (target < 0) {
      // Lost its route (its cell was blocked or closed): any passable neighbour closer to safety.
      target = detour(c, dist, passable, occupancy, gateOfCell, capacity, width, world.grid.height);
      if (target < 0) continue;
    } else if (occupancy[target] >= capacity && gateOfCell[target] < 0) {
      // Full ahead: take another cell that is closer to safety, else queue up behind the full one.
      const other = detour(c, dist, passable, occupancy, gateOfCell, capacity, width, world.grid.height);
      if (other >= 0) target = other;
    }
    const x = xs[i];
    const y = ys[i];
    const tx = ((target % width) + 0.5) * cs;
    const ty = (((target / width) | 0) + 0.5) * cs;
    const dx = tx - x;
    const dy = ty - y;
    const d = Math.sqrt(dx * dx + dy * dy);
    if (d === 0) continue;
    let step = speeds[i] * speedFactor[occupancy[target]] * dt;
    if (wading) step *= walkFactor[target] * INV_255;
    if (step > d) step = d;
    const nx = x + (dx / d) * step;
    const ny = y + (dy / d) * step;
    const nc = ((ny * invCs) | 0) * width + ((nx * invCs) | 0);
    if (nc === c) {
      xs[i] = nx;
      ys[i] = ny;
      continue;
    }
    if (!passable[nc]) continue;
    const gate = gateOfCell[nc];
    if (gate >= 0) {
      if (!passGate(world, gate)) {
        creepToEdge(xs, ys, i, nx, ny, c, width, cs);
        continue;
      }
      states[i] = ResidentState.Safe;
      safeAt[i] = safeTimeS;
      if (homeOf[i] >= 0) leavingByBuilding[homeOf[i]]--;
      occupancy[c]--;
      xs[i] = nx;
      ys[i] = ny;
      cells[i] = nc;
      arrived++;
      continue;
    }
    if (occupancy[nc] >= capacity) {
      creepToEdge(xs, ys, i, nx, ny, c, width, cs);
      continue;
    }
    occupancy[c]--;
    occupancy[nc]++;
    cells[i] = nc;
    xs[i] = nx;
    ys[i] = ny;
  }
  world.counts.moving -= arrived;
  world.counts.safe += arrived;
}

const INV_255 = 1 / 255;

/** Edge margin for waiting walkers, m: close enough to step through at once, far enough that Float32 keeps them inside. */
const EDGE_MARGIN_M = 0.01;

/**
 * A walker whose next cell is full (or whose door is busy) still closes up to the edge of its own cell, as
 * people in a queue close gaps, so it steps through as soon as there is room.
 */
function creepToEdge(xs: Float32Array, ys: Float32Array, i: number, nx: number, ny: number, c: number, width: number, cs: number): void {
  const cx = c % width;
  const cy = (c - cx) / width;
  const x0 = cx * cs + EDGE_MARGIN_M;
  const x1 = (cx + 1) * cs - EDGE_MARGIN_M;
  const y0 = cy * cs + EDGE_MARGIN_M;
  const y1 = (cy + 1) * cs - EDGE_MARGIN_M;
  xs[i] = nx < x0 ? x0 : Math.min(nx, x1);
  ys[i] = ny < y0 ? y0 : Math.min(ny, y1);
}

/** Take one door token of an exit or shelter, counting the person in; false when the door is busy. */
function passGate(world: World, gate: number): boolean {
  // A shelter that filled up earlier this tick is closed but still passable until the geometry update.
  if (world.gateTokens[gate] < 1 || world.placeClosed[gate]) return false;
  world.gateTokens[gate] -= 1;
  world.safeByPlace[gate]++;
  const inside = ++world.shelterCount[gate];
  if (inside >= world.shelterCapacity[gate] && !world.placeClosed[gate]) {
    // A full shelter closes its doors; the fields are rebuilt at the next tick so people go elsewhere.
    world.placeClosed[gate] = 1;
    world.geometryDirty = true;
  }
  return true;
}

/**
 * The best neighbour of `c` that is passable, has room (or is a door) and is closer to the goal, or
 * -1. Used when the shortest-path cell is full, or when `c` itself lost its route (it was blocked).
 */
function detour(
  c: number,
  dist: Float32Array,
  passable: Uint8Array,
  occupancy: Uint16Array,
  gateOfCell: Int16Array,
  capacity: number,
  width: number,
  height: number,
): number {
  const x = c % width;
  const y = (c - x) / width;
  const here = dist[c];
  let best = -1;
  let bestDist = here;
  for (let k = 0; k < 8; k++) {
    const nx = x + NEIGHBOUR_DX[k];
    const ny = y + NEIGHBOUR_DY[k];
    if (nx < 0 || ny < 0 || nx >= width || ny >= height) continue;
    const n = ny * width + nx;
    if (!passable[n] || (occupancy[n] >= capacity && gateOfCell[n] < 0)) continue;
    if (k >= 4 && !(passable[y * width + nx] && passable[ny * width + x])) continue;
    const nd = dist[n];
    if (nd < bestDist) {
      bestDist = nd;
      best = n;
    }
  }
  return best;
}
