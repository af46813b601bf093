import { describe, expect, it } from 'vitest';
import { StateHasher } from '../../sim/core/hash';
import { thinFuel } from '../../sim/hazards/fire/fuel';
import { createFire, fireSpecSchema, hashFire, stepFire } from '../../sim/hazards/fire/index';
import { createRandom, type Random } from '../../sim/random/Random';

const point = { kind: 'point', xM: 0.5, yM: 0.5 } as const;

/** A stream that fails loudly if it is used. */
const unused: Random = {
  next: () => {
    throw new Error('no random number should be drawn');
  },
  state: () => ({ c: 0, s0: 0, s1: 0, s2: 0 }),
};

/** A stream that counts its draws. */
function counting(seed: number): Random & { draws: number } {
  const inner = createRandom(seed, 'fire-test');
  const r = {
    draws: 0,
    next: () => {
      r.draws++;
      return inner.next();
    },
    state: () => inner.state(),
  };
  return r;
}

describe('fuelProbability: patchy fuel, drawn from the run’s seed', () => {
  it('defaults to 1 and accepts only shares from 0 to 1, with a message an author can act on', () => {
    expect(fireSpecSchema.parse({ ignition: point }).fuelProbability).toBe(1);
    const messages = (fuelProbability: number) =>
      fireSpecSchema.safeParse({ ignition: point, fuelProbability }).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(messages(0)).toBeUndefined();
    expect(messages(1.5)).toEqual(['fuelProbability: use a share from 0 to 1 (1: every cell with fuel keeps it)']);
    expect(messages(-0.1)).toEqual(['fuelProbability: use a share from 0 (no cell keeps its fuel) to 1 (every cell does)']);
  });

  it('draws nothing at 1, so fires without it are exactly as before', () => {
    const spec = fireSpecSchema.parse({ ignition: point, spreadVariability: 0 });
    const fuel = new Float32Array(64).fill(1);
    const fire = createFire({ width: 8, height: 8, cellSizeM: 1, fuel }, spec, unused);
    expect(Array.from(fire.fuel)).toEqual(Array.from(fuel));
    // With spread variability, the only draw is the seed the cells' ignition delays are hashed from.
    const random = counting(1);
    createFire({ width: 8, height: 8, cellSizeM: 1, fuel }, fireSpecSchema.parse({ ignition: point }), random);
    expect(random.draws).toBe(1);
  });

  it('keeps each fuel cell’s load with probability p, one draw per fuel cell, and never adds fuel', () => {
    const width = 200;
    const height = 100;
    // Half the map has fuel of load 0.5, the other half none.
    const fuel = new Float32Array(width * height);
    for (let c = 0; c < fuel.length; c += 2) fuel[c] = 0.5;
    const random = counting(7);
    const fire = createFire(
      { width, height, cellSizeM: 1, fuel },
      fireSpecSchema.parse({ ignition: point, fuelProbability: 0.6, spreadVariability: 0 }),
      random,
    );
    expect(random.draws).toBe(fuel.length / 2);
    let kept = 0;
    for (let c = 0; c < fuel.length; c++) {
      if (fuel[c] === 0) expect(fire.fuel[c]).toBe(0);
      else if (fire.fuel[c] !== 0) {
        expect(fire.fuel[c]).toBe(0.5);
        kept++;
      }
    }
    // 10,000 draws: the standard error of the share is 0.005.
    expect(Math.abs(kept / (fuel.length / 2) - 0.6)).toBeLessThan(0.02);
  });

  it('gives the same pattern for the same seed and another for another seed; 0 leaves no fuel at all', () => {
    const fuel = new Float32Array(400).fill(1);
    const spec = fireSpecSchema.parse({ ignition: point, fuelProbability: 0.5 });
    const pattern = (seed: number) => Array.from(createFire({ width: 20, height: 20, cellSizeM: 1, fuel }, spec, createRandom(seed, 'fire:x')).fuel);
    expect(pattern(3)).toEqual(pattern(3));
    expect(pattern(4)).not.toEqual(pattern(3));
    const none = createFire({ width: 20, height: 20, cellSizeM: 1, fuel }, fireSpecSchema.parse({ ignition: point, fuelProbability: 0 }), counting(1));
    expect(none.fuel.every((f) => f === 0)).toBe(true);
    // The ignition cell lost its fuel too: it is counted, and nothing burns.
    expect(none.unfueledIgnitions).toBe(1);
    stepFire(none, 600);
    expect(none.ignitedCount).toBe(0);
  });

  it('is deterministic with spread variability too: the same seed gives the same fire', () => {
    const fuel = new Float32Array(30 * 30).fill(1);
    const spec = fireSpecSchema.parse({
      ignition: { kind: 'point', xM: 15, yM: 15 },
      fuelProbability: 0.8,
      spreadRateMps: 0.5,
      smoke: { productionPerM2S: 0 },
    });
    const run = (seed: number) => {
      const fire = createFire({ width: 30, height: 30, cellSizeM: 1, fuel }, spec, createRandom(seed, 'fire:x'));
      stepFire(fire, 20);
      return hashFire(fire, new StateHasher()).digest();
    };
    expect(run(5)).toBe(run(5));
    expect(run(6)).not.toBe(run(5));
  });

  it('thinFuel refuses a probability outside 0 to 1', () => {
    expect(() => thinFuel(new Float32Array(4), 1.2, unused)).toThrow(RangeError);
    expect(() => thinFuel(new Float32Array(4), Number.NaN, unused)).toThrow(RangeError);
  });
});
