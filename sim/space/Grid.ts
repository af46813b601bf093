import type { Place, Rect, Scenario } from '../scenario/schema';
import { CellKind, cellKindFromName } from './CellKind';

/** A named place resolved onto the grid. */
export interface PlaceCells {
  id: string;
  kind: Place['kind'];
  index: number;
  /** Cell indexes (row-major) of the place; for zones, every cell of the rectangle. */
  cells: Int32Array;
  place: Place;
}

/** The static map: cell kinds and which place each cell belongs to. */
export interface Grid {
  width: number;
  height: number;
  cellSizeM: number;
  /** Cell kind as drawn in the scenario (row-major). */
  baseKinds: Uint8Array;
  /** Place index of each cell, or -1. Zones are not recorded here (they overlap other places). */
  placeOfCell: Int16Array;
  places: PlaceCells[];
  placeById: Map<string, PlaceCells>;
}

/** Where a map character's legend entry says the cell belongs. */
function legendOf(scenario: Scenario, ch: string): { kind: number; place: string | null } | null {
  const entry = scenario.map.legend[ch];
  if (entry === undefined) return null;
  if (typeof entry === 'string') return { kind: cellKindFromName(entry), place: null };
  return { kind: cellKindFromName(entry.cell), place: entry.place };
}

/**
 * Build the grid of a validated scenario. Assumes the semantic check passed (rows equal in length,
 * every character in the legend).
 */
export function buildGrid(scenario: Scenario): Grid {
  const rows = scenario.map.rows;
  const height = rows.length;
  const width = rows[0].length;
  const baseKinds = new Uint8Array(width * height);
  // Int16: places are capped well below 32,767 (LIMITS.places), and this array is per cell.
  const placeOfCell = new Int16Array(width * height).fill(-1);
  const places: PlaceCells[] = scenario.places.map((place, index) => ({ id: place.id, kind: place.kind, index, cells: new Int32Array(0), place }));
  const placeById = new Map(places.map((p) => [p.id, p]));
  const cellLists: number[][] = places.map(() => []);
  const legendCache = new Map<string, { kind: number; place: number }>();
  for (let y = 0; y < height; y++) {
    const row = rows[y];
    for (let x = 0; x < width; x++) {
      const ch = row[x];
      let entry = legendCache.get(ch);
      if (!entry) {
        const legend = legendOf(scenario, ch) ?? { kind: CellKind.Wall, place: null };
        entry = { kind: legend.kind, place: legend.place === null ? -1 : (placeById.get(legend.place)?.index ?? -1) };
        legendCache.set(ch, entry);
      }
      const cell = y * width + x;
      baseKinds[cell] = entry.kind;
      if (entry.place >= 0) {
        placeOfCell[cell] = entry.place;
        cellLists[entry.place].push(cell);
      }
    }
  }
  for (const p of places) {
    if (p.place.kind === 'zone') cellLists[p.index] = rectCells(p.place.rect, width, height);
    p.cells = Int32Array.from(cellLists[p.index]);
  }
  return { width, height, cellSizeM: scenario.map.cellSizeM, baseKinds, placeOfCell, places, placeById };
}

/** Cell indexes of a rectangle, clipped to the grid. */
export function rectCells(rect: Rect, width: number, height: number): number[] {
  const out: number[] = [];
  const x1 = Math.min(width, rect.x + rect.w);
  const y1 = Math.min(height, rect.y + rect.h);
  for (let y = rect.y; y < y1; y++) for (let x = rect.x; x < x1; x++) out.push(y * width + x);
  return out;
}

/** Width of an exit or shelter opening in metres: the longer side of its cells' bounding box. */
export function openingWidthM(grid: Grid, place: PlaceCells): number {
  if (place.cells.length === 0) return 0;
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (const cell of place.cells) {
    const x = cell % grid.width;
    const y = (cell - x) / grid.width;
    minX = Math.min(minX, x);
    maxX = Math.max(maxX, x);
    minY = Math.min(minY, y);
    maxY = Math.max(maxY, y);
  }
  return Math.max(maxX - minX + 1, maxY - minY + 1) * grid.cellSizeM;
}
