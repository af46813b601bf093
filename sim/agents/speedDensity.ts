/** Weidmann's jam density, persons/m²: walking stops here. */
export const JAM_DENSITY_PPM2 = 5.4;
/** Weidmann's free walking speed, m/s. */
export const WEIDMANN_FREE_SPEED_MPS = 1.34;
const GAMMA = 1.913;

/**
 * Walking speed at a density by Weidmann (1993): v = 1.34 · (1 − exp(−1.913 · (1/ρ − 1/5.4))) m/s.
 * @param densityPpm2 persons per m²; 0 gives the free speed, 5.4 and above give 0.
 * @example weidmannSpeedMps(1) // ≈ 1.058
 */
export function weidmannSpeedMps(densityPpm2: number): number {
  if (densityPpm2 <= 0) return WEIDMANN_FREE_SPEED_MPS;
  if (densityPpm2 >= JAM_DENSITY_PPM2) return 0;
  return WEIDMANN_FREE_SPEED_MPS * (1 - Math.exp(-GAMMA * (1 / densityPpm2 - 1 / JAM_DENSITY_PPM2)));
}

/** Most people one cell holds: the jam density times its area, at least one. */
export function cellCapacityPersons(cellAreaM2: number): number {
  return Math.max(1, Math.floor(JAM_DENSITY_PPM2 * cellAreaM2));
}

/**
 * Speed factors indexed by the head count of the cell a walker steps toward: the density a walker feels
 * is that of the space ahead of it, and its speed is its free speed times v(ρ)/v(0). Ahead, not around:
 * the front of a queue walks off into free space at its own pace, so a door's flow is set by the door,
 * not by the crowd behind it. A table, because `exp` per agent per tick would dominate the movement loop.
 */
export function speedFactorTable(cellAreaM2: number): Float32Array {
  const capacity = cellCapacityPersons(cellAreaM2);
  const table = new Float32Array(capacity + 1);
  for (let count = 0; count <= capacity; count++) table[count] = weidmannSpeedMps(count / cellAreaM2) / WEIDMANN_FREE_SPEED_MPS;
  return table;
}
