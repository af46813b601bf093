import type { Plume } from './Plume';

/**
 * How strongly a concentration (kg/m³) is perceived, 0 to 1: 0 below the notice threshold, 1 at or above
 * full intensity, and in between growing with the logarithm of the concentration (perceived strength of a
 * smell or irritant follows the log of its concentration, the Weber–Fechner law).
 */
export function perceivedIntensity(plume: Plume, concentrationKgPerM3: number): number {
  const lo = plume.noticeKgPerM3;
  if (!(concentrationKgPerM3 > lo)) return 0;
  const hi = plume.fullKgPerM3;
  if (concentrationKgPerM3 >= hi) return 1;
  return Math.log(concentrationKgPerM3 / lo) / Math.log(hi / lo);
}

/** Perceived intensity of the gas in a cell now, 0 to 1 (see `perceivedIntensity`). Cheap: call it per sensor or per resident. */
export function intensityAt(plume: Plume, cell: number): number {
  return perceivedIntensity(plume, plume.concentration[cell]);
}

/** Dose rate in a cell now: the concentration a person there breathes, kg/m³ (dose grows by this × seconds, kg·s/m³). */
export function doseRateAt(plume: Plume, cell: number): number {
  return plume.concentration[cell];
}

/**
 * Add `dtS` seconds of exposure to each person's dose: `dose[k] += concentration[cells[k]] × dtS` for k <
 * `count`, kg·s/m³. Call it once per tick after `stepPlume` with the residents' (or volunteers') cell
 * array and a dose array the simulation owns; a negative cell (not on the map) adds nothing.
 */
export function accumulateDose(plume: Plume, cells: Int32Array, count: number, dose: Float32Array | Float64Array, dtS: number): void {
  const c = plume.concentration;
  const box = plume.box;
  if (box[0] > box[2]) return;
  for (let k = 0; k < count; k++) {
    const cell = cells[k];
    if (cell >= 0) dose[k] += c[cell] * dtS;
  }
}
