import { describe, expect, it } from 'vitest';
import { createRandom, ResidentState, sampleDuration } from '../../sim/index';
import type { DurationDistribution } from '../../sim/scenario/distributions';
import { startSimulation } from '../support/scenarios';
import { gammaCdf, ksTest, lognormalCdf, mean, median, uniformCdf, weibullCdf } from '../support/stats';

// VALIDATION V2 (RiMEA 5): ten people with pre-movement times 10, 20, ..., 100 s.
describe('V2 pre-movement times', () => {
  it('starts each person moving within max(2 ticks, 0.5 s) of their time', () => {
    const sim = startSimulation('v02-premovement-times');
    const tolerance = Math.max(2 * sim.tickS, 0.5);
    const startedAt = new Array<number>(10).fill(Number.NaN);
    while (sim.timeS < 120 && startedAt.some(Number.isNaN)) {
      const before = sim.timeS;
      sim.step(1);
      const state = sim.residents().state;
      for (let i = 0; i < 10; i++) if (Number.isNaN(startedAt[i]) && state[i] !== ResidentState.Preparing) startedAt[i] = before;
    }
    // Group k (one person each) has pre-movement 10·(k+1) s in the scenario file.
    startedAt.forEach((t, i) => {
      expect(Math.abs(t - 10 * (i + 1))).toBeLessThanOrEqual(tolerance);
    });
  });
});

// VALIDATION V3 (NIST 1.1): 1000 people with pre-movement U(10, 100) s and Lognormal(4.586, 0.967) s.
describe('V3 pre-movement distributions', () => {
  const cases: [string, (x: number) => number, number][] = [
    ['v03-premovement-uniform', uniformCdf(10, 100), 55],
    ['v03-premovement-lognormal', lognormalCdf(4.586, 0.967), 156.6],
  ];
  // Stochastic: fixed seeds, 20 runs pooled; 3% of the lognormal mean is over three standard errors of it.
  const seeds = Array.from({ length: 20 }, (_, k) => k + 1);

  it.each(cases)('%s: each run and the pool pass Kolmogorov–Smirnov (p > 0.05) and the mean is within 3%%', (name, cdf, expectedMean) => {
    const pooled: number[] = [];
    let runsPassing = 0;
    for (const seed of seeds) {
      const sim = startSimulation(name, seed);
      sim.step(1);
      const r = sim.residents();
      expect(r.count).toBe(1000);
      // The order came at t = 0, so each start time is the pre-movement time.
      const times = Array.from(r.startS);
      if (ksTest(times, cdf).p > 0.05) runsPassing++;
      pooled.push(...times);
    }
    // At the 5% level about one run in twenty fails by chance; more than four would be a real misfit.
    expect(runsPassing).toBeGreaterThanOrEqual(16);
    expect(ksTest(pooled, cdf).p).toBeGreaterThan(0.05);
    expect(Math.abs(mean(pooled) - expectedMean) / expectedMean).toBeLessThanOrEqual(0.03);
  });
});

// VALIDATION V18: the pre-movement sampler for every configurable distribution.
describe('V18 pre-movement sampler', () => {
  const n = 50_000;
  // Reference mean and median from the closed forms (Γ(1 + 1/k) for the Weibull; gamma median by bisection of its CDF).
  const cases: [string, DurationDistribution, (x: number) => number, number, number][] = [
    ['uniform', { kind: 'uniform', minS: 10, maxS: 100 }, uniformCdf(10, 100), 55, 55],
    ['lognormal', { kind: 'lognormal', mu: 4.586, sigma: 0.967 }, lognormalCdf(4.586, 0.967), Math.exp(4.586 + 0.967 ** 2 / 2), Math.exp(4.586)],
    ['weibull', { kind: 'weibull', shape: 1.5, scaleS: 60 }, weibullCdf(1.5, 60), 60 * 0.9027452929509336, 60 * Math.log(2) ** (1 / 1.5)],
    ['gamma', { kind: 'gamma', shape: 2.5, scaleS: 20 }, gammaCdf(2.5, 20), 50, bisect(gammaCdf(2.5, 20), 0.5, 0, 500)],
    ['gamma with shape below 1', { kind: 'gamma', shape: 0.6, scaleS: 50 }, gammaCdf(0.6, 50), 30, bisect(gammaCdf(0.6, 50), 0.5, 0, 500)],
  ];

  it.each(cases)('%s: KS p > 0.05, mean and median within 2%%', (_name, dist, cdf, expectedMean, expectedMedian) => {
    const random = createRandom(42, 'v18');
    const samples = new Float64Array(n);
    for (let i = 0; i < n; i++) samples[i] = sampleDuration(random, dist);
    expect(ksTest(samples, cdf).p).toBeGreaterThan(0.05);
    expect(Math.abs(mean(samples) - expectedMean) / expectedMean).toBeLessThanOrEqual(0.02);
    expect(Math.abs(median(samples) - expectedMedian) / expectedMedian).toBeLessThanOrEqual(0.02);
  });

  it('fixed gives exactly the value', () => {
    const random = createRandom(1, 'v18');
    expect(sampleDuration(random, { kind: 'fixed', valueS: 42 })).toBe(42);
  });

  it('KS rejects a wrong distribution, so the checks above can fail', () => {
    const random = createRandom(42, 'v18');
    const samples = Array.from({ length: 5000 }, () => sampleDuration(random, { kind: 'uniform', minS: 10, maxS: 100 }));
    expect(ksTest(samples, lognormalCdf(4, 0.5)).p).toBeLessThan(1e-6);
  });
});

function bisect(f: (x: number) => number, target: number, lo: number, hi: number): number {
  for (let k = 0; k < 100; k++) {
    const mid = (lo + hi) / 2;
    if (f(mid) < target) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
