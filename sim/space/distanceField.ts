import { CellHeap } from './CellHeap';

/** Row offsets and costs of the 8 neighbours: E, W, S, N, SE, SW, NE, NW. */
const DX = [1, -1, 0, 0, 1, -1, 1, -1];
const DY = [0, 0, 1, -1, 1, 1, -1, -1];
const SQRT2 = Math.SQRT2;

/** A distance field toward a set of goal cells plus, per cell, the step to the next cell on a shortest path. */
export interface DistanceField {
  /** Walking distance in metres to the nearest goal; Infinity where no goal can be reached. */
  distanceM: Float32Array;
  /**
   * Direction (index into NEIGHBOUR_DX/DY) of the next cell on a shortest path; NO_STEP at goals and where
   * no goal can be reached. One byte, not a four-byte cell index: fields are the largest per-cell state.
   */
  next: Uint8Array;
}

/** `DistanceField.next` where there is no step to take. */
export const NO_STEP = 255;

/** Direction k reversed: the step from a neighbour back to the cell. */
const OPPOSITE = [1, 0, 3, 2, 7, 6, 5, 4];

export function createDistanceField(cellCount: number): DistanceField {
  return { distanceM: new Float32Array(cellCount), next: new Uint8Array(cellCount) };
}

/** Row-major index offsets of the 8 directions on a grid `width` cells wide. */
export function neighbourOffsets(width: number): Int32Array {
  return Int32Array.from(DX, (dx, k) => DY[k] * width + dx);
}

/**
 * Fill `field` with shortest walking distances to `goals` over passable cells, 8-connected with √2
 * diagonals (worst error against straight-line distance 8.2%, VALIDATION V9). A diagonal step is only
 * allowed when both cells beside it are passable, so paths never cut a wall's corner. Distances are summed
 * in Float32 step by step. Where several neighbours give the same shortest distance, the step goes to the
 * one nearer the goal, then to the one with the lower index: the field is a function of the map alone.
 */
export function computeDistanceField(
  width: number,
  height: number,
  cellSizeM: number,
  passable: Uint8Array,
  goals: ArrayLike<number>,
  field: DistanceField,
  heap: CellHeap = new CellHeap(),
  /** Extra cost of entering a cell, as a multiple of the step (0: none); null for plain walking distance. */
  penalty: Float32Array | null = null,
): void {
  const dist = field.distanceM;
  const next = field.next;
  dist.fill(Infinity);
  next.fill(NO_STEP);
  heap.clear();
  for (let g = 0; g < goals.length; g++) {
    const cell = goals[g];
    dist[cell] = 0;
    heap.push(0, cell);
  }
  spreadDecreases(width, height, cellSizeM, passable, field, heap, penalty, false);
}

/** Scratch of `repairDistanceField`: the heap and a list of cells, grown as needed. */
export interface FieldRepairScratch {
  heap: CellHeap;
  cells: Int32Array;
}

export function createFieldRepairScratch(): FieldRepairScratch {
  return { heap: new CellHeap(), cells: new Int32Array(256) };
}

/**
 * Bring `field` (computed by `computeDistanceField` without a penalty, for the same goals) up to date after
 * the cells in `changed[0 .. changedCount)` changed passability (`passable` holds the new values), working
 * only where routes change: the result equals a fresh `computeDistanceField` exactly, distances and steps.
 *
 * Cells whose route to a goal ran into a cell that closed (or along a diagonal whose corner closed) lose
 * their distance; each is then offered the best of its neighbours that kept theirs, cells that opened are
 * offered theirs, and new diagonals are tried; a Dijkstra search from those spreads every decrease. Goals
 * are the cells at distance 0 (no other cell is) and keep it. Returns how many cells lost their route.
 */
