import type { StateHasher } from '../../core/hash';
import { BurnState, type Fire } from './Fire';
import { heatAt } from './heat';

/** Whether people cannot walk through `cell` because it is burning now. */
export function blocksCell(fire: Fire, cell: number): boolean {
  return fire.state[cell] === BurnState.Burning;
}

/**
 * How strongly people and sensors perceive the hazard at `cell`, 0 to 1: 1 where it burns, else its smoke
 * relative to `smoke.fullIntensityPerM2` (capped at 1), rounded down to whole `perceptionStep`s. It is the
 * value as of the last `stepFire`, and changes only in cells that step listed (`forEachChangedCell`).
 */
export function intensityAt(fire: Fire, cell: number): number {
  return fire.perceived[cell] / fire.levels;
}

/** Whether smoke is perceived at `cell` (at least one perception step), burning or not. */
export function smokeVisibleAt(fire: Fire, cell: number): boolean {
  return fire.smoke[cell] * fire.levels >= fire.smokeParams.fullIntensityPerM2;
}

/** Seconds `cell` has been burning at the fire's current time (0 unless burning). */
export function timeBurningS(fire: Fire, cell: number): number {
  return fire.state[cell] === BurnState.Burning ? fire.timeS - fire.arrivalS[cell] : 0;
}

/**
 * Heat of `cell` at the fire's current time, 0 to 1: rises after ignition, falls to 0 at burn-out (see
 * `heatAt`); 0 unless burning.
 */
export function heatOf(fire: Fire, cell: number): number {
  return fire.state[cell] === BurnState.Burning ? heatAt(fire.timeS - fire.arrivalS[cell], fire.burnDurationS) : 0;
}

/**
 * Call `visit(cell)` once for each cell whose `intensityAt` or burn state (`blocksCell`) changed in the last
 * `stepFire`, in row-major order of the scanned box. The list is also readable directly as
 * `fire.changedCells[0 .. fire.changedCount)`.
 */
export function forEachChangedCell(fire: Fire, visit: (cell: number) => void): void {
  const cells = fire.changedCells;
  for (let k = 0; k < fire.changedCount; k++) visit(cells[k]);
}

/**
 * Whether the fire can still change: a front is due somewhere, a cell burns or smoke is in the air. A front
 * entry left stale by a lowered time counts until the time it held has passed.
 */
export function isFireActive(fire: Fire): boolean {
  return fire.front.size > 0 || fire.burntOutCount < fire.ignitedCount || fire.box[0] <= fire.box[2];
}

/** Smoke on the grid now, smoke units (concentration × cell area), summed in Float64. */
export function totalSmoke(fire: Fire): number {
  let sum = 0;
  const smoke = fire.smoke;
  for (let c = 0; c < smoke.length; c++) sum += smoke[c];
  return sum * fire.cellSizeM * fire.cellSizeM;
}

/**
 * Add everything that evolves in a fire to a state hash: time, front, burn state, smoke and the ledger
 * (heat follows from time, burn state and arrival). Two fires with the same spec, grid and random stream hash alike after the same steps.
 */
export function hashFire(fire: Fire, hasher: StateHasher): StateHasher {
  const l = fire.smokeLedger;
  return hasher
    .number(fire.timeS)
    .word(fire.ignitedCount)
    .word(fire.burntOutCount)
    .word(fire.front.size)
    .array(fire.state)
    .array(fire.arrivalS)
    .array(fire.smoke)
    .number(l.produced)
    .number(l.decayed)
    .number(l.outflow)
    .number(l.trimmed);
}
