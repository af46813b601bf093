import { MinHeap } from './MinHeap';

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
 * allowed when both cells beside it are passable, so paths never cut a wall's corner.
 */
export function computeDistanceField(
  width: number,
  height: number,
  cellSizeM: number,
  passable: Uint8Array,
  goals: ArrayLike<number>,
  field: DistanceField,
  heap: MinHeap = new MinHeap(),
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
  const diagonalM = cellSizeM * SQRT2;
  while (heap.size > 0) {
    const d = heap.peekKey();
    const cell = heap.pop();
    // Keys are stored rounded to Float32 like the field, so a stale entry is exactly one that is larger.
    if (d > dist[cell]) continue;
    const x = cell % width;
    const y = (cell - x) / width;
    for (let k = 0; k < 8; k++) {
      const nx = x + DX[k];
      const ny = y + DY[k];
      if (nx < 0 || ny < 0 || nx >= width || ny >= height) continue;
      const n = ny * width + nx;
      if (!passable[n]) continue;
      if (k >= 4 && !(passable[y * width + nx] && passable[ny * width + x])) continue;
      const stepM = k >= 4 ? diagonalM : cellSizeM;
      const nd = Math.fround(d + (penalty ? stepM * (1 + penalty[n]) : stepM));
      if (nd < dist[n]) {
        dist[n] = nd;
        next[n] = OPPOSITE[k];
        heap.push(nd, n);
      }
    }
  }
}

/** Neighbour offsets, exported for the movement system's detours. */
export const NEIGHBOUR_DX = DX;
export const NEIGHBOUR_DY = DY;
