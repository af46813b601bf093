import type { CellHeap } from '../../space/CellHeap';

/**
 * A fire's front: the cells it is due at, as a heap of (arrival time, cell) entries with lazy deletion. A
 * cell's time is lowered by pushing a new entry, not by moving the old one, so the fire needs no per-cell
 * heap position: an entry whose key is no longer its cell's `arrivalS` (or whose cell has caught fire
 * meanwhile) is stale, and the caller skips it when it comes off. Times are Float32, in the heap as in
 * `arrivalS`, so the two compare exactly.
 */
export interface ArrivalFront {
  /** Per cell: the earliest time due (Infinity while never reached). */
  readonly arrivalS: Float32Array;
  readonly front: CellHeap;
}

/**
 * Set the arrival time of `cell` to `timeS` (rounded to Float32) if that is earlier than its current one,
 * pushing an entry for it. Returns whether anything changed.
 */
export function lowerArrival(h: ArrivalFront, cell: number, timeS: number): boolean {
  const key = Math.fround(timeS);
  if (!(key < h.arrivalS[cell])) return false;
  h.arrivalS[cell] = key;
  h.front.push(key, cell);
  return true;
}

/** A copy of the first `used` entries of `list` in an array twice its size. */
export function grownInt32(list: Int32Array, used: number): Int32Array {
  const grown = new Int32Array(Math.max(16, 2 * list.length));
  grown.set(list.subarray(0, used));
  return grown;
}
