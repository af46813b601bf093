import { describe, expect, it } from 'vitest';
import {
  computeDistanceField,
  createDistanceField,
  createFieldRepairScratch,
  type DistanceField,
  NEIGHBOUR_DX,
  NEIGHBOUR_DY,
  NO_STEP,
  repairDistanceField,
} from '../../sim/space/distanceField';

/** A fixed LCG, so every run tests the same maps. */
function lcg(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return s / 4294967296;
  };
}

/** Cells whose passability differs from what `field` was built for (what the world's rebuild lists). */
function changedCells(passable: Uint8Array, field: DistanceField): number[] {
  const out: number[] = [];
  for (let c = 0; c < passable.length; c++) {
    const d = field.distanceM[c];
    if (passable[c] ? d === Infinity || d === 0 : d !== Infinity) out.push(c);
  }
  return out;
}

function expectSameField(actual: DistanceField, expected: DistanceField) {
  expect(Array.from(actual.distanceM)).toEqual(Array.from(expected.distanceM));
  expect(Array.from(actual.next)).toEqual(Array.from(expected.next));
}

describe('distance field built in a fixed order', () => {
  it('does not depend on the order of the goals', () => {
    const width = 40;
    const height = 30;
    const random = lcg(7);
    const passable = Uint8Array.from({ length: width * height }, () => (random() < 0.8 ? 1 : 0));
    const goals = [5, 17 * width + 3, 29 * width + 39, 12 * width + 20, 2 * width + 37];
    const a = createDistanceField(passable.length);
    const b = createDistanceField(passable.length);
    computeDistanceField(width, height, 1, passable, goals, a);
    computeDistanceField(width, height, 1, passable, [...goals].reverse(), b);
    expectSameField(a, b);
  });

  it('steps, among neighbours at the same shortest distance, to the one nearest the goal, then the lowest index', () => {
    const width = 25;
    const height = 25;
    const passable = new Uint8Array(width * height).fill(1);
    const field = createDistanceField(passable.length);
    computeDistanceField(width, height, 2, passable, [12 * width + 12], field);
    const dist = field.distanceM;
    let ties = 0;
    for (let c = 0; c < dist.length; c++) {
      if (dist[c] === 0) continue;
      const x = c % width;
      const y = Math.floor(c / width);
      const best: number[] = [];
      for (let k = 0; k < 8; k++) {
        const px = x + NEIGHBOUR_DX[k];
        const py = y + NEIGHBOUR_DY[k];
        if (px < 0 || py < 0 || px >= width || py >= height) continue;
        const p = py * width + px;
        if (Math.fround(dist[p] + (k >= 4 ? 2 * Math.SQRT2 : 2)) === dist[c]) best.push(p);
      }
      best.sort((p, q) => dist[p] - dist[q] || p - q);
      if (best.length > 1) ties++;
      const k = field.next[c];
      expect(c + NEIGHBOUR_DY[k] * width + NEIGHBOUR_DX[k]).toBe(best[0]);
    }
    // Open ground toward one cell has many equal routes: the rule was really exercised.
    expect(ties).toBeGreaterThan(50);
  });
});

describe('repairDistanceField', () => {
  it.each([1, 7, 42, 1234])('gives exactly the field built afresh after cells close and open, step after step (seed %i)', (seed) => {
    const random = lcg(seed);
    const width = 48;
    const height = 36;
    const cells = width * height;
    const passable = Uint8Array.from({ length: cells }, () => (random() < 0.85 ? 1 : 0));
    // Goals on the edges, one of them inside the map, some on cells that will close and open.
    const goals = [0, width - 1, (height - 1) * width + 10, 18 * width + 24, 5 * width, 30 * width + width - 1];
    const field = createDistanceField(cells);
    const fresh = createDistanceField(cells);
    const scratch = createFieldRepairScratch();
    computeDistanceField(width, height, 1.5, passable, goals, field);
    let repairedCells = 0;
    for (let round = 0; round < 40; round++) {
      // A front: a few clusters close, earlier closures open again, scattered cells flip.
      const cx = Math.floor(random() * width);
      const cy = Math.floor(random() * height);
      const r = 1 + Math.floor(random() * 3);
      for (let y = Math.max(0, cy - r); y <= Math.min(height - 1, cy + r); y++) {
        for (let x = Math.max(0, cx - r); x <= Math.min(width - 1, cx + r); x++) passable[y * width + x] = round % 3 === 2 ? 1 : 0;
      }
      for (let k = 0; k < 10; k++) {
        const c = Math.floor(random() * cells);
        passable[c] ^= 1;
      }
      if (round % 5 === 0) passable[goals[round % goals.length]] ^= 1;
      const changed = changedCells(passable, field);
      repairedCells += repairDistanceField(width, height, 1.5, passable, changed, changed.length, field, scratch);
      computeDistanceField(width, height, 1.5, passable, goals, fresh);
      expectSameField(field, fresh);
    }
    expect(repairedCells).toBeGreaterThan(0);
  });

  it('leaves the field alone when nothing changed, and reports no cell lost', () => {
    const width = 20;
    const height = 20;
    const passable = new Uint8Array(width * height).fill(1);
    const field = createDistanceField(passable.length);
    computeDistanceField(width, height, 1, passable, [0], field);
    const copy = { distanceM: field.distanceM.slice(), next: field.next.slice() };
    expect(repairDistanceField(width, height, 1, passable, [], 0, field, createFieldRepairScratch())).toBe(0);
    expectSameField(field, copy);
    expect(field.next[0]).toBe(NO_STEP);
  });

  it('routes round a wall that closes across the way, and back once it opens', () => {
    const width = 30;
    const height = 10;
    const passable = new Uint8Array(width * height).fill(1);
    const field = createDistanceField(passable.length);
    const scratch = createFieldRepairScratch();
    const goal = 5 * width;
    computeDistanceField(width, height, 1, passable, [goal], field);
    const far = 5 * width + 29;
    expect(field.distanceM[far]).toBe(29);
    // A wall at x = 10 from the top down to y = 8: the way round is through the gap at y = 9.
    for (let y = 0; y < 9; y++) passable[y * width + 10] = 0;
    let changed = changedCells(passable, field);
    repairDistanceField(width, height, 1, passable, changed, changed.length, field, scratch);
    // Four rows down to the gap and four back up, diagonally: 21 + 8√2 m.
    expect(field.distanceM[far]).toBeCloseTo(21 + 8 * Math.SQRT2, 4);
    for (let y = 0; y < 9; y++) passable[y * width + 10] = 1;
    changed = changedCells(passable, field);
    repairDistanceField(width, height, 1, passable, changed, changed.length, field, scratch);
    expect(field.distanceM[far]).toBe(29);
  });
});
