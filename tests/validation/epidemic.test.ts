import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../sim/index';
import { loadValidation } from '../support/scenarios';

/** The final size z of an SIR epidemic: the root of z = 1 − e^(−R₀z), by fixed-point iteration. */
function finalSize(r0: number): number {
  let z = 0.5;
  for (let k = 0; k < 200; k++) z = 1 - Math.exp(-r0 * z);
  return z;
}

// VALIDATION V11: well-mixed SIR, N = 10,000, 10 initial infected, R₀ = 2, 20 runs.
describe('V11 epidemic final size', () => {
  it('has a mean final attack rate within ±0.01 of z = 1 − e^(−R₀z) (0.797)', () => {
    const scenario = loadValidation('v11-epidemic-final-size');
    const day = Math.round(86_400 / scenario.simulation.tickS);
    const rates: number[] = [];
    for (let seed = 1; seed <= 20; seed++) {
      const sim = createSimulation(scenario, { seed });
      // Step a day at a time until nobody is exposed or infectious.
      let report = sim.metrics().hazards.sir;
      while (report.exposed + report.infectious > 0 && sim.timeS < scenario.simulation.durationS) {
        sim.step(day);
        report = sim.metrics().hazards.sir;
      }
      rates.push(report.attackRate);
    }
    const mean = rates.reduce((a, b) => a + b, 0) / rates.length;
    expect(finalSize(2)).toBeCloseTo(0.7968, 4);
    expect(Math.abs(mean - finalSize(2))).toBeLessThanOrEqual(0.01);
  });
});
