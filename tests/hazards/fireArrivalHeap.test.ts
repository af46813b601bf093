import { describe, expect, it } from 'vitest';
import { type ArrivalFront, lowerArrival } from '../../sim/hazards/fire/arrivalHeap';
import { createRandom } from '../../sim/random/Random';
import { CellHeap } from '../../sim/space/CellHeap';

describe('the fire front heap (lazy deletion)', () => {
  it('gives the cells in order of arrival, then index, as a sort does, skipping stale entries', () => {
    const cells = 2000;
    const random = createRandom(11, 'heap-test');
    const heap: ArrivalFront = { arrivalS: new Float32Array(cells).fill(Infinity), front: new CellHeap(4) };
    // Times from a coarse set (many ties) and fine ones (rounded to Float32); most cells are lowered more than once.
    for (let k = 0; k < 3 * cells; k++) {
      const cell = Math.floor(random.next() * cells);
      const timeS = random.next() < 0.5 ? Math.floor(random.next() * 40) * 0.25 : random.next() * 10_000;
      lowerArrival(heap, cell, timeS);
    }
    const popped: number[] = [];
    let entries = 0;
    while (heap.front.size > 0) {
      const key = heap.front.peekKey();
      const cell = heap.front.pop();
      entries++;
      if (key === heap.arrivalS[cell]) popped.push(cell);
    }

    const reached = Array.from({ length: cells }, (_, c) => c).filter((c) => heap.arrivalS[c] !== Infinity);
    const sorted = reached.sort((a, b) => heap.arrivalS[a] - heap.arrivalS[b] || a - b);
    expect(popped).toEqual(sorted);
    // Stale entries were there to skip: cells were lowered after their first entry.
    expect(entries).toBeGreaterThan(popped.length);
  });

  it('keeps a time only when it is earlier, rounded to Float32 as stored', () => {
    const heap: ArrivalFront = { arrivalS: new Float32Array(2).fill(Infinity), front: new CellHeap(1) };
    expect(lowerArrival(heap, 0, 0.1)).toBe(true);
    expect(heap.arrivalS[0]).toBe(Math.fround(0.1));
    // 0.1 − 1e-12 rounds to the same Float32: nothing changes and no entry is added.
    expect(lowerArrival(heap, 0, 0.1 - 1e-12)).toBe(false);
    expect(lowerArrival(heap, 0, 0.2)).toBe(false);
    expect(heap.front.size).toBe(1);
  });
});
