/**
 * K₀(x), the modified Bessel function of the second kind of order 0, for x > 0: Abramowitz & Stegun
 * 9.8.5 (x ≤ 2, with I₀ from 9.8.1) and 9.8.6 (x ≥ 2), relative error below about 2e-7.
 *
 * @example besselK0(1) // 0.4210244382
 */
export function besselK0(x: number): number {
  if (!(x > 0)) throw new RangeError(`besselK0: x must be > 0, got ${x}`);
  if (x <= 2) {
    const t = x / 3.75;
    const t2 = t * t;
    const i0 = 1 + t2 * (3.5156229 + t2 * (3.0899424 + t2 * (1.2067492 + t2 * (0.2659732 + t2 * (0.0360768 + t2 * 0.0045813)))));
    const y = (x * x) / 4;
    return -Math.log(x / 2) * i0 + (-0.57721566 + y * (0.4227842 + y * (0.23069756 + y * (0.0348859 + y * (0.00262698 + y * (0.0001075 + y * 0.0000074))))));
  }
  return Math.exp(-x) * scaledTail(x);
}

/** eˣ·K₀(x) for x ≥ 2 (A&S 9.8.6), kept apart so large arguments do not underflow. */
function scaledTail(x: number): number {
  const y = 2 / x;
  return (1.25331414 + y * (-0.07832358 + y * (0.02189568 + y * (-0.01062446 + y * (0.00587872 + y * (-0.0025154 + y * 0.00053208)))))) / Math.sqrt(x);
}

/**
 * Exact steady concentration around a continuous point source in an infinite plane with uniform wind and
 * diffusivity (the 2-D advection–diffusion Green's function):
 *
 *   C = Q / (2π K H) · e^(u·x / 2K) · K₀(u·r / 2K),  r = √(x² + y²),
 *
 * with x downwind and y crosswind of the source, m; Q in kg/s, K in m²/s, u in m/s and H the mixing height
 * in m (1 for a per-metre-depth source) give kg/m³. For calm air (u = 0) there is no steady state.
 * Useful to check the numerical plume and for a quick estimate of a steady plume's reach.
 *
 * @example steadyPointSourceConcentration(1, 1, 1, 10, 0) // 0.0872
 */
export function steadyPointSourceConcentration(
  rateKgPerS: number,
  diffusivityM2PerS: number,
  windMps: number,
  xM: number,
  yM: number,
  mixingHeightM = 1,
): number {
  if (!(windMps > 0)) throw new RangeError('steadyPointSourceConcentration: needs a wind > 0 m/s (calm air has no steady plume)');
  const r = Math.hypot(xM, yM);
  const k2 = 2 * diffusivityM2PerS;
  const z = (windMps * r) / k2;
  const scale = rateKgPerS / (Math.PI * k2 * mixingHeightM);
  // Far from the source e^(ux/2K) overflows while K₀ underflows: combine the exponents first.
  if (z >= 2) return scale * Math.exp((windMps * (xM - r)) / k2) * scaledTail(z);
  return scale * Math.exp((windMps * xM) / k2) * besselK0(z);
}
