import type { Flood } from './Flood';

/**
 * Flood hazard rating to people, HR = d·(v + 0.5) + DF, with d the depth (m), v the speed (m/s) and DF the
 * debris factor for urban areas: 0 up to 0.25 m deep, 1 deeper or faster than 2 m/s (HR Wallingford,
 * Flood Risks to People Phase 2, Defra/EA R&D report FD2321/TR2, 2006; Defra supplementary note on risk to
 * life, 2008). Read it with `DANGER_CLASS` thresholds: below 0.75 low (caution), 0.75-1.25 dangerous for
 * some (children, the elderly, the infirm), 1.25-2.0 for most people, above 2.0 for all, rescuers included.
 */
export function hazardRating(depthM: number, speedMps: number): number {
  if (!(depthM > 0)) return 0;
  const debris = depthM > 0.25 || speedMps > 2 ? 1 : 0;
  return depthM * (speedMps + 0.5) + debris;
}

/** Lower bounds of the hazard-rating classes (FD2321/TR2): index 0 low, 1 danger for some, 2 for most, 3 for all. */
export const DANGER_CLASS = { low: 0, dangerForSome: 0.75, dangerForMost: 1.25, dangerForAll: 2 } as const;

/** Class of a hazard rating: 0 low, 1 danger for some, 2 danger for most, 3 danger for all. */
export function dangerClass(rating: number): 0 | 1 | 2 | 3 {
  if (rating >= DANGER_CLASS.dangerForAll) return 3;
  if (rating >= DANGER_CLASS.dangerForMost) return 2;
  if (rating >= DANGER_CLASS.dangerForSome) return 1;
  return 0;
}

/** Hazard rating (see `hazardRating`) of a cell now, from its depth and its speed at the end of the last step. */
export function dangerAt(f: Flood, cell: number): number {
  return hazardRating(f.depthM[cell], f.speedMps[cell]);
}
