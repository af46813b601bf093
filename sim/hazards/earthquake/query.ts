import type { StateHasher } from '../../core/hash';
import { DAMAGE_STATE_NAMES, type DamageStateValue, type Earthquake } from './Earthquake';

/** Perceived levels: 4 = a collapse (or its rubble) is perceived at full intensity. */
const LEVELS = 4;

/** Damage state (`DamageState`) of the building at `buildingIndex` (its index in the grid's `buildings`). */
export function damageOf(eq: Earthquake, buildingIndex: number): DamageStateValue {
  return eq.damage[buildingIndex] as DamageStateValue;
}

/** Share of the building's occupants trapped by its damage, 0 to 1 (0 before the shock). */
export function trappedShare(eq: Earthquake, buildingIndex: number): number {
  return eq.trappedByState[eq.damage[buildingIndex]];
}

/** Peak ground acceleration the building felt (strongest shock so far), g; 0 before the shock. */
export function pgaOf(eq: Earthquake, buildingIndex: number): number {
  return eq.pgaG[buildingIndex];
}

/** Whether debris blocks walking on `cell`. */
export function isDebris(eq: Earthquake, cell: number): boolean {
  return eq.debris[cell] === 1;
}

/**
 * How strongly people, sensors and the map perceive damage at `cell`, 0 to 1 in quarter steps: a
 * building cell shows its building's damage state / 4 (dust and cracks to a collapse); a debris cell the
 * state of the worst building whose rubble reached it (0.75 or 1). Changes only in listed cells.
 */
export function intensityAt(eq: Earthquake, cell: number): number {
  return eq.perceived[cell] / LEVELS;
}

/**
 * Call `visit(cell)` once for each cell whose `intensityAt` or debris changed in the last
 * `stepEarthquake`, in increasing cell order (also readable as `changedCells[0 .. changedCount)`).
 */
export function forEachChangedCell(eq: Earthquake, visit: (cell: number) => void): void {
  const cells = eq.changedCells;
  for (let k = 0; k < eq.changedCount; k++) visit(cells[k]);
}

/** Whether a shock is still to come. */
export function isEarthquakePending(eq: Earthquake): boolean {
  return eq.shocksApplied < eq.shocks.length;
}

/**
 * Figures for reports: buildings per damage state (`none` .. `collapse`), debris cells, shocks applied
 * and the strongest PGA any building felt, g.
 */
export function earthquakeReport(eq: Earthquake): Record<string, number> {
  const counts = [0, 0, 0, 0, 0];
  let maxPga = 0;
  for (let b = 0; b < eq.damage.length; b++) {
    counts[eq.damage[b]]++;
    if (eq.pgaG[b] > maxPga) maxPga = eq.pgaG[b];
  }
  const out: Record<string, number> = {};
  DAMAGE_STATE_NAMES.forEach((name, k) => {
    out[name] = counts[k];
  });
  out.debrisCells = eq.debrisCount;
  out.shocksApplied = eq.shocksApplied;
  out.maxPgaG = maxPga;
  return out;
}

/**
 * Add everything that evolves in an earthquake to a state hash: shocks applied, damage, PGA felt, debris
 * and perceived levels, and the draws (so two seeds differ even before the shock).
 */
export function hashEarthquake(eq: Earthquake, hasher: StateHasher): StateHasher {
  return hasher
    .number(eq.shocksApplied)
    .number(eq.debrisCount)
    .array(eq.draw)
    .array(eq.damage)
    .array(eq.pgaG)
    .array(eq.debris)
    .array(eq.perceived)
    .array(eq.debrisCells.subarray(0, eq.debrisCount));
}
