import { describe, expect, it } from 'vitest';
import { StateHasher } from '../../sim/core/hash';
import { createFire, fireSpecSchema, hashFire, stepFire } from '../../sim/hazards/fire/index';
import { createRandom } from '../../sim/random/Random';

function runHash(seed: number, spreadVariability: number): string {
  const n = 64;
  const random = createRandom(99, 'fuel');
  const fuel = new Float32Array(n * n);
  for (let c = 0; c < fuel.length; c++) fuel[c] = random.next() < 0.8 ? 1 : 0;
  const spec = fireSpecSchema.parse({
    ignition: { kind: 'point', xM: 64, yM: 64 },
    spreadRateMps: 0.5,
    spreadVariability,
    burnDurationS: 40,
    wind: { speedMps: 3, fromDeg: 45 },
  });
  const fire = createFire({ width: n, height: n, cellSizeM: 2, fuel }, spec, createRandom(seed, 'fire'));
  for (let t = 0; t < 80; t++) stepFire(fire, 1);
  return hashFire(fire, new StateHasher()).digest();
}

describe('fire determinism', () => {
  it('gives the same state for the same seed', () => {
    expect(runHash(1, 0.5)).toBe(runHash(1, 0.5));
  });

  it('differs between seeds where randomness is used (ignition delays)', () => {
    expect(runHash(1, 0.5)).not.toBe(runHash(2, 0.5));
  });

  it('uses no randomness without variability', () => {
    expect(runHash(1, 0)).toBe(runHash(2, 0));
  });

  it('draws one number at creation (the seed of the ignition delays) and none while stepping', () => {
    let draws = 0;
    const inner = createRandom(1, 'fire');
    const counting = {
      next: () => {
        draws++;
        return inner.next();
      },
      state: inner.state,
    };
    const spec = fireSpecSchema.parse({ ignition: { kind: 'point', xM: 5, yM: 5 }, spreadRateMps: 1 });
    const fire = createFire({ width: 10, height: 10, cellSizeM: 1, fuel: new Float32Array(100).fill(1) }, spec, counting);
    expect(draws).toBe(1);
    for (let t = 0; t < 20; t++) stepFire(fire, 1);
    expect(draws).toBe(1);
  });
});
