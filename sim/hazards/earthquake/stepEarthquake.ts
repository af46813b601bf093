import { DamageState, type Earthquake } from './Earthquake';
import { damageStateFor } from './fragility';

/**
 * Advance the earthquake to `nowS` (seconds since the start of the run): every shock whose time has come
 * strikes once. A shock draws each building's damage state from its class's fragility at the building's
 * PGA (a building keeps the worst state it has reached), then debris falls on walkable cells outside
 * buildings within reach of heavily damaged and collapsed ones. Lists the changed cells
 * (`changedCells[0 .. changedCount)`), which is empty after a step without a shock. Nothing happens
 * before the main shock's `atS`.
 */
export function stepEarthquake(eq: Earthquake, nowS: number): void {
  eq.timeS = nowS;
  eq.changedCount = 0;
  if (eq.shocksApplied >= eq.shocks.length || eq.shocks[eq.shocksApplied].atS > nowS) return;
  const n = eq.damage.length;
  const changed: number[] = [];
  const before = eq.damage.slice();
  while (eq.shocksApplied < eq.shocks.length && eq.shocks[eq.shocksApplied].atS <= nowS) {
    applyShock(eq, eq.shocksApplied);
    eq.shocksApplied++;
  }
  // Building cells show their building's damage.
  for (let b = 0; b < n; b++) {
    if (eq.damage[b] === before[b]) continue;
    const cells = eq.buildingCells[b];
    for (let k = 0; k < cells.length; k++) setPerceived(eq, cells[k], eq.damage[b], changed);
  }
  const fallen: number[] = [];
  for (let b = 0; b < n; b++) {
    const state = eq.damage[b];
    if (state < DamageState.Heavy || state === before[b]) continue;
    const reach = state === DamageState.Collapse ? eq.collapseReachCells : eq.heavyReachCells;
    if (reach > 0) dropDebris(eq, eq.buildingCells[b], reach, state, changed, fallen);
  }
  if (fallen.length > 0) {
    const cells = new Int32Array(eq.debrisCount + fallen.length);
    cells.set(eq.debrisCells.subarray(0, eq.debrisCount));
    cells.set(fallen, eq.debrisCount);
    eq.debrisCells = cells;
    eq.debrisCount = cells.length;
  }
  // Shocks are rare: sorting and de-duplicating a plain list here costs nothing per tick.
  const sorted = Int32Array.from(changed).sort();
  let count = 0;
  for (let k = 0; k < sorted.length; k++) if (k === 0 || sorted[k] !== sorted[k - 1]) sorted[count++] = sorted[k];
  eq.changedCells = sorted.slice(0, count);
  eq.changedCount = count;
}

function applyShock(eq: Earthquake, shock: number): void {
  const n = eq.damage.length;
  const pga0 = eq.shocks[shock].pgaAtEpicentreG;
  const { attenuation, classOf, medianPgaG, beta, draw, damage, pgaG } = eq;
  for (let b = 0; b < n; b++) {
    const pga = pga0 * attenuation[b];
    if (pga > pgaG[b]) pgaG[b] = pga;
    const cls = classOf[b];
    const state = damageStateFor(draw[shock * n + b], pga, medianPgaG, cls * 4, beta[cls]);
    if (state > damage[b]) damage[b] = state;
  }
}

/** Raise a cell's perceived level, listing it if it changed (duplicates are removed after the step). */
function setPerceived(eq: Earthquake, cell: number, level: number, changed: number[]): void {
  if (eq.perceived[cell] >= level) return;
  eq.perceived[cell] = level;
  changed.push(cell);
}

/** Debris on walkable non-building cells within `reach` cells (between centres) of the building. */
function dropDebris(eq: Earthquake, cells: Int32Array, reach: number, state: number, changed: number[], fallen: number[]): void {
  const { width, height, walkable, buildingCell, debris } = eq;
  const r2 = reach * reach;
  for (let k = 0; k < cells.length; k++) {
    const c = cells[k];
    const x = c % width;
    const y = (c - x) / width;
    const x0 = Math.max(0, x - reach);
    const x1 = Math.min(width - 1, x + reach);
    const y0 = Math.max(0, y - reach);
    const y1 = Math.min(height - 1, y + reach);
    for (let yy = y0; yy <= y1; yy++) {
      for (let xx = x0; xx <= x1; xx++) {
        const dx = xx - x;
        const dy = yy - y;
        if (dx * dx + dy * dy > r2) continue;
        const cell = yy * width + xx;
        if (walkable[cell] === 0 || buildingCell[cell] === 1) continue;
        if (debris[cell] === 0) {
          debris[cell] = 1;
          fallen.push(cell);
        }
        setPerceived(eq, cell, state, changed);
      }
    }
  }
}
