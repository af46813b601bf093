/**
 * An indexed binary min-heap of cells keyed by their arrival time, kept in a fire's typed arrays. Unlike
 * a heap of (key, value) pairs it can lower a cell's key in place, so it never holds more entries than
 * cells; `heap` holds the front only and doubles when full.
 */
export interface ArrivalHeap {
  readonly arrivalS: Float64Array;
  heap: Int32Array;
  readonly heapPos: Int32Array;
  heapSize: number;
}

/** Whether cell a comes before cell b: earlier arrival, then lower index (ties broken the same everywhere). */
function before(arrivalS: Float64Array, a: number, b: number): boolean {
  const ta = arrivalS[a];
  const tb = arrivalS[b];
  return ta < tb || (ta === tb && a < b);
}

/**
 * Set the arrival time of `cell` to `timeS` if that is earlier than its current one, inserting it into the
 * heap or moving it up. Returns whether anything changed.
 */
export function lowerArrival(h: ArrivalHeap, cell: number, timeS: number): boolean {
  const { arrivalS, heapPos } = h;
  if (!(timeS < arrivalS[cell])) return false;
  arrivalS[cell] = timeS;
  let i = heapPos[cell];
  if (i < 0) {
    if (h.heapSize === h.heap.length) h.heap = grownInt32(h.heap, h.heapSize);
    i = h.heapSize++;
  }
  const heap = h.heap;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    const p = heap[parent];
    if (!before(arrivalS, cell, p)) break;
    heap[i] = p;
    heapPos[p] = i;
    i = parent;
  }
  heap[i] = cell;
  heapPos[cell] = i;
  return true;
}

/** Remove the earliest cell and return it; only when `heapSize > 0`. */
export function popArrival(h: ArrivalHeap): number {
  const { arrivalS, heap, heapPos } = h;
  const top = heap[0];
  heapPos[top] = -1;
  const n = --h.heapSize;
  if (n === 0) return top;
  const last = heap[n];
  let i = 0;
  for (;;) {
    let child = 2 * i + 1;
    if (child >= n) break;
    if (child + 1 < n && before(arrivalS, heap[child + 1], heap[child])) child++;
    const c = heap[child];
    if (!before(arrivalS, c, last)) break;
    heap[i] = c;
    heapPos[c] = i;
    i = child;
  }
  heap[i] = last;
  heapPos[last] = i;
  return top;
}

/** A copy of the first `used` entries of `list` in an array twice its size. */
export function grownInt32(list: Int32Array, used: number): Int32Array {
  const grown = new Int32Array(Math.max(16, 2 * list.length));
  grown.set(list.subarray(0, used));
  return grown;
}
