import type { Placement } from '../scenario/schema';
import { isWalkableKind } from '../space/CellKind';
import { type Grid, rectCells } from '../space/Grid';

/** Walkable cells a placement may use, in row-major order. */
export function placementCells(grid: Grid, placement: Placement): number[] {
  let cells: number[];
  switch (placement.kind) {
    case 'buildings':
      cells = placement.buildings.flatMap((id) => Array.from(grid.placeById.get(id)?.cells ?? []));
      break;
    case 'allBuildings':
      cells = grid.places.filter((p) => p.kind === 'building').flatMap((p) => Array.from(p.cells));
      break;
    case 'rect':
      cells = rectCells(placement.rect, grid.width, grid.height);
      break;
    case 'points':
      return [];
  }
  return cells.filter((c) => isWalkableKind(grid.baseKinds[c])).sort((a, b) => a - b);
}

/**
 * Assign each person to a cell, household by household, spread evenly over the candidates in an order
 * that does not depend on the seed (so the scenario check can run it exactly). A household stays in one
 * cell when one has room for it, else it is split over the next cells with room. Returns the cell of
 * each person, or null when the candidates are full. `room` is the remaining capacity per cell and is
 * updated.
 */
export function assignPersonCells(candidates: readonly number[], householdSizes: readonly number[], room: Uint16Array): Int32Array | null {
  const n = candidates.length;
  let people = 0;
  for (const size of householdSizes) people += size;
  const out = new Int32Array(people);
  if (n === 0) return people ? null : out;
  // A stride near n/φ, coprime with n, visits every cell once per n households and spreads them evenly.
  let stride = Math.max(1, Math.round(n * 0.6180339887));
  while (gcd(stride, n) !== 1) stride++;
  let cursor = 0;
  let person = 0;
  const largest = room.reduce((max, r) => Math.max(r, max), 0);
  for (const size of householdSizes) {
    let whole = -1;
    // A household larger than any cell can hold is split at once, without scanning every cell first.
    for (let probe = 0; probe < n && size <= largest; probe++) {
      const cell = candidates[(cursor + probe * stride) % n];
      if (room[cell] >= size) {
        whole = cell;
        break;
      }
    }
    if (whole >= 0) {
      room[whole] -= size;
      for (let k = 0; k < size; k++) out[person++] = whole;
    } else {
      let left = size;
      for (let probe = 0; probe < n && left > 0; probe++) {
        const cell = candidates[(cursor + probe * stride) % n];
        while (room[cell] > 0 && left > 0) {
          room[cell]--;
          left--;
          out[person++] = cell;
        }
      }
      if (left > 0) return null;
    }
    cursor = (cursor + stride) % n;
  }
  return out;
}

/** Household sizes for `count` people in households of `size` (the last one may be smaller). */
export function householdSizesOf(count: number, size: number): number[] {
  const sizes: number[] = [];
  for (let left = count; left > 0; left -= size) sizes.push(Math.min(size, left));
  return sizes;
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}
