import type { Flood } from './Flood';
import { walkingSpeedFactor as walkingSpeedFactorImported } from './walking';

// A module constant, not the imported name: `floodIntensity` runs for every wet cell each tick (see fluxes.ts).
const walkingSpeedFactor = walkingSpeedFactorImported;

/** Depth below which people and sensors see no water (wet pavement), m. */
export const VISIBLE_DEPTH_M = 0.01;

/**
 * How strongly people and sensors perceive the flood in a cell, 0 to 1: 0 where there is no visible water
 * (under `VISIBLE_DEPTH_M`), else the larger of how much the water slows walking (1 − `walkingSpeedFactor`)
 * and the hazard rating without debris, d·(v + 0.5), over 2 (its "danger for all" bound). Still water reads
 * 0.0025 at 1 cm, 0.2 at 22 cm, 0.4 at 35 cm and 1 from 60 cm; water 0.2 m deep flowing at 2 m/s reads
 * 0.25 (the rating term; the walking term is 0.16). Continuous in depth and speed above 1 cm.
 */
export function floodIntensity(depthM: number, speedMps: number): number {
  if (!(depthM >= VISIBLE_DEPTH_M)) return 0;
  const wading = 1 - walkingSpeedFactor(depthM);
  const rating = (depthM * (speedMps + 0.5)) / 2;
  const intensity = Math.max(wading, rating);
  return Math.min(intensity, 1);
}

/** Perceived flood intensity of a cell now (see `floodIntensity`), 0 to 1. */
export function intensityAt(f: Flood, cell: number): number {
  return floodIntensity(f.depthM[cell], f.speedMps[cell]);
}
