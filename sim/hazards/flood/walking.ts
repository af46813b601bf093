/** Depth up to which water does not slow walking (about ankle height), m. */
export const WADE_FREE_DEPTH_M = 0.1;
/** Knee-height depth where walking is down to `KNEE_SPEED_FACTOR` of the dry speed, m. */
export const KNEE_DEPTH_M = 0.35;
/** Share of the dry walking speed left at `KNEE_DEPTH_M`. */
export const KNEE_SPEED_FACTOR = 0.6;
/** Depth at which an adult no longer walks through still water, m. */
export const WADE_STOP_DEPTH_M = 0.6;

/**
 * Share of their dry walking speed a person keeps in still water `depthM` deep (0 to 1). A piecewise-linear
 * curve through three anchors:
 *
 * | depth (m) | factor | why |
 * |---|---|---|
 * | ≤ 0.10 | 1 | ankle deep: experiments show little slowing (0.08 m in the Qatar University laboratory study, 2021) |
 * | 0.35 | 0.6 | knee deep: speed fell 39 % (men) to 45 % (women) at 0.35 m in 188 participants (Li, Song, Zhang & Bode 2026, Acta Polytechnica CTU Proceedings 57, doi:10.14311/APP.2026.57.0226) |
 * | ≥ 0.60 | 0 | the depth at which flood evacuation guidance treats walking as no longer possible for adults (0.5-0.6 m) |
 *
 * Speed falling steadily with depth over 0.2-0.7 m matches Bernardini et al. (2020, Safety Science 123,
 * 104563); elderly people slow earlier (Lee, Hong & Lee 2019, IJDRR 39, 101198), which a caller can model
 * by scaling the depth. The curve is for still water; flowing water is judged by `dangerAt`.
 *
 * @example walkingSpeedFactor(0.2) // 0.84: 1.34 m/s on dry ground becomes 1.13 m/s
 */
export function walkingSpeedFactor(depthM: number): number {
  if (!(depthM > WADE_FREE_DEPTH_M)) return 1;
  if (depthM <= KNEE_DEPTH_M) return 1 - ((1 - KNEE_SPEED_FACTOR) * (depthM - WADE_FREE_DEPTH_M)) / (KNEE_DEPTH_M - WADE_FREE_DEPTH_M);
  if (depthM < WADE_STOP_DEPTH_M) return (KNEE_SPEED_FACTOR * (WADE_STOP_DEPTH_M - depthM)) / (WADE_STOP_DEPTH_M - KNEE_DEPTH_M);
  return 0;
}
