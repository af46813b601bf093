/** Damage state of a building, stored in `Earthquake.damage` (EMS-98 grades 0 to 4 as HAZUS names them). */
export const DamageState = {
  None: 0,
  Slight: 1,
  Moderate: 2,
  Heavy: 3,
  Collapse: 4,
} as const;
export type DamageStateValue = (typeof DamageState)[keyof typeof DamageState];
/** Names of the damage states, by value; the keys of `trappedShare` and of the report. */
export const DAMAGE_STATE_NAMES = ['none', 'slight', 'moderate', 'heavy', 'collapse'] as const;

/** What `createEarthquake` needs to know about the map. */
export interface EarthquakeGrid {
  width: number;
  height: number;
  /** Side of a square cell, m. */
  cellSizeM: number;
  /** The buildings; a building's index in this list is its `buildingIndex` in every query. */
  buildings: readonly { id: string; cells: Int32Array }[];
  /** 1 where people can walk (row-major); debris falls only on walkable cells outside buildings. */
  walkable: Uint8Array;
}

/** One shock: the main shock or an aftershock. */
export interface Shock {
  atS: number;
  pgaAtEpicentreG: number;
}

/**
 * The state of one earthquake over a grid, as typed arrays indexed by building or by cell (row-major:
 * `cell = y * width + x`). Read the arrays freely; change them only through `stepEarthquake`.
 */
export interface Earthquake {
  readonly width: number;
  readonly height: number;
  readonly cellSizeM: number;
  /** Simulated time of the last `stepEarthquake`, s (-Infinity before the first). */
  timeS: number;
  /** Main shock then aftershocks, in time order. */
  readonly shocks: readonly Shock[];
  /** Shocks applied so far. */
  shocksApplied: number;

  /** Per building: distance factor `(depth / hypocentral distance)^exponent`; PGA = shock PGA × factor. */
  readonly attenuation: Float64Array;
  /** Per building: its vulnerability class's index in `classNames`. */
  readonly classOf: Uint8Array;
  readonly classNames: readonly string[];
  /** Per class: median PGA of slight, moderate, heavy, collapse (4 per class), g. */
  readonly medianPgaG: Float64Array;
  /** Per class: lognormal beta. */
  readonly beta: Float64Array;
  /** Per shock and building (`shock * buildings + building`): the uniform draw that picks the damage state. */
  readonly draw: Float64Array;
  /** Per building: PGA of the strongest shock applied so far, g (0 before the first). */
  readonly pgaG: Float64Array;
  /** Per building: `DamageState`. */
  readonly damage: Uint8Array;
  /** Share of occupants trapped by damage state (5 values). */
  readonly trappedByState: Float64Array;
  /** Debris reach of heavy and collapsed buildings, cells. */
  readonly heavyReachCells: number;
  readonly collapseReachCells: number;

  /** Per cell: 1 inside a building. */
  readonly buildingCell: Uint8Array;
  readonly walkable: Uint8Array;
  readonly buildingCells: readonly Int32Array[];
  /** Per cell: 1 where debris blocks walking. */
  readonly debris: Uint8Array;
  /** Debris cells in the order they fell; `[0, debrisCount)` are valid. */
  debrisCells: Int32Array;
  debrisCount: number;
  /** Per cell: perceived level 0 to 4 (damage state of a building cell; of the worst source for debris). */
  readonly perceived: Uint8Array;
  /** Cells whose perceived level or debris changed in the last `stepEarthquake`; `[0, changedCount)`. */
  changedCells: Int32Array;
  changedCount: number;
}
