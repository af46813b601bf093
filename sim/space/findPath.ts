import { MinHeap } from './MinHeap';

/** Column and row offsets of the 8 neighbours: E, W, S, N, SE, SW, NE, NW (the distance field's order). */
const DX = [1, -1, 0, 0, 1, -1, 1, -1];
const DY = [0, 0, 1, -1, 1, 1, -1, -1];

/**
 * Weight of the tie-break in the heap key: among nodes of equal f = g + h, the one nearer the goal comes
 * first, so A* runs down one shortest path instead of filling the whole band of equally short ones. It
 * makes the search (1 + 1e-7)-optimal: 0.1 mm on a kilometre, far below Float32 positions.
 */
const TIE_BREAK = 1e-7;

/**
 * Scratch space of A* searches on one grid, reused from search to search so a search allocates nothing
 * (except to grow `path` when a longer path turns up). Searches are told apart by a stamp, so the
 * per-cell arrays never need clearing. Eleven bytes a cell: the cost so far (Float64: in Float32 its
 * rounding would swamp the tie-break), the step that reached the cell in one byte (not a four-byte parent
 * index), and one two-byte mark for reached and settled (not two four-byte stamps).
 */
export interface PathFinder {
  readonly width: number;
  readonly height: number;
  readonly cellSizeM: number;
  /** Cells of the last path found, start first, goal last; valid up to `length`. */
  path: Int32Array;
  /** Cells in `path`; 0 when the last search found no path. */
  length: number;
  /** Walking length of the last path found, m. */
  lengthM: number;
  /** Cells the last search expanded: a measure of its cost. */
  expanded: number;
  gM: Float64Array;
  /** Direction (index into DX/DY) of the step that last lowered the cell's cost: its parent is one step back. */
  step: Uint8Array;
  /** 2 × stamp once the search with that stamp reached the cell, 2 × stamp + 1 once it settled it. */
  mark: Uint16Array;
  stamp: number;
  heap: MinHeap;
}

/** Largest stamp whose marks (2 × stamp + 1) fit the Uint16 mark array. */
const MAX_STAMP = 0x7fff;

/** Scratch space for A* on a `width` × `height` grid of `cellSizeM` cells. */
export function createPathFinder(width: number, height: number, cellSizeM: number): PathFinder {
  const cells = width * height;
  return {
    width,
    height,
    cellSizeM,
    path: new Int32Array(64),
    length: 0,
    lengthM: 0,
    expanded: 0,
    gM: new Float64Array(cells),
    step: new Uint8Array(cells),
    mark: new Uint16Array(cells),
    stamp: 0,
    heap: new MinHeap(),
  };
}

/**
 * Shortest walking path from `start` to `goal` (cell indexes, row-major) over cells where `passable` is 1,
 * by A* with the octile heuristic: the same moves as `computeDistanceField` (8-connected, √2 diagonals, a
 * diagonal step only when both cells beside it are passable, so no wall corner is cut), hence the same
 * lengths. The start cell need not be passable (a walker on a cell that was just blocked can still leave
 * it); the goal must be. On success the path is in `finder.path[0 .. finder.length)` and its length in
 * `finder.lengthM`.
 * @returns whether the goal can be reached.
 * @example if (findPath(pf, world.passable, from, to)) walk(pf.path, pf.length);
 */
export function findPath(finder: PathFinder, passable: Uint8Array, start: number, goal: number): boolean {
  finder.length = 0;
  finder.lengthM = 0;
  finder.expanded = 0;
  if (start === goal) {
    finder.path[0] = start;
    finder.length = 1;
    return true;
  }
  if (!passable[goal]) return false;
  const { width, height, cellSizeM, gM, step, mark, heap } = finder;
  const stamp = nextStamp(finder);
  const reached = 2 * stamp;
  const settled = reached + 1;
  const diagonalM = cellSizeM * Math.SQRT2;
  // Octile distance: h = cs·(dx + dy) + (√2 − 2)·cs·min(dx, dy); consistent for these moves, so each cell settles once.
  const diagonalSaving = diagonalM - 2 * cellSizeM;
  const gx = goal % width;
  const gy = (goal - gx) / width;
  heap.clear();
  gM[start] = 0;
  mark[start] = reached;
  heap.push(0, start);
  let expanded = 0;
  while (heap.size > 0) {
    const cell = heap.pop();
    if (mark[cell] === settled) continue;
    mark[cell] = settled;
    expanded++;
    if (cell === goal) {
      finder.expanded = expanded;
      writePath(finder, start, goal);
      return true;
    }
    const g = gM[cell];
    const x = cell % width;
    const y = (cell - x) / width;
    for (let k = 0; k < 8; k++) {
      const nx = x + DX[k];
      const ny = y + DY[k];
      if (nx < 0 || ny < 0 || nx >= width || ny >= height) continue;
      const n = ny * width + nx;
      const m = mark[n];
      if (!passable[n] || m === settled) continue;
      if (k >= 4 && !(passable[y * width + nx] && passable[ny * width + x])) continue;
      const ng = g + (k >= 4 ? diagonalM : cellSizeM);
      if (m === reached && ng >= gM[n]) continue;
      mark[n] = reached;
      gM[n] = ng;
      step[n] = k;
      const dx = Math.abs(nx - gx);
      const dy = Math.abs(ny - gy);
      const h = cellSizeM * (dx + dy) + diagonalSaving * Math.min(dx, dy);
      heap.push(ng + h * (1 + TIE_BREAK), n);
    }
  }
  finder.expanded = expanded;
  return false;
}

/** A fresh stamp; on wrap-around the marks are cleared so old marks cannot match (every 32,767 searches). */
function nextStamp(finder: PathFinder): number {
  if (finder.stamp >= MAX_STAMP) {
    finder.mark.fill(0);
    finder.stamp = 0;
  }
  return ++finder.stamp;
}

/** Follow the steps back from the goal, store the path start first, and add up its length (the same sum as the search's). */
function writePath(finder: PathFinder, start: number, goal: number): void {
  const { step, width, cellSizeM } = finder;
  const back = (c: number) => c - DY[step[c]] * width - DX[step[c]];
  let length = 1;
  for (let c = goal; c !== start; c = back(c)) length++;
  if (finder.path.length < length) finder.path = new Int32Array(Math.max(length, finder.path.length * 2));
  const path = finder.path;
  let k = length;
  for (let c = goal; c !== start; c = back(c)) path[--k] = c;
  path[0] = start;
  const diagonalM = cellSizeM * Math.SQRT2;
  let lengthM = 0;
  for (let i = 1; i < length; i++) lengthM += step[path[i]] >= 4 ? diagonalM : cellSizeM;
  finder.length = length;
  finder.lengthM = lengthM;
}
