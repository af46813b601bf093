import { CELL_KINDS } from '../../scenario/schema';
import type { FireSpec } from './fireSpec';

/**
 * The fuel map of a fire: each cell's fuel load (1 = a typical building, 0 = does not burn) from its cell
 * kind (`CellKind` values, as in `Grid.baseKinds`) through `spec.fuelByCellKind`, then overwritten by
 * `spec.fuelAreas` in order (clipped to the map). Kinds outside the scenario's kinds (a blocked road) get
 * no fuel.
 *
 * @example
 * const fuel = fuelFromCellKinds(grid.baseKinds, grid.width, grid.height, spec);
 * const fire = createFire({ width: grid.width, height: grid.height, cellSizeM: grid.cellSizeM, fuel }, spec, random);
 */
export function fuelFromCellKinds(kinds: Uint8Array, width: number, height: number, spec: Pick<FireSpec, 'fuelByCellKind' | 'fuelAreas'>): Float32Array {
  if (kinds.length !== width * height) throw new RangeError(`fuelFromCellKinds: ${kinds.length} cell kinds for a ${width} × ${height} grid`);
  const byKind = new Float32Array(256);
  CELL_KINDS.forEach((name, kind) => {
    byKind[kind] = spec.fuelByCellKind[name];
  });
  const fuel = new Float32Array(width * height);
  for (let c = 0; c < fuel.length; c++) fuel[c] = byKind[kinds[c]];
  for (const area of spec.fuelAreas) {
    const { x, y, w, h } = area.rect;
    const x1 = Math.min(width, x + w);
    const y1 = Math.min(height, y + h);
    for (let row = y; row < y1; row++) if (x < x1) fuel.fill(area.fuel, row * width + x, row * width + x1);
  }
  return fuel;
}
