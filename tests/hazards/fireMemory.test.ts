import { describe, expect, it } from 'vitest';
import { reachableArrayBytes } from '../../sim/core/memory';
import { createFire, fireSpecSchema, stepFire } from '../../sim/hazards/fire/index';
import { createRandom } from '../../sim/random/Random';

describe('fire memory', () => {
  it('holds at most 16 bytes of typed arrays per map cell, lists of the front and burning cells included', () => {
    const side = 200;
    // A building fire with the defaults (0.02 m/s, ragged edge, smoke) in a breeze, half an hour in.
    const spec = fireSpecSchema.parse({ ignition: { kind: 'point', xM: side, yM: side }, wind: { speedMps: 4, fromDeg: 270 } });
    const fuel = new Float32Array(side * side).fill(1);
    const fire = createFire({ width: side, height: side, cellSizeM: 2, fuel }, spec, createRandom(1, 'fire'));
    for (let t = 0; t < 1800; t++) stepFire(fire, 1);
    // The fire is well under way: hundreds of cells burning, a front ahead of them.
    expect(fire.ignitedCount - fire.burntOutCount).toBeGreaterThan(500);
    expect(fire.front.size).toBeGreaterThan(100);
    expect(reachableArrayBytes(fire, new Set()) / (side * side)).toBeLessThanOrEqual(16);
  });
});
