import { grownInt32 } from './arrivalHeap';
import { BurnState, type Fire } from './Fire';

/** A module-level copy: an imported binding is read through a getter once transpiled, slow in the scan. */
const BURNING = BurnState.Burning;

/**
 * Smoke below this share of `fullIntensityPerM2` is set to 0 (and booked as trimmed): far below one
 * perception step, it only kept the computed box growing by a cell per sub-step forever.
 */
export const SMOKE_TRIM_SHARE = 1e-10;

/**
 * Rebuild the change list after a step: scan the box that may hold fire or smoke, trim negligible smoke,
 * shrink the smoke box to the cells still holding smoke, and list each cell whose perceived level or burn
 * state changed. Perceived level: all steps (intensity 1) while burning, else the smoke concentration in
 * whole steps of `perceptionStep × fullIntensityPerM2`, at most all steps.
 */
export function collectChanges(fire: Fire): void {
  const { width, smoke, state, perceived, stateChanged, box, fireBox, levels } = fire;
  let changedCells = fire.changedCells;
  const area = fire.cellSizeM * fire.cellSizeM;
  const full = fire.smokeParams.fullIntensityPerM2;
  const trimBelow = full * SMOKE_TRIM_SHARE;
  const perLevel = levels / full;
  // The scan covers the smoke box (it held every smoke cell at the last scan, grown by transport since)
  // and every cell that ever burnt, so no cell whose level or state changed is missed.
  const x0 = Math.min(box[0], fireBox[0]);
  const y0 = Math.min(box[1], fireBox[1]);
  const x1 = Math.max(box[2], fireBox[2]);
  const y1 = Math.max(box[3], fireBox[3]);
  let sx0 = width;
  let sy0 = fire.height;
  let sx1 = -1;
  let sy1 = -1;
  let changed = 0;
  let trimmed = 0;
  for (let y = y0; y <= y1; y++) {
    const row = y * width;
    for (let x = x0; x <= x1; x++) {
      const i = row + x;
      let c = smoke[i];
      if (c !== 0) {
        if (c < trimBelow) {
          trimmed += c;
          smoke[i] = 0;
          c = 0;
        } else {
          if (x < sx0) sx0 = x;
          if (x > sx1) sx1 = x;
          if (y < sy0) sy0 = y;
          if (y > sy1) sy1 = y;
        }
      }
      const level = state[i] === BURNING ? levels : Math.min(levels, Math.floor(c * perLevel));
      if (level !== perceived[i] || stateChanged[i] !== 0) {
        perceived[i] = level;
        stateChanged[i] = 0;
        if (changed === changedCells.length) {
          changedCells = grownInt32(changedCells, changed);
          fire.changedCells = changedCells;
        }
        changedCells[changed++] = i;
      }
    }
  }
  fire.smokeLedger.trimmed += trimmed * area;
  fire.changedCount = changed;
  box[0] = sx0;
  box[1] = sy0;
  box[2] = sx1;
  box[3] = sy1;
}
