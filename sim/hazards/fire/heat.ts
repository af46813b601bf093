/** Share of the burn duration over which heat rises from 0 to 1 (growth). */
export const HEAT_GROWTH_SHARE = 0.2;
/** Share of the burn duration over which heat falls from 1 to 0 (decay), at its end. */
export const HEAT_DECAY_SHARE = 0.3;

/**
 * Heat of a cell `ageS` seconds after it caught fire, 0 to 1: rises linearly over the first 20% of the burn
 * duration `burnS`, stays at 1, falls linearly to 0 over the last 30%; 0 outside the burn.
 */
export function heatAt(ageS: number, burnS: number): number {
  if (!(ageS > 0) || ageS >= burnS) return 0;
  return Math.min(1, ageS / (HEAT_GROWTH_SHARE * burnS), (burnS - ageS) / (HEAT_DECAY_SHARE * burnS));
}

/**
 * Heat integrated from ignition to `ageS` seconds after it (clamped to the burn), s: lets a step of any
 * length add exactly the smoke the cell makes in it. Over the whole burn it is 0.75 × `burnS`.
 */
export function heatIntegralS(ageS: number, burnS: number): number {
  if (!(ageS > 0)) return 0;
  const grow = HEAT_GROWTH_SHARE * burnS;
  const fall = HEAT_DECAY_SHARE * burnS;
  const fallStart = burnS - fall;
  if (ageS <= grow) return (ageS * ageS) / (2 * grow);
  if (ageS <= fallStart) return grow / 2 + (ageS - grow);
  const s = Math.min(ageS, burnS) - fallStart;
  return grow / 2 + (fallStart - grow) + s - (s * s) / (2 * fall);
}
