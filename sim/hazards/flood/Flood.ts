/** Gravitational acceleration, m/s². */
export const GRAVITY_MPS2 = 9.81;

/**
 * Depth of flow at a cell face (m) below which no water crosses it: thinner films stay where they are, as
 * in LISFLOOD-FP's depth threshold. 1 mm also acts as the puddles and gutters that hold the first rain.
 */
export const FLOW_DEPTH_MIN_M = 1e-3;

/**
 * Courant number α of the time step Δt = α·Δx/√(g·h_max). Bates et al. (2010) suggest 0.7 for their 1D
 * analysis, but on a 2D grid with the θ blend of `fluxes.ts` a von Neumann analysis of the linearised scheme
 * gives α ≤ √(θ/2) = 0.63 for θ = 0.8 (0.71 without the blend), and 0.7 does grow checkerboard waves in
 * deep, still water. 0.5 keeps a 20 % margin for the nonlinear terms.
 */
export const COURANT = 0.5;

/** Longest internal step, s, used when the water is so shallow that the Courant limit allows more. */
export const MAX_SUB_STEP_S = 5;

/** Map sides as bits of `Flood.openSides`. */
export const Side = { North: 1, South: 2, East: 4, West: 8 } as const;

/** An inflow resolved for the run: a trapezoid hydrograph spread over `cells`. */
export interface FloodSourceRuntime {
  id: string;
  /** Cells (row-major, no walls) sharing the inflow evenly. */
  cells: Int32Array;
  peakM3s: number;
  startS: number;
  riseS: number;
  /** Infinity for an inflow that never stops. */
  endS: number;
  fallS: number;
}

/** A drain resolved for the run. */
export interface FloodDrainRuntime {
  id: string;
  cells: Int32Array;
  /** Capacity of each of its cells, as a depth removed per second (m/s). */
  depthRateMps: number;
}

/**
 * The state of a flood on a width × height grid of square cells, as structure of arrays (row-major,
 * cell = y·width + x, y = 0 the north row). Created by `createFlood`, advanced by `stepFlood`; other systems
 * read `depthM`, `speedMps` and the changed-cell list and never write.
 *
 * Mass is conserved to rounding: the depth of a cell is exactly `depthM + depthRestM`, where `depthRestM`
 * keeps what Float32 rounding cut off the last update (per-cell compensated summation). Without it, light
 * rain on deep water would be rounded away systematically.
 */
export interface Flood {
  readonly width: number;
  readonly height: number;
  /** Edge of a cell, m. */
  readonly cellSizeM: number;
  /** Ground level, m above the datum. */
  readonly bedElevationM: Float32Array;
  /** 1 for walls: they hold no water and let none through. */
  readonly wall: Uint8Array;
  /** Water depth, m. */
  readonly depthM: Float32Array;
  /** Rounding remainder of `depthM`, m (see above); tiny, either sign. */
  readonly depthRestM: Float32Array;
  /** Depth-averaged water speed at cell centres, m/s, as of the end of the last `stepFlood`. */
  readonly speedMps: Float32Array;
  /** Discharge per metre of face across the west face of each cell ((width + 1) × height), m²/s, + toward east. */
  readonly flowXM2s: Float32Array;
  /** Discharge per metre of face across the north face of each cell (width × (height + 1)), m²/s, + toward south. */
  readonly flowYM2s: Float32Array;
  /** Scratch: a row of face flows from before the current sub-step (width entries). */
  readonly flowRowScratch: Float32Array;
  /** Scratch: share of its planned outflow each cell can afford this sub-step (0 to 1). */
  readonly outflowScale: Float64Array;
  /** Manning's n squared, s²/m^(2/3). */
  readonly manningN2: number;
  /** Bits of `Side` where water flows off the map. */
  readonly openSides: number;
  readonly sources: readonly FloodSourceRuntime[];
  readonly drains: readonly FloodDrainRuntime[];
  /** Rain as depth per second (m/s) and its period, or null. */
  readonly rain: { readonly depthRateMps: number; readonly startS: number; readonly endS: number } | null;
  /** Cells rain falls on (not walls). */
  readonly rainCells: number;
  /** Simulated time, s. */
  timeS: number;
  /** Water that came in since the start (sources and rain), m³ (Float64). */
  volumeInM3: number;
  /** Water that left since the start (map edges and drains), m³ (Float64). */
  volumeOutM3: number;
  /** Water on the grid at the start (`initialWater`), m³. */
  readonly initialVolumeM3: number;
  /**
   * Bounding box of every cell that has ever held water (inclusive; empty when x0 > x1). Only it and a
   * one-cell margin are computed: water moves at most one cell per sub-step. It never shrinks, so faces
   * outside it have always been dry and hold no stale flows.
   */
  wetBox: { x0: number; y0: number; x1: number; y1: number };
  /** Deepest water at the end of the last sub-step, m (sets the next stable step). */
  maxDepthM: number;
  /** Sub-steps taken since the start (a cost figure). */
  subSteps: number;
  /** Cells whose perception intensity changed in the last `stepFlood` (first `changedCount` entries). */
  readonly changedCells: Int32Array;
  changedCount: number;
  /** Intensity of each cell when it was last listed as changed. */
  readonly listedIntensity: Float32Array;
}

/** The grid a flood runs on: what the simulation passes to `createFlood`. */
export interface FloodGrid {
  width: number;
  height: number;
  cellSizeM: number;
  /** Ground level per cell, m above the datum (build it with `buildBedElevation`). */
  bedElevationM: Float32Array;
  /** 1 for walls (buildings, flood walls), 0 elsewhere. */
  wall: Uint8Array;
}
