import type { Random } from '../../random/Random';
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

/**
 * Make fuel patchy, in place: each cell with fuel (load > 0) keeps its load with probability `probability`
 * (0 to 1) and loses it otherwise, one draw from `random` per cell with fuel, in row-major order. Draws
 * nothing when `probability` is 1 (the fuel stays as it is), so fires without patchy fuel draw exactly what
 * they drew before. With the "grid4" spread model this is site percolation (VALIDATION V12).
 *
 * @example thinFuel(fuel, 0.6, createRandom(seed, 'fire:brush')) // about 40% of the fuel cells lose their fuel
 */
export function thinFuel(fuel: Float32Array, probability: number, random: Random): void {
  if (!(probability >= 0 && probability <= 1)) throw new RangeError(`thinFuel: the probability must be between 0 and 1, got ${probability}`);
  if (probability === 1) return;
  for (let c = 0; c < fuel.length; c++) if (fuel[c] > 0 && !(random.next() < probability)) fuel[c] = 0;
}
