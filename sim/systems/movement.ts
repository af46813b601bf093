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
  let kernel = kernels.get(world);
  if (!kernel) {
    kernel = createMovementKernel(world);
    kernels.set(world, kernel);
  }
  kernel();
}

/** One movement kernel per run, made on its first step. */
const kernels = new WeakMap<World, () => void>();

/**
 * The movement step of one run, as a closure over the run's arrays (they are never replaced). While a
 * process holds one run, V8 compiles the loop with those arrays and constants built in (no loads of their
 * pointers and lengths): a third less time per tick than reading them from the world at 100,000 residents.
 * With several runs in one process it is as correct, only slower.
 */
function createMovementKernel(world: World): () => void {
  const r = world.residents;
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
  const height = world.grid.height;
  const cs = world.grid.cellSizeM;
  const invCs = 1 / cs;
  const invWidth = 1 / width;
  const dt = world.tickS;
  const count = r.count;
  // Imported constants copied into the closure: constants of the compiled loop, not module-binding loads.
  const MOVING = ResidentState.Moving;
  const SAFE = ResidentState.Safe;
  const NONE = NO_STEP;
  const stepX = Int32Array.from(NEIGHBOUR_DX);
  const stepY = Int32Array.from(NEIGHBOUR_DY);
  const inv255 = INV_255;

  /**
   * Direction of the best neighbour of `c` (at column `x`, row `y`) that is passable, has room (or is a
   * door) and is closer to the goal, or NO_STEP. Used when the shortest-path cell is full, or when `c`
   * itself lost its route (it was blocked). Distance first: most neighbours are not closer, and it is one load.
   */
  const detour = (c: number, x: number, y: number, dist: Float32Array): number => {
    // Away from the map's edge every neighbour exists: no bounds to check.
    const inside = x > 0 && y > 0 && x < width - 1 && y < height - 1;
    let best = NONE;
    let bestDist = dist[c];
    for (let k = 0; k < 8; k++) {
      if (!inside) {
        const nx = x + stepX[k];
        const ny = y + stepY[k];
        if (nx < 0 || ny < 0 || nx >= width || ny >= height) continue;
      }
      const n = c + offsets[k];
      const nd = dist[n];
      if (!(nd < bestDist)) continue;
      if (!passable[n] || (occupancy[n] >= capacity && gateOfCell[n] < 0)) continue;
      // A diagonal step only when both cells beside it are open: no cutting a wall's corner.
      if (k >= 4 && !(passable[c + stepX[k]] && passable[c + stepY[k] * width])) continue;
      bestDist = nd;
      best = k;
    }
    return best;
  };

  return () => {
    const safeTimeS = (world.tick + 1) * dt;
    let arrived = 0;
    // The field of the last walker: nearly everyone follows the same one, so it is looked up once per run of them.
    let slot = -1;
    let next = fields[0].field.next;
    let dist = fields[0].field.distanceM;

    // Start at a different resident each tick: whoever comes first takes the free cell or door token, and a
    // fixed order would let low ids always jump the queue. The offset is a function of the tick: deterministic.
    const offset = count > 0 ? (world.tick * 7919) % count : 0;
    for (let k = 0; k < count; k++) {
      let i = k + offset;
      if (i >= count) i -= count;
      if (states[i] !== MOVING) continue;
      const c = cells[i];
      if (fieldOf[i] !== slot) {
        slot = fieldOf[i];
        next = fields[slot].field.next;
        dist = fields[slot].field.distanceM;
      }
      // The cell's column and row, once: the target, a detour and closing up all work from them.
      // A multiplication, not a division: (c + 0.5) / width is 0.5 / width from any whole number, far more than rounding moves it.
      const cy = ((c + 0.5) * invWidth) | 0;
      const cx = c - cy * width;
      let direction = next[c];
      let target: number;
      // Head count of the target cell: the speed-density factor comes from it.
      let crowd: number;
      if (direction === NONE) {
        // Lost its route (its cell was blocked or closed): any passable neighbour closer to safety.
        direction = detour(c, cx, cy, dist);
        if (direction === NONE) continue;
        target = c + offsets[direction];
        crowd = occupancy[target];
      } else {
        target = c + offsets[direction];
        crowd = occupancy[target];
        if (crowd >= capacity && gateOfCell[target] < 0) {
          // Full ahead: take another cell that is closer to safety, else queue up behind the full one.
          const other = detour(c, cx, cy, dist);
          if (other !== NONE) {
            direction = other;
            target = c + offsets[other];
            crowd = occupancy[target];
          }
        }
      }
      const x = xs[i];
      const y = ys[i];
      const tx = (cx + stepX[direction] + 0.5) * cs;
      const ty = (cy + stepY[direction] + 0.5) * cs;
      const dx = tx - x;
      const dy = ty - y;
      const d = Math.sqrt(dx * dx + dy * dy);
      if (d === 0) continue;
      let step = speeds[i] * speedFactor[crowd] * dt;
      if (wading) step *= walkFactor[target] * inv255;
      // The share of the way to the target's centre walked this tick: one division for both axes.
      const share = step >= d ? 1 : step / d;
      const nx = x + dx * share;
      const ny = y + dy * share;
      const ncx = (nx * invCs) | 0;
      const ncy = (ny * invCs) | 0;
      if (ncx === cx && ncy === cy) {
        xs[i] = nx;
        ys[i] = ny;
        continue;
      }
      const nc = ncy * width + ncx;
      if (!passable[nc]) continue;
      const gate = gateOfCell[nc];
      if (gate >= 0) {
        if (!passGate(world, gate)) {
          creepToEdge(xs, ys, i, nx, ny, cx, cy, cs);
          continue;
        }
        states[i] = SAFE;
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
        creepToEdge(xs, ys, i, nx, ny, cx, cy, cs);
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
  };
}

const INV_255 = 1 / 255;

/** Edge margin for waiting walkers, m: close enough to step through at once, far enough that Float32 keeps them inside. */
const EDGE_MARGIN_M = 0.01;

/**
 * A walker whose next cell is full (or whose door is busy) still closes up to the edge of its own cell, as
 * people in a queue close gaps, so it steps through as soon as there is room.
 */
function creepToEdge(xs: Float32Array, ys: Float32Array, i: number, nx: number, ny: number, cx: number, cy: number, cs: number): void {
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
