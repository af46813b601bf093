import { describe, expect, it } from 'vitest';
import { createSimulation, type Simulation } from '../../sim/index';
import { loadValidation } from '../support/scenarios';

/** Informed share at `minutes`, read from the metrics series (sampled every 30 s in these scenarios). */
function informedAt(sim: Simulation, minutes: number): number {
  const sample = sim.metrics().informedShareOverTime.find(([t]) => Math.abs(t - minutes * 60) < 1e-6);
  if (!sample) throw new Error(`no sample at ${minutes} min`);
  return sample[1];
}

// VALIDATION V16: one channel reaching each person independently at rate p per minute.
describe('V16 broadcast only', () => {
  it('informs 1 − e^(−pt) of the residents, within ±0.02', () => {
    const scenario = loadValidation('v16-broadcast-only');
    const p = 0.1; // per minute, as in the scenario file
    const sim = createSimulation(scenario, { seed: 1 });
    sim.step(Math.round((30 * 60) / sim.tickS) + 1);
    for (const minutes of [2, 5, 10, 15, 20, 30]) {
      expect(Math.abs(informedAt(sim, minutes) - (1 - Math.exp(-p * minutes)))).toBeLessThanOrEqual(0.02);
    }
  });
});

// VALIDATION V17: broadcast p = 0.01 /min plus well-mixed word of mouth q = 0.5 /min (the Bass curve).
describe('V17 broadcast plus word of mouth', () => {
  it('follows the Bass curve: 0.188, 0.762 and 0.998 at 5, 10 and 20 min (± 0.03, mean of 5 seeds)', () => {
    const scenario = loadValidation('v17-bass-diffusion');
    const published: [number, number][] = [
      [5, 0.188],
      [10, 0.762],
      [20, 0.998],
    ];
    const sums = [0, 0, 0];
    const seeds = [1, 2, 3, 4, 5];
    for (const seed of seeds) {
      const sim = createSimulation(scenario, { seed });
      sim.step(Math.round((20 * 60) / sim.tickS) + 1);
      published.forEach(([minutes], k) => {
        sums[k] += informedAt(sim, minutes);
      });
    }
    published.forEach(([, expected], k) => {
      expect(Math.abs(sums[k] / seeds.length - expected)).toBeLessThanOrEqual(0.03);
    });
  });
});
