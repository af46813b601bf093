import type { CellHeap } from '../../space/CellHeap';

/** Burn state of a cell, stored in `Fire.state` (a Uint8Array). */
export const BurnState = {
  Unburnt: 0,
  Burning: 1,
  Burnt: 2,
} as const;
export type BurnStateValue = (typeof BurnState)[keyof typeof BurnState];

/** What `createFire` needs to know about the map. */
export interface FireGrid {
  width: number;
  height: number;
  /** Side of a square cell, m. */
  cellSizeM: number;
  /**
   * Fuel load per cell (row-major), 1 = a typical building, 0 = does not burn. A Uint8Array is read as a
   * mask: any non-zero value is load 1. See `fuelFromCellKinds`.
   */
  fuel: Float32Array | Uint8Array;
}

/**
 * The state of one fire and its smoke over a width × height grid, as parallel typed arrays indexed by
 * cell (row-major: `cell = y * width + x`). Read the arrays freely; change them only through the fire's
 * functions. Sized once by `createFire`: `stepFire` allocates nothing.
 */
export interface Fire {
  readonly width: number;
  readonly height: number;
  readonly cellSizeM: number;
  /** Simulated time the fire has been advanced to, s. */
  timeS: number;
  burnDurationS: number;

  /** Fuel load per cell (a copy of the grid's, as Float32). */
  readonly fuel: Float32Array;
  /**
   * A cell's random delay between the front reaching it and its ignition, as a share of `spread.minTimeS`:
   * `spreadVariability` × a hash of (`delaySeed`, cell), so it needs no array (see `delayShareOf`).
   */
  readonly spreadVariability: number;
  readonly delaySeed: number;
  /** `BurnState` per cell. */
  readonly state: Uint8Array;
  /**
   * When the cell caught fire, s (Infinity while never reached); before that, the earliest time it is due
   * to. Float32: about 1 ms at 10^4 s. Heat follows from it (`heatOf`).
   */
  readonly arrivalS: Float32Array;
  /** Smoke concentration, smoke units per m²; never negative. */
  readonly smoke: Float32Array;
  /** Perceived intensity as a whole number of perception steps (`levels` = 1, flames). */
  readonly perceived: Uint8Array;
  /** Number of perception steps in intensity 1. */
  readonly levels: number;

  /** Spread: `spreadModel` neighbour offsets and the time to cross each at the current wind, s. */
  readonly spread: SpreadTable;
  /**
   * Cells the front is due at, as a binary min-heap of (time, cell) entries with lazy deletion (see
   * `arrivalHeap.ts`): lowering a time pushes a new entry and leaves the old one stale. The heap holds the
   * front only: it starts small and doubles when full. Its `size` counts stale entries too.
   */
  readonly front: CellHeap;
  /**
   * Cells burning now in order of ignition: the k-th cell ever ignited, for k in `[burntOutCount,
   * ignitedCount)`, is `ignitionOrder[k - ignitionBase]`. Only that window is kept (burnt-out cells are
   * dropped as it moves on), so it grows with the burning area, not with the map.
   */
  ignitionOrder: Int32Array;
  ignitionBase: number;
  ignitedCount: number;
  burntOutCount: number;
  /** Ignition cells given without fuel (they do not burn). */
  unfueledIgnitions: number;

  /** Smoke transport settings (see `smoke.ts`). */
  readonly smokeParams: SmokeParams;
  /** Scratch rows for the smoke step (two rows of the map) and the step's source list (grown with the burning cells). */
  readonly smokeRows: Float32Array;
  sourceCells: Int32Array;
  sourceRate: Float32Array;
  sourceCount: number;
  /** Box of cells that may hold smoke or fire, inclusive; empty when x0 > x1. */
  readonly box: Int32Array;
  /** Box of every cell that ever ignited, inclusive; empty when x0 > x1. */
  readonly fireBox: Int32Array;
  /** Smoke book-keeping, smoke units (Float64 sums): produced = on grid + decayed + out of the map + trimmed. */
  readonly smokeLedger: SmokeLedger;

  /** Cells whose perceived level or burn state changed in the last `stepFire`, each once (grown as needed). */
  changedCells: Int32Array;
  changedCount: number;
  /** 1 for cells whose burn state changed in this step (cleared when the change list is built). */
  readonly stateChanged: Uint8Array;
  /** Whether a cell started or stopped blocking walking in the last step (flow fields need recomputing). */
  blockingChanged: boolean;
}

/** Neighbour offsets of the spread model with their crossing rules and times. */
export interface SpreadTable {
  /** Number of neighbours: 16 (`round`) or 4 (`grid4`). */
  count: number;
  dx: Int8Array;
  dy: Int8Array;
  /**
   * Cells the front passes between the two: for a diagonal step at least one of (mid1, mid2) must have
   * fuel (it cannot squeeze between two cells without fuel); for a knight's step (2, 1) both must.
   * `rule` 0: none, 1: either, 2: both.
   */
  mid1x: Int8Array;
  mid1y: Int8Array;
  mid2x: Int8Array;
  mid2y: Int8Array;
  rule: Uint8Array;
  /** Time for the front to make each step, s. */
  timeS: Float64Array;
  /** The shortest of `timeS`, s: ignition delays stay below it. */
  minTimeS: number;
  /** Front speed without wind, m/s. */
  rateMps: number;
  windSpeedMps: number;
  windFromDeg: number;
  windFactorPerMps: number;
}

/** Smoke transport settings. */
export interface SmokeParams {
  productionPerM2S: number;
  diffusivityM2ps: number;
  decayPerS: number;
  fullIntensityPerM2: number;
  /** Wind velocity, m/s: x to the right (east), y down the map (south). */
  vxMps: number;
  vyMps: number;
}

/** Running totals of smoke, smoke units (concentration × area). */
export interface SmokeLedger {
  produced: number;
  decayed: number;
  outflow: number;
  trimmed: number;
}
