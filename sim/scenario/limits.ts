/** Size bounds checked before anything is allocated, so a hostile file gets an error, not an out-of-memory crash. */
export const LIMITS = {
  mapRows: 4000,
  mapColumns: 4000,
  mapCells: 4_000_000,
  residents: 2_000_000,
  volunteers: 100_000,
  groups: 1000,
  places: 10_000,
  timelineEvents: 10_000,
  strategies: 100,
  /** Distinct evacuation targets one run may name (each needs a distance field). */
  evacuationTargets: 200,
  /** Cells all placements together may scan in the check. */
  placementCells: 50_000_000,
  textLength: 4000,
  idLength: 64,
} as const;

/** Version of the scenario format this build writes and reads natively. */
export const SCHEMA_VERSION = 1;
