/**
 * Wind velocity on the map from a meteorological wind: `fromDeg` is where the wind comes from, clockwise
 * from map up (north). x grows to the right (east), y down the map (south), so a wind from 270° (west)
 * blows toward +x. Returns m/s into `out` ([vx, vy]).
 */
export function windVelocity(speedMps: number, fromDeg: number, out: Float64Array): Float64Array {
  const towardRad = ((fromDeg + 180) * Math.PI) / 180;
  // Round away the last-bit noise of sin/cos so that axis-aligned winds are exactly axis-aligned.
  out[0] = cleanZero(speedMps * Math.sin(towardRad));
  out[1] = cleanZero(-speedMps * Math.cos(towardRad));
  return out;
}

function cleanZero(v: number): number {
  return Math.abs(v) < 1e-12 ? 0 : v;
}

/**
 * Eccentricity of the spread ellipse for a wind of `speedMps` pushing with `factorPerMps`. The ellipse
 * has the ignition at its rear focus; the head moves (1 + factor·U) times faster than without wind and the
 * back (1 + factor·U) times slower, so head / back = (1 + factor·U)² = (1 + e) / (1 − e).
 */
export function spreadEccentricity(speedMps: number, factorPerMps: number): number {
  const q = (1 + factorPerMps * speedMps) ** 2;
  return (q - 1) / (q + 1);
}

/**
 * Front speed in a direction making angle `cosAngle` (its cosine) with the downwind direction, m/s:
 * R(θ) = R_head (1 − e) / (1 − e cos θ) with R_head = R₀ (1 + factor·U) — a polar ellipse about its focus,
 * the shape of wind-driven fires (Anderson 1983, Richards 1990). Without wind it is R₀ in every direction.
 *
 * @example spreadRateMps(0.02, 5, 0.15, 1) // head of the fire: 0.02 × 1.75 = 0.035 m/s
 */
export function spreadRateMps(rateMps: number, windSpeedMps: number, factorPerMps: number, cosAngle: number): number {
  const boost = 1 + factorPerMps * windSpeedMps;
  const e = spreadEccentricity(windSpeedMps, factorPerMps);
  return (rateMps * boost * (1 - e)) / (1 - e * cosAngle);
}
