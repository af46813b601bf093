import type { Random } from '../../random/Random';
import { CellHeap } from '../../space/CellHeap';
import { lowerArrival } from './arrivalHeap';
import type { Fire, FireGrid, SmokeParams } from './Fire';
import type { FireSpec } from './fireSpec';
import { thinFuel } from './fuel';
import { ignitionCells } from './ignition';
import { delayShareOf } from './spread';
import { createSpreadTable, updateSpreadTimes } from './spreadTable';
import { windVelocity } from './wind';

/** First size of the fire's cell lists (front heap, burning cells, sources, changes); they double when full. */
const INITIAL_LIST_SIZE = 64;

/** Largest grid a fire accepts, cells (the scenario's map limit). */
export const MAX_FIRE_CELLS = 4_000_000;

/**
 * Create a fire on a grid from a validated spec (`fireSpecSchema.parse`), at simulated time `nowS` (s). A
 * `spec.startS` before `nowS` means the fire has been burning since then: the first `stepFire` spreads it
 * to where it would be now (its smoke starts now).
 * Draws from `random` only here, never afterwards: first, when `spec.fuelProbability < 1`, one number per cell
 * with fuel (does it keep its fuel? see `thinFuel`); then, when `spec.spreadVariability > 0`, one number in
 * all: the seed every cell's ignition delay is hashed from (`delayShareOf`). The spec's ignition cells are
 * scheduled for `spec.startS`; those without fuel do not burn and are counted in `unfueledIgnitions`. Throws a RangeError when the grid is malformed or the
 * ignition is off the map (the scenario check should have said so first: see `checkFireSpec`).
 *
 * @example
 * const spec = fireSpecSchema.parse({ ignition: { kind: 'point', xM: 40, yM: 25 } });
 * const fire = createFire({ width, height, cellSizeM, fuel }, spec, createRandom(seed, 'fire'));
 */
export function createFire(grid: FireGrid, spec: FireSpec, random: Random, nowS = 0): Fire {
  const { width, height, cellSizeM } = grid;
  const n = width * height;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1 || n > MAX_FIRE_CELLS) {
    throw new RangeError(`createFire: a ${width} × ${height} grid is not allowed (whole sides ≥ 1, at most ${MAX_FIRE_CELLS} cells)`);
  }
  if (!(cellSizeM > 0) || !Number.isFinite(cellSizeM)) throw new RangeError(`createFire: cellSizeM must be a positive number of metres, got ${cellSizeM}`);
  if (grid.fuel.length !== n) throw new RangeError(`createFire: the fuel map has ${grid.fuel.length} cells, the grid ${width} × ${height} = ${n}`);

  const fuel = new Float32Array(n);
  const mask = grid.fuel instanceof Uint8Array;
  for (let c = 0; c < n; c++) {
    const f = grid.fuel[c];
    if (mask) fuel[c] = f !== 0 ? 1 : 0;
    // NaN and negative loads mean no fuel; loads above the schema's 10 are capped.
    else if (f > 0) fuel[c] = Math.min(f, 10);
  }
  thinFuel(fuel, spec.fuelProbability, random);
  const delaySeed = spec.spreadVariability > 0 ? Math.floor(random.next() * 2 ** 32) | 0 : 0;

  const wind = windVelocity(spec.wind.speedMps, spec.wind.fromDeg, new Float64Array(2));
  const smokeParams: SmokeParams = {
    productionPerM2S: spec.smoke.productionPerM2S,
    diffusivityM2ps: spec.smoke.diffusivityM2ps,
    decayPerS: spec.smoke.decayPerS,
    fullIntensityPerM2: spec.smoke.fullIntensityPerM2,
    vxMps: wind[0],
    vyMps: wind[1],
  };
  const fire: Fire = {
    width,
    height,
    cellSizeM,
    timeS: nowS,
    burnDurationS: spec.burnDurationS,
    fuel,
    spreadVariability: spec.spreadVariability,
    delaySeed,
    state: new Uint8Array(n),
    arrivalS: new Float32Array(n).fill(Infinity),
    smoke: new Float32Array(n),
    perceived: new Uint8Array(n),
    levels: Math.min(250, Math.max(2, Math.round(1 / spec.perceptionStep))),
    spread: createSpreadTable(spec.spreadModel, cellSizeM, spec.spreadRateMps, spec.wind.speedMps, spec.wind.fromDeg, spec.wind.spreadFactorPerMps),
    front: new CellHeap(INITIAL_LIST_SIZE),
    ignitionOrder: new Int32Array(INITIAL_LIST_SIZE),
    ignitionBase: 0,
    ignitedCount: 0,
    burntOutCount: 0,
    unfueledIgnitions: 0,
    smokeParams,
    smokeRows: new Float32Array(2 * width),
    sourceCells: new Int32Array(INITIAL_LIST_SIZE),
    sourceRate: new Float32Array(INITIAL_LIST_SIZE),
    sourceCount: 0,
    box: Int32Array.of(width, height, -1, -1),
    fireBox: Int32Array.of(width, height, -1, -1),
    smokeLedger: { produced: 0, decayed: 0, outflow: 0, trimmed: 0 },
    changedCells: new Int32Array(INITIAL_LIST_SIZE),
    changedCount: 0,
    stateChanged: new Uint8Array(n),
    blockingChanged: false,
  };

  const start = ignitionCells(spec.ignition, width, height, cellSizeM);
  if ('error' in start) throw new RangeError(`createFire: ignition: ${start.error}`);
  // Scheduled directly (igniteCell would move a past start up to now): a fire that started before `nowS`
  // catches up at the first step, in time order, as if it had been stepped all along (without its smoke).
  for (const cell of start.cells) {
    if (fuel[cell] > 0) lowerArrival(fire, cell, spec.startS + delayShareOf(fire, cell) * fire.spread.minTimeS);
    else fire.unfueledIgnitions++;
  }
  return fire;
}

/**
 * Change the wind from now on (a facilitator's inject or a weather change): speed in m/s, direction the
 * wind comes from in degrees clockwise from map up. Smoke follows at once; front arrival times already
 * scheduled keep the old wind, later ones use the new.
 */
export function setFireWind(fire: Fire, speedMps: number, fromDeg: number): void {
  if (!(speedMps >= 0) || !Number.isFinite(speedMps) || !Number.isFinite(fromDeg))
    throw new RangeError(`setFireWind: got speed ${speedMps} m/s from ${fromDeg}°`);
  const wind = windVelocity(speedMps, fromDeg, new Float64Array(2));
  fire.smokeParams.vxMps = wind[0];
  fire.smokeParams.vyMps = wind[1];
  fire.spread.windSpeedMps = speedMps;
  fire.spread.windFromDeg = fromDeg;
  updateSpreadTimes(fire.spread, fire.cellSizeM);
}
