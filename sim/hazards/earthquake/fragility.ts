/**
 * Standard normal CDF Φ(z), absolute error below 1.5e-7 (erfc by the Chebyshev fit of Numerical
 * Recipes, 2nd ed., §6.2).
 */
export function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.5 * x);
  const erfc =
    t *
    Math.exp(
      -x * x -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return z >= 0 ? 1 - 0.5 * erfc : 0.5 * erfc;
}

/**
 * Lognormal fragility (HAZUS-MH ch. 5): chance of reaching a damage state or worse at `pgaG`,
 * `Φ(ln(pgaG / medianPgaG) / beta)`. 0 for no shaking.
 * @example exceedanceProbability(0.3, 0.3, 0.64) // 0.5
 */
export function exceedanceProbability(pgaG: number, medianPgaG: number, beta: number): number {
  if (!(pgaG > 0)) return 0;
  return normalCdf(Math.log(pgaG / medianPgaG) / beta);
}

/**
 * Chance of each damage state (none, slight, moderate, heavy, collapse; they sum to 1) at `pgaG` for a
 * class with the 4 medians (slight..collapse, g) and `beta`: the differences of the exceedance curves.
 */
export function damageProbabilities(pgaG: number, medianPgaG: ArrayLike<number>, beta: number): number[] {
  const exceed = [1, 0, 0, 0, 0, 0];
  // Curves with increasing medians and one beta never cross; the min guards against rounding.
  for (let k = 0; k < 4; k++) exceed[k + 1] = Math.min(exceed[k], exceedanceProbability(pgaG, medianPgaG[k], beta));
  return [0, 1, 2, 3, 4].map((k) => exceed[k] - exceed[k + 1]);
}

/**
 * The damage state of a building for uniform draw `u` in [0, 1): the worst state whose exceedance
 * probability is above `u`. With the same `u`, more shaking never gives less damage.
 */
export function damageStateFor(u: number, pgaG: number, medians: Float64Array, offset: number, beta: number): number {
  let state = 0;
  for (let k = 0; k < 4; k++) {
    if (u < exceedanceProbability(pgaG, medians[offset + k], beta)) state = k + 1;
    else break;
  }
  return state;
}
