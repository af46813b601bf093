import { faceFlags } from './faces';
import type { PlumeSpec } from './spec';

/** What `createPlume` needs to know about the map. */
export interface PlumeGrid {
  width: number;
  height: number;
  /** Side of a square cell, m. */
  cellSizeM: number;
  /** Cells gas cannot enter (row-major, non-zero = closed), such as solid walls; absent: all open. */
  wall?: Uint8Array;
}

/** Running totals of gas mass, kg (Float64 sums): released = on the grid + decayed + out of the map + trimmed. */
export interface PlumeLedger {
  releasedKg: number;
  decayedKg: number;
  /** Left the map across its edge. */
  outflowKg: number;
  /** Set to 0 where too thin to matter (see `TRIM_SHARE_OF_NOTICE`). */
  trimmedKg: number;
}

/**
 * The state of one plume over a width × height grid, as typed arrays indexed by cell (row-major: `cell =
 * y * width + x`). Read the arrays freely; change them only through the plume's functions. Sized once by
 * `createPlume`: `stepPlume` allocates nothing.
 */
export interface Plume {
  readonly width: number;
  readonly height: number;
  readonly cellSizeM: number;
  /** Simulated time the plume has been advanced to, s since `createPlume`. */
  timeS: number;

  /** Concentration in the mixing layer, kg/m³; never negative. */
  readonly concentration: Float32Array;
  /** Dose a person standing in the cell since the start would have taken, ∫ concentration dt, kg·s/m³. */
  readonly dose: Float32Array;
  /** Scratch: concentration at the start of the current sub-step (Heun's method needs it). */
  readonly start: Float32Array;
  /** 1 for closed cells (a copy of the grid's mask, or all 0); fixed for the plume's life. */
  readonly wall: Uint8Array;
  /** `Face` bits of the x-faces ((width + 1) per row) and y-faces (width per face row), from the walls. */
  readonly faceX: Uint8Array;
  readonly faceY: Uint8Array;
  /**
   * Scratch rows for the in-place sweep (see `stepPlume`): fluxes through the west faces of one row (and
   * the east face of its last cell), through its north and south faces, kg/(m²·s), and the old
   * concentrations of the row above and of the row being updated.
   */
  readonly scratch: { fluxX: Float64Array; fluxN: Float64Array; fluxS: Float64Array; oldAbove: Float64Array; oldHere: Float64Array };
  /** Box of cells that may hold gas, inclusive [x0, y0, x1, y1]; empty when x0 > x1. Cells outside hold exactly 0. */
  readonly box: Int32Array;

  /** Wind velocity, m/s: x to the right (east), y down the map (south). */
  windXMps: number;
  windYMps: number;
  diffusivityM2PerS: number;
  /** First-order loss rate, 1/s (ln 2 / half-life; 0 for a lasting gas). */
  decayPerS: number;
  readonly mixingHeightM: number;

  /** Cell of the release point. */
  readonly sourceCell: number;
  releaseRateKgPerS: number;
  startS: number;
  /** When the release stops, s (Infinity until stopped). */
  endS: number;

  /** Perception: concentration noticed and concentration at full intensity, kg/m³. */
  readonly noticeKgPerM3: number;
  readonly fullKgPerM3: number;
  readonly ledger: PlumeLedger;
}

/**
 * Wind velocity from a meteorological wind (the convention of the fire module): `fromDeg` is where the wind
 * comes from, clockwise from map up (north); x grows to the right (east), y down the map (south), so a wind
 * from 270° blows toward +x. Returns [vx, vy] in m/s, exactly axis-aligned for axis-aligned directions.
 */
export function windComponents(speedMps: number, fromDeg: number): [number, number] {
  const towardRad = ((fromDeg + 180) * Math.PI) / 180;
  const clean = (v: number) => (Math.abs(v) < 1e-12 * Math.max(1, speedMps) ? 0 : v);
  return [clean(speedMps * Math.sin(towardRad)), clean(-speedMps * Math.cos(towardRad))];
}

/**
 * Create a plume on a grid from a validated spec. Throws (a programmer error: the scenario check should
 * have caught it, see `checkPlumeSpec`) when the release point is off the map or inside a closed cell.
 *
 * @example
 * const plume = createPlume({ width: 200, height: 100, cellSizeM: 2 }, plumeSpecSchema.parse({ release: { x: 20, y: 50 }, releaseRateKgPerS: 0.5 }));
 * stepPlume(plume, 1); // one second
 */
