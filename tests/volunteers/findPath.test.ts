import { describe, expect, it } from 'vitest';
import { computeDistanceField, createDistanceField } from '../../sim/index';
import { createPathFinder, findPath } from '../../sim/space/findPath';

/** A 60 × 40 map with walls: a frame, two long walls with gaps, a closed room, and scattered wall cells (a fixed LCG). */
function wallMap(width: number, height: number): Uint8Array {
  const passable = new Uint8Array(width * height).fill(1);
  let s = 12345;
  const next = () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return s / 4294967296;
  };
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const frame = x === 0 || y === 0 || x === width - 1 || y === height - 1;
      const wallA = x === 20 && y !== 5 && y !== 30;
      const wallB = y === 25 && x > 25 && x !== 50;
      // A closed room: its inside (41..43, 6..8) cannot be reached from outside.
      const room = (x === 40 || x === 44) && y >= 5 && y <= 9 ? true : (y === 5 || y === 9) && x >= 40 && x <= 44;
      const inside = x > 40 && x < 44 && y > 5 && y < 9;
      if (!inside && (frame || wallA || wallB || room || next() < 0.22)) passable[y * width + x] = 0;
    }
  }
  return passable;
}

describe('findPath (A*)', () => {
  const width = 60;
  const height = 40;
  const passable = wallMap(width, height);
  const open: number[] = [];
  for (let c = 0; c < passable.length; c++) if (passable[c]) open.push(c);

  it.each([1, 0.5, 2.5])('finds paths as long as the distance field says, %s m cells', (cellSizeM) => {
    const finder = createPathFinder(width, height, cellSizeM);
    const field = createDistanceField(passable.length);
    let found = 0;
    let unreachable = 0;
    for (let k = 0; k < 40; k++) {
      // Every fifth start is inside the closed room.
      const start = k % 5 === 0 ? 7 * width + 42 : open[(k * 7919) % open.length];
      const goal = open[(k * 104729 + 13) % open.length];
      computeDistanceField(width, height, cellSizeM, passable, [goal], field);
      const expected = field.distanceM[start];
      const ok = findPath(finder, passable, start, goal);
      if (expected === Infinity) {
        expect(ok).toBe(false);
        unreachable++;
        continue;
      }
      expect(ok).toBe(true);
      found++;
      expect(Math.abs(finder.lengthM - expected)).toBeLessThanOrEqual(1e-3);
      // The path itself: from start to goal, neighbour to neighbour over passable cells, no corner cut,
      // and its steps add up to its length.
      expect(finder.path[0]).toBe(start);
      expect(finder.path[finder.length - 1]).toBe(goal);
      let lengthM = 0;
      for (let i = 1; i < finder.length; i++) {
        const a = finder.path[i - 1];
        const b = finder.path[i];
        const dx = (b % width) - (a % width);
        const dy = Math.floor(b / width) - Math.floor(a / width);
        expect(passable[b]).toBe(1);
        expect(Math.max(Math.abs(dx), Math.abs(dy))).toBe(1);
        if (dx !== 0 && dy !== 0) {
          expect(passable[a + dx]).toBe(1);
          expect(passable[a + dy * width]).toBe(1);
        }
        lengthM += dx !== 0 && dy !== 0 ? cellSizeM * Math.SQRT2 : cellSizeM;
      }
      expect(lengthM).toBeCloseTo(finder.lengthM, 9);
    }
    // The map has pockets the walls cut off, so both cases are covered.
    expect(found).toBeGreaterThan(25);
    expect(unreachable).toBeGreaterThan(0);
  });

  it('expands far fewer cells than the field on open ground (the heuristic and the tie-break work)', () => {
    const openGround = new Uint8Array(200 * 200).fill(1);
    const finder = createPathFinder(200, 200, 1);
    expect(findPath(finder, openGround, 10 * 200 + 10, 150 * 200 + 190)).toBe(true);
    expect(finder.lengthM).toBeCloseTo(40 + 140 * Math.SQRT2, 6);
    expect(finder.expanded).toBeLessThan(2000);
  });

  it('leaves a start cell that is not passable, never enters a goal that is not, and handles start = goal', () => {
    const p = new Uint8Array(5 * 5).fill(1);
    p[12] = 0;
    const finder = createPathFinder(5, 5, 1);
    expect(findPath(finder, p, 12, 14)).toBe(true);
    expect(finder.lengthM).toBe(2);
    expect(findPath(finder, p, 14, 12)).toBe(false);
    expect(finder.length).toBe(0);
    expect(findPath(finder, p, 3, 3)).toBe(true);
    expect([finder.length, finder.lengthM]).toEqual([1, 0]);
  });
});
