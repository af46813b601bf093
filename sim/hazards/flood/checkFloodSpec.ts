import type { Rect } from '../../scenario/primitives';
import { formatPath, type ScenarioError } from '../../scenario/ScenarioError';
import { rowsMismatch } from './elevation';
import type { FloodSpec } from './schema';

/** The map a flood spec is checked against. `wall` (1 = wall, row-major) is optional. */
export interface FloodCheckMap {
  width: number;
  height: number;
  wall?: Uint8Array;
}

/**
 * The semantic check of a validated flood spec against its map, after the schema: elevation rows that do
 * not match the map, rectangles entirely outside it, sources and drains with no open cell. Every error
 * names its JSON path (under `basePath`, for example `['hazards', 2]`) and says how to fix it.
 */
export function checkFloodSpec(spec: FloodSpec, map: FloodCheckMap, basePath: readonly PropertyKey[] = []): ScenarioError[] {
  const errors: ScenarioError[] = [];
  const at = (...path: PropertyKey[]) => formatPath([...basePath, ...path]);
  const { width, height } = map;
  const size = `the map is ${width} × ${height} cells (x 0 to ${width - 1}, y 0 to ${height - 1})`;
  const outside = (rect: Rect) => rect.x >= width || rect.y >= height;

  if (spec.elevation.rows) {
    const mismatch = rowsMismatch(spec.elevation.rows, width, height);
    if (mismatch) errors.push({ path: at('elevation', 'rows'), message: mismatch, hint: 'write one row per map row and one character per map column' });
  }
  spec.elevation.shapes.forEach((shape, i) => {
    if (outside(shape.rect)) errors.push({ path: at('elevation', 'shapes', i, 'rect'), message: 'the rectangle lies outside the map', hint: size });
  });
  spec.sources.forEach((s, i) => {
    const problem = openProblem(s.rect, map, outside(s.rect));
    if (problem) errors.push({ path: at('sources', i, 'rect'), message: `source "${s.id}" ${problem}`, hint: `${size}; put the source on open ground` });
  });
  spec.outflows.forEach((o, i) => {
    if (o.kind !== 'drain') return;
    const problem = openProblem(o.rect, map, outside(o.rect));
    if (problem) errors.push({ path: at('outflows', i, 'rect'), message: `drain "${o.id}" ${problem}`, hint: `${size}; put the drain on open ground` });
  });
  spec.initialWater.forEach((w, i) => {
    if (outside(w.rect)) errors.push({ path: at('initialWater', i, 'rect'), message: 'the rectangle lies outside the map', hint: size });
  });
  const ids = new Set<string>();
  const named: { id: string; path: PropertyKey[] }[] = [
    ...spec.sources.map((s, i) => ({ id: s.id, path: ['sources', i, 'id'] })),
    ...spec.outflows.flatMap((o, i) => (o.kind === 'drain' ? [{ id: o.id, path: ['outflows', i, 'id'] }] : [])),
  ];
  for (const n of named) {
    if (ids.has(n.id)) errors.push({ path: at(...n.path), message: `the id "${n.id}" is used twice`, hint: 'give every source and drain its own id' });
    ids.add(n.id);
  }
  return errors;
}

/** What keeps water from entering or leaving through a rectangle, or null when it has an open cell. */
function openProblem(rect: Rect, map: FloodCheckMap, isOutside: boolean): string | null {
  if (isOutside) return 'lies outside the map';
  if (!map.wall) return null;
  const x1 = Math.min(map.width, rect.x + rect.w);
  const y1 = Math.min(map.height, rect.y + rect.h);
  for (let y = rect.y; y < y1; y++) for (let x = rect.x; x < x1; x++) if (!map.wall[y * map.width + x]) return null;
  return 'covers only walls';
}
