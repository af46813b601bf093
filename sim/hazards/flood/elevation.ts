import type { Rect } from '../../scenario/primitives';
import { ELEVATION_DIGITS, type ElevationShape, type ElevationSpec } from './schemaElevation';

/**
 * Build the ground level of every cell (m above the datum, row-major, Float32) from a scenario's
 * `elevation`: `baseM`, then `rows` (steps of `stepM`), then `shapes` in order. Rectangles reaching past
 * the map are clipped. Throws when `rows` does not match the map size: `checkFloodSpec` reports that to
 * the author first.
 *
 * @example
 * const bed = buildBedElevation({ baseM: 2, stepM: 0.5, rows: ['10', '01'], shapes: [] }, 2, 2); // [2.5, 2, 2, 2.5]
 */
export function buildBedElevation(spec: ElevationSpec, width: number, height: number): Float32Array {
  const bed = new Float32Array(width * height).fill(spec.baseM);
  if (spec.rows) {
    const mismatch = rowsMismatch(spec.rows, width, height);
    if (mismatch) throw new Error(`buildBedElevation: ${mismatch}`);
    for (let y = 0; y < height; y++) {
      const row = spec.rows[y];
      for (let x = 0; x < width; x++) bed[y * width + x] = spec.baseM + ELEVATION_DIGITS.indexOf(row[x]) * spec.stepM;
    }
  }
  for (const shape of spec.shapes) applyShape(bed, width, height, shape);
  return bed;
}

/** Why `rows` does not fit a width × height map, or null when it fits. */
export function rowsMismatch(rows: readonly string[], width: number, height: number): string | null {
  if (rows.length !== height) return `elevation.rows has ${rows.length} rows but the map has ${height}`;
  const bad = rows.findIndex((r) => r.length !== width);
  if (bad >= 0) return `elevation.rows[${bad}] has ${rows[bad].length} characters but the map is ${width} cells wide`;
  return null;
}

/** Cells of a rectangle clipped to the map, as inclusive bounds, or null when it lies outside. */
function clip(rect: Rect, width: number, height: number): { x0: number; y0: number; x1: number; y1: number } | null {
  const x1 = Math.min(width, rect.x + rect.w) - 1;
  const y1 = Math.min(height, rect.y + rect.h) - 1;
  if (rect.x > x1 || rect.y > y1) return null;
  return { x0: rect.x, y0: rect.y, x1, y1 };
}

function applyShape(bed: Float32Array, width: number, height: number, shape: ElevationShape): void {
  const box = clip(shape.rect, width, height);
  if (!box) return;
  for (let y = box.y0; y <= box.y1; y++) {
    for (let x = box.x0; x <= box.x1; x++) {
      const c = y * width + x;
      if (shape.kind === 'level') bed[c] = shape.elevationM;
      else if (shape.kind === 'raise') bed[c] += shape.byM;
      else bed[c] = slopeAt(shape, x, y);
    }
  }
}

/** Level of a slope shape at cell (x, y): straight from `fromM` on the side away from `toward` to `toM`. */
function slopeAt(shape: Extract<ElevationShape, { kind: 'slope' }>, x: number, y: number): number {
  const { rect } = shape;
  const alongX = shape.toward === 'east' || shape.toward === 'west';
  const n = alongX ? rect.w : rect.h;
  if (n <= 1) return shape.fromM;
  let k: number;
  if (shape.toward === 'east') k = x - rect.x;
  else if (shape.toward === 'west') k = rect.x + rect.w - 1 - x;
  else if (shape.toward === 'south') k = y - rect.y;
  else k = rect.y + rect.h - 1 - y;
  return shape.fromM + ((shape.toM - shape.fromM) * k) / (n - 1);
}