export function repairDistanceField(
  width: number,
  height: number,
  cellSizeM: number,
  passable: Uint8Array,
  changed: ArrayLike<number>,
  changedCount: number,
  field: DistanceField,
  scratch: FieldRepairScratch,
): number {
  const dist = field.distanceM;
  const next = field.next;
  const diagonalM = cellSizeM * SQRT2;
  const offset = (k: number) => DY[k] * width + DX[k];
  let lost = scratch.cells;
  let lostCount = 0;
  const lose = (cell: number) => {
    // Distance Infinity marks a cell already lost (or never reached): it has no cell routed through it.
    if (dist[cell] === Infinity || dist[cell] === 0) return;
    dist[cell] = Infinity;
    next[cell] = NO_STEP;
    if (lostCount === lost.length) {
      const grown = new Int32Array(lost.length * 2);
      grown.set(lost);
      lost = grown;
      scratch.cells = grown;
    }
    lost[lostCount++] = cell;
  };

  // 1. Cells that closed, and cells whose step crosses a closed corner, lose their route; then, cell by
  //    cell, everything routed through a lost cell.
  for (let j = 0; j < changedCount; j++) {
    const c = changed[j];
    if (passable[c]) continue;
    lose(c);
    forEachCornerDiagonal(c, width, height, (a, b) => {
      if (next[a] !== NO_STEP && a + offset(next[a]) === b) lose(a);
      if (next[b] !== NO_STEP && b + offset(next[b]) === a) lose(b);
    });
  }
  for (let j = 0; j < lostCount; j++) {
    const u = lost[j];
    const ux = u % width;
    const uy = (u - ux) / width;
    for (let k = 0; k < 8; k++) {
      const qx = ux + DX[k];
      const qy = uy + DY[k];
      if (qx < 0 || qy < 0 || qx >= width || qy >= height) continue;
      const q = qy * width + qx;
      // q steps to u when its step is the direction back from q to u.
      if (next[q] === OPPOSITE[k]) lose(q);
    }
  }

  // 2. Offer each lost cell, and each cell that opened, the best of its neighbours; try the diagonals that
  //    an opened corner made possible.
  const heap = scratch.heap;
  heap.clear();
  const offerBest = (n: number) => {
    if (!passable[n] || dist[n] === 0) return;
    const x = n % width;
    const y = (n - x) / width;
    let best = dist[n];
    let bestK = next[n];
    for (let k = 0; k < 8; k++) {
      const px = x + DX[k];
      const py = y + DY[k];
      if (px < 0 || py < 0 || px >= width || py >= height) continue;
      const p = py * width + px;
      const dp = dist[p];
      if (dp === Infinity) continue;
      if (k >= 4 && !(passable[y * width + px] && passable[py * width + x])) continue;
      const nd = Math.fround(dp + (k >= 4 ? diagonalM : cellSizeM));
      if (nd < best || (nd === best && bestK !== NO_STEP && betterStep(dist, p, n + offset(bestK)))) {
        best = nd;
        bestK = k;
      }
    }
    if (best < dist[n]) {
      dist[n] = best;
      heap.push(best, n);
    }
    next[n] = bestK;
  };
  for (let j = 0; j < lostCount; j++) offerBest(lost[j]);
  for (let j = 0; j < changedCount; j++) {
    const c = changed[j];
    if (!passable[c]) continue;
    offerBest(c);
    forEachCornerDiagonal(c, width, height, (a, b) => {
      offerBest(a);
      offerBest(b);
    });
  }

  // 3. Spread the decreases, and hand neighbours at equal distance the better step.
  spreadDecreases(width, height, cellSizeM, passable, field, heap, null, true);
  return lostCount;
}

/**
 * Dijkstra's search from the cells in `heap` (keyed by their distance in `field`): lower each neighbour's
 * distance through the popped cell and point its step back there. Cells come off in (distance, index) order,
 * so the first cell to reach a neighbour at its distance is the better step (nearer the goal, then the lower
 * index) and a strict comparison keeps it; in a repair a neighbour may already hold an equal distance through
 * a worse cell, and the equal-distance branch hands it the better one (in a fresh build it could never fire).
 */
function spreadDecreases(
  width: number,
  height: number,
  cellSizeM: number,
  passable: Uint8Array,
  field: DistanceField,
  heap: CellHeap,
  /** Extra cost of entering a cell, as a multiple of the step (see computeDistanceField). */
  penalty: Float32Array | null,
  /** Whether `field` held routes before (a repair): only then can an equal distance come through a better cell. */
  repairing: boolean,
): void {
  const dist = field.distanceM;
  const next = field.next;
  const diagonalM = cellSizeM * SQRT2;
  while (heap.size > 0) {
    const d = heap.peekKey();
    const u = heap.pop();
    // A stale entry is exactly one that is larger (keys and the field are both Float32).
    if (d > dist[u]) continue;
    const x = u % width;
    const y = (u - x) / width;
    for (let k = 0; k < 8; k++) {
      const nx = x + DX[k];
      const ny = y + DY[k];
      if (nx < 0 || ny < 0 || nx >= width || ny >= height) continue;
      const n = ny * width + nx;
      if (!passable[n]) continue;
      // A diagonal step only when both cells beside it are passable: no cutting a wall's corner.
      if (k >= 4 && !(passable[y * width + nx] && passable[ny * width + x])) continue;
      const stepM = k >= 4 ? diagonalM : cellSizeM;
      const nd = Math.fround(d + (penalty ? stepM * (1 + penalty[n]) : stepM));
      const dn = dist[n];
      if (nd < dn) {
        dist[n] = nd;
        next[n] = OPPOSITE[k];
        heap.push(nd, n);
      } else if (repairing && nd === dn && dn !== 0 && next[n] !== OPPOSITE[k] && betterStep(dist, u, n + DY[next[n]] * width + DX[next[n]])) {
        next[n] = OPPOSITE[k];
      }
    }
  }
}

/**
 * Call `visit(a, b)` for each diagonal that has cell `c` as a corner: the four run between c's orthogonal
 * neighbours a (beside c in its row) and b (beside c in its column), all on the map.
 */
function forEachCornerDiagonal(c: number, width: number, height: number, visit: (a: number, b: number) => void): void {
  const cx = c % width;
  const cy = (c - cx) / width;
  for (let k = 4; k < 8; k++) {
    const ax = cx + DX[k];
    const by = cy + DY[k];
    if (ax < 0 || ax >= width || by < 0 || by >= height) continue;
    visit(cy * width + ax, by * width + cx);
  }
}

/** Whether p is a better step than q at equal distance: nearer the goal, then the lower index. */
function betterStep(dist: Float32Array, p: number, q: number): boolean {
  return dist[p] < dist[q] || (dist[p] === dist[q] && p < q);
}

/** Neighbour offsets, exported for the movement system's detours. */
export const NEIGHBOUR_DX = DX;
export const NEIGHBOUR_DY = DY;
