import { describe, expect, it } from 'vitest';
import { attackRate, createEpidemic, type EpidemicSpecInput, epidemicSpecSchema, isEpidemicOver, stepEpidemic } from '../../sim/hazards/epidemic/index';
import { createRandom } from '../../sim/random/Random';

// VALIDATION V11: epidemic final size. Well-mixed, N = 10,000, 10 initial infected, R0 = 2, 20 seeds: the
// mean final attack rate is within 0.01 of z solving z = 1 − e^(−R0·z) (Kermack–McKendrick; the same for
// SIR and SEIR and for any distribution of the infectious period with the same mean).

/** The final-size relation's positive root, by fixed-point iteration z ← 1 − e^(−R0·z) from z = 1 (a contraction near the root for R0 > 1). */
function finalSize(r0: number): number {
  let z = 1;
  for (let k = 0; k < 1000; k++) {
    const next = 1 - Math.exp(-r0 * z);
    if (Math.abs(next - z) < 1e-15) return next;
    z = next;
  }
  return z;
}

const N = 10_000;
const population = { count: N, household: new Int32Array(N).fill(-1), building: new Int16Array(N).fill(-1) };

/** Mean and standard error of the final attack rate over seeds 1..runs. */
function attackRates(input: EpidemicSpecInput, runs: number): { mean: number; se: number } {
  const spec = epidemicSpecSchema.parse(input);
  const rates: number[] = [];
  for (let seed = 1; seed <= runs; seed++) {
    const ep = createEpidemic(population, spec, createRandom(seed, 'epidemic'));
    for (let d = 0; d < 1000 && !isEpidemicOver(ep); d++) stepEpidemic(ep, 86_400);
    expect(isEpidemicOver(ep)).toBe(true);
    rates.push(attackRate(ep));
  }
  const mean = rates.reduce((a, b) => a + b, 0) / runs;
  const sd = Math.sqrt(rates.reduce((a, b) => a + (b - mean) ** 2, 0) / (runs - 1));
  return { mean, se: sd / Math.sqrt(runs) };
}

const wellMixed = { r0: 2, initialInfectedCount: 10, contacts: { household: 0, building: 0, community: 1 } } as const;

describe('V11: epidemic final size', () => {
  it('solves the final-size relation', () => {
    expect(finalSize(2)).toBeCloseTo(0.797, 3);
    for (const r0 of [1.2, 1.5, 2, 3, 5]) {
      const z = finalSize(r0);
      expect(z).toBeGreaterThan(0);
      expect(Math.abs(z - (1 - Math.exp(-r0 * z)))).toBeLessThan(1e-12);
    }
  });

  it('SIR, exponential infectious period (4 days), 1-hour steps: mean attack rate 0.797 ± 0.01 over 20 runs', () => {
    const { mean, se } = attackRates({ ...wellMixed, latentPeriodDays: 0, infectiousPeriodDays: 4 }, 20);
    expect(se).toBeLessThan(0.01 / 3);
    expect(Math.abs(mean - finalSize(2))).toBeLessThan(0.01);
  });

  it('SEIR with gamma-distributed stages and 6-hour steps: the same final size', () => {
    const { mean, se } = attackRates({ ...wellMixed, latentPeriodDays: 2, latentShape: 2, infectiousPeriodDays: 5, infectiousShape: 3, stepMinutes: 360 }, 20);
    expect(se).toBeLessThan(0.01 / 3);
    expect(Math.abs(mean - finalSize(2))).toBeLessThan(0.01);
  });
});
