import { describe, expect, it } from 'vitest';
import { BurnState, blocksCell, createFire, type Fire, fireSpecSchema, forEachChangedCell, intensityAt, stepFire } from '../../sim/hazards/fire/index';
import { createRandom } from '../../sim/random/Random';

function compoundFire(): Fire {
  const n = 90;
  const fuel = new Float32Array(n * n);
  // Blocks of buildings, 8 × 8 cells, with 2-cell lanes between them: the fire jumps no lane.
  for (let y = 0; y < n; y++) for (let x = 0; x < n; x++) if (x % 10 < 8 && y % 10 < 8) fuel[y * n + x] = 1;
  for (let y = 40; y < 50; y++) for (let x = 0; x < n; x++) fuel[y * n + x] = 0.5; // a hedge row joins the blocks
  const spec = fireSpecSchema.parse({
    ignition: { kind: 'point', xM: 45, yM: 45 },
    spreadRateMps: 0.2,
    burnDurationS: 60,
    wind: { speedMps: 2, fromDeg: 300 },
    smoke: { productionPerM2S: 0.2, fullIntensityPerM2: 2 },
    perceptionStep: 0.1,
  });
  return createFire({ width: n, height: n, cellSizeM: 1, fuel }, spec, createRandom(5, 'fire'));
}

describe('the change list', () => {
  it('lists exactly the cells whose perceived intensity or burn state changed, each once', () => {
    const fire = compoundFire();
    const n = fire.state.length;
    const published = new Float64Array(n);
    const intensity = new Float64Array(n);
    const state = new Uint8Array(n);
    let blockingSteps = 0;
    for (let step = 0; step < 150; step++) {
      for (let c = 0; c < n; c++) intensity[c] = intensityAt(fire, c);
      state.set(fire.state);
      stepFire(fire, 1);
      const expected: number[] = [];
      let blockingChanged = false;
      for (let c = 0; c < n; c++) {
        if (intensityAt(fire, c) !== intensity[c] || fire.state[c] !== state[c]) expected.push(c);
        if (blocksCell(fire, c) !== (state[c] === BurnState.Burning)) blockingChanged = true;
      }
      const listed: number[] = [];
      forEachChangedCell(fire, (c) => {
        listed.push(c);
        published[c] = intensityAt(fire, c);
      });
      expect(listed).toEqual(expected);
      expect(fire.blockingChanged).toBe(blockingChanged);
      if (blockingChanged) blockingSteps++;
    }
    // A consumer that applies only the changes holds the whole field.
    for (let c = 0; c < n; c++) expect(published[c]).toBe(intensityAt(fire, c));
    expect(blockingSteps).toBeGreaterThan(50);
    expect(fire.burntOutCount).toBeGreaterThan(100);
  });

  it('perceives flames as 1 and smoke in whole steps of perceptionStep × fullIntensityPerM2', () => {
    const fire = compoundFire();
    for (let step = 0; step < 60; step++) stepFire(fire, 1);
    let smoky = 0;
    for (let c = 0; c < fire.state.length; c++) {
      const expected = fire.state[c] === BurnState.Burning ? 1 : Math.min(1, Math.floor(fire.smoke[c] / 0.2) / 10);
      expect(intensityAt(fire, c)).toBeCloseTo(expected, 12);
      if (fire.state[c] !== BurnState.Burning && expected > 0) smoky++;
    }
    expect(smoky).toBeGreaterThan(0);
  });
});
