/**
 * A binary min-heap of (arrival time, cell) entries with lazy deletion, kept in a fire's typed arrays. A
 * cell's time is lowered by pushing a new entry, not by moving the old one, so the fire needs no per-cell
 * heap position: an entry whose key is no longer its cell's `arrivalS` (or whose cell has caught fire
 * meanwhile) is stale, and the caller skips it when it comes off. The heap holds the front only (a few
 * entries per front cell) and doubles when full.
 */
export interface ArrivalHeap {
  /** Per cell: the earliest time due, as Float32 (Infinity while never reached). */
  readonly arrivalS: Float32Array;
  /** Entry keys, already rounded to Float32 so they compare exactly with `arrivalS`. */
  heapKeys: Float64Array;
  heapCells: Int32Array;
  /** Entries in the heap, stale ones included. */
  heapSize: number;
}

/**
 * Set the arrival time of `cell` to `timeS` (rounded to Float32) if that is earlier than its current one,
 * pushing an entry for it. Returns whether anything changed.
 */
export function lowerArrival(h: ArrivalHeap, cell: number, timeS: number): boolean {
  const key = Math.fround(timeS);
  if (!(key < h.arrivalS[cell])) return false;
  h.arrivalS[cell] = key;
  if (h.heapSize === h.heapCells.length) {
    h.heapCells = grownInt32(h.heapCells, h.heapSize);
    h.heapKeys = grownFloat64(h.heapKeys, h.heapSize);
  }
  const { heapKeys: keys, heapCells: cells } = h;
  let i = h.heapSize++;
  // Sift up: entries come off by earlier key, then lower cell index (ties broken the same everywhere).
  while (i > 0) {
    const parent = (i - 1) >> 1;
    const pk = keys[parent];
    if (!(key < pk || (key === pk && cell < cells[parent]))) break;
    keys[i] = pk;
    cells[i] = cells[parent];
    i = parent;
  }
  keys[i] = key;
  cells[i] = cell;
  return true;
}

/**
 * Remove the first entry and return its cell; only when `heapSize > 0`. Read its key first
 * (`heapKeys[0]`): the caller compares it with `arrivalS[cell]` to tell a stale entry.
 */
export function popArrival(h: ArrivalHeap): number {
  const { heapKeys: keys, heapCells: cells } = h;
  const top = cells[0];
  const n = --h.heapSize;
  if (n === 0) return top;
  const lastKey = keys[n];
  const lastCell = cells[n];
  let i = 0;
  for (;;) {
    let child = 2 * i + 1;
    if (child >= n) break;
    let ck = keys[child];
    if (child + 1 < n) {
      const rk = keys[child + 1];
      if (rk < ck || (rk === ck && cells[child + 1] < cells[child])) {
        child++;
        ck = rk;
      }
    }
    if (!(ck < lastKey || (ck === lastKey && cells[child] < lastCell))) break;
    keys[i] = ck;
    cells[i] = cells[child];
    i = child;
  }
  keys[i] = lastKey;
  cells[i] = lastCell;
  return top;
}

/** A copy of the first `used` entries of `list` in an array twice its size. */
export function grownInt32(list: Int32Array, used: number): Int32Array {
  const grown = new Int32Array(Math.max(16, 2 * list.length));
  grown.set(list.subarray(0, used));
  return grown;
}

/** A copy of the first `used` entries of `list` in an array twice its size. */
function grownFloat64(list: Float64Array, used: number): Float64Array {
  const grown = new Float64Array(Math.max(16, 2 * list.length));
  grown.set(list.subarray(0, used));
  return grown;
}