export function createPlume(grid: PlumeGrid, spec: PlumeSpec): Plume {
  const { width, height, cellSizeM } = grid;
  if (!(width > 0 && height > 0 && Number.isInteger(width) && Number.isInteger(height)))
    throw new RangeError(`createPlume: bad grid size ${width} × ${height}`);
  if (!(cellSizeM > 0)) throw new RangeError(`createPlume: cellSizeM must be > 0, got ${cellSizeM}`);
  const cells = width * height;
  if (grid.wall && grid.wall.length !== cells) throw new RangeError(`createPlume: wall mask has ${grid.wall.length} cells, the grid ${cells}`);
  const { x, y } = spec.release;
  if (x >= width || y >= height) throw new RangeError(`createPlume: release point (${x}, ${y}) is off the ${width} × ${height} map`);
  const wall = new Uint8Array(cells);
  if (grid.wall) for (let c = 0; c < cells; c++) wall[c] = grid.wall[c] ? 1 : 0;
  const sourceCell = y * width + x;
  if (wall[sourceCell]) throw new RangeError(`createPlume: release point (${x}, ${y}) is inside a closed cell`);
  const [vx, vy] = windComponents(spec.wind.speedMps, spec.wind.fromDeg);
  const { faceX, faceY } = faceFlags(width, height, wall);
  return {
    width,
    height,
    cellSizeM,
    timeS: 0,
    concentration: new Float32Array(cells),
    dose: new Float32Array(cells),
    start: new Float32Array(cells),
    wall,
    faceX,
    faceY,
    scratch: {
      fluxX: new Float64Array(width + 1),
      fluxN: new Float64Array(width),
      fluxS: new Float64Array(width),
      oldAbove: new Float64Array(width),
      oldHere: new Float64Array(width),
    },
    box: Int32Array.of(1, 1, 0, 0),
    windXMps: vx,
    windYMps: vy,
    diffusivityM2PerS: spec.diffusivityM2PerS,
    decayPerS: spec.halfLifeS === undefined ? 0 : Math.LN2 / spec.halfLifeS,
    mixingHeightM: spec.mixingHeightM,
    sourceCell,
    releaseRateKgPerS: spec.releaseRateKgPerS,
    startS: spec.startS,
    endS: spec.endS ?? Infinity,
    noticeKgPerM3: spec.noticeKgPerM3,
    fullKgPerM3: spec.fullKgPerM3,
    ledger: { releasedKg: 0, decayedKg: 0, outflowKg: 0, trimmedKg: 0 },
  };
}

/** Change the wind from now on (a facilitator's inject, a forecast update): speed m/s, direction as in the spec. */
export function setPlumeWind(plume: Plume, speedMps: number, fromDeg: number): void {
  if (!(speedMps >= 0 && Number.isFinite(speedMps))) throw new RangeError(`setPlumeWind: speed must be a finite number ≥ 0, got ${speedMps}`);
  const [vx, vy] = windComponents(speedMps, fromDeg);
  plume.windXMps = vx;
  plume.windYMps = vy;
}

/** Stop the release at `atS` (s since the start; now if left out): the leak is sealed. A later end is kept earlier. */
export function stopRelease(plume: Plume, atS: number = plume.timeS): void {
  plume.endS = Math.min(plume.endS, Math.max(atS, plume.startS));
}

/**
 * Release `kg` at once into `cell` (a burst tank, a dropped canister: an inject on top of the steady
 * release). Counted in `ledger.releasedKg`. Throws for a closed cell or a negative mass.
 */
export function releasePuff(plume: Plume, cell: number, kg: number): void {
  if (!(kg >= 0 && Number.isFinite(kg))) throw new RangeError(`releasePuff: kg must be a finite number ≥ 0, got ${kg}`);
  if (!(cell >= 0 && cell < plume.concentration.length) || plume.wall[cell]) throw new RangeError(`releasePuff: cell ${cell} is off the map or closed`);
  plume.concentration[cell] += kg / (plume.cellSizeM * plume.cellSizeM * plume.mixingHeightM);
  plume.ledger.releasedKg += kg;
  includeCell(plume, cell);
}

/** Grow the plume's box (cells that may hold gas) to hold `cell`. */
export function includeCell(plume: Plume, cell: number): void {
  const x = cell % plume.width;
  const y = (cell - x) / plume.width;
  const box = plume.box;
  if (box[0] > box[2]) {
    box[0] = x;
    box[1] = y;
    box[2] = x;
    box[3] = y;
    return;
  }
  if (x < box[0]) box[0] = x;
  if (y < box[1]) box[1] = y;
  if (x > box[2]) box[2] = x;
  if (y > box[3]) box[3] = y;
}

/** Gas on the grid now, kg. */
export function plumeMassKg(plume: Plume): number {
  const c = plume.concentration;
  let sum = 0;
  for (let i = 0; i < c.length; i++) sum += c[i];
  return sum * plume.cellSizeM * plume.cellSizeM * plume.mixingHeightM;
}
