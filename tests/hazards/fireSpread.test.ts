import { describe, expect, it } from 'vitest';
import {
  BurnState,
  blocksCell,
  createFire,
  type Fire,
  type FireSpecInput,
  fireSpecSchema,
  heatOf,
  igniteCell,
  intensityAt,
  spreadRateMps,
  stepFire,
  timeBurningS,
} from '../../sim/hazards/fire/index';
import { createRandom } from '../../sim/random/Random';

/** A fire on a uniform field of fuel (load 1) of side `n`, 1 m cells, without smoke unless asked. */
function uniformFire(n: number, input: Partial<FireSpecInput>, seed = 1, fuel?: Float32Array): Fire {
  const spec = fireSpecSchema.parse({
    smoke: { productionPerM2S: 0 },
    ...input,
    ignition: input.ignition ?? { kind: 'cells', cells: [{ x: n >> 1, y: n >> 1 }] },
  });
  return createFire({ width: n, height: n, cellSizeM: 1, fuel: fuel ?? new Float32Array(n * n).fill(1) }, spec, createRandom(seed, 'fire'));
}

/**
 * Distance from (cx, cy) to the first unburnt cell along each of `angles` rays, cells (sampled every
 * quarter cell): the radius of the burnt area in that direction.
 */
function frontRadii(fire: Fire, cx: number, cy: number, angles = 64): number[] {
  const radii: number[] = [];
  for (let a = 0; a < angles; a++) {
    const angle = (2 * Math.PI * a) / angles;
    let r = 0;
    for (; ; r += 0.25) {
      const x = Math.round(cx + r * Math.cos(angle));
      const y = Math.round(cy + r * Math.sin(angle));
      if (x < 0 || y < 0 || x >= fire.width || y >= fire.height || fire.state[y * fire.width + x] === BurnState.Unburnt) break;
    }
    radii.push(r);
  }
  return radii;
}

describe('fire spread from a point (uniform fuel, no wind)', () => {
  // 1 m cells at 1 m/s: the front should be 80 cells out after 80 s, in every direction.
  for (const spreadVariability of [0, 0.5, 0.9]) {
    it(`stays round: max / min radius < 1.10 over 64 directions (variability ${spreadVariability})`, () => {
      const fire = uniformFire(201, { spreadRateMps: 1, spreadVariability, burnDurationS: 10_000 });
      for (let t = 0; t < 80; t++) stepFire(fire, 1);
      const radii = frontRadii(fire, 100, 100);
      const max = Math.max(...radii);
      const min = Math.min(...radii);
      expect(max / min).toBeLessThan(1.1);
      // Measured: 1.035 without variability, 1.026 with it (16-neighbour paths are at most 2.8% long).
      expect(max / min).toBeLessThan(1.04);
      // The front moves at the spread rate asked for: 80 cells, within a cell and the 2.8% detour.
      expect(min).toBeGreaterThan(80 * 0.97 - 1.5);
      expect(max).toBeLessThan(81.5);
    });
  }

  it('is a diamond with the strict 4-neighbour rule (why the round model exists)', () => {
    const fire = uniformFire(201, { spreadRateMps: 1, spreadVariability: 0, burnDurationS: 10_000, spreadModel: 'grid4' });
    stepFire(fire, 80);
    const radii = frontRadii(fire, 100, 100);
    expect(Math.max(...radii) / Math.min(...radii)).toBeGreaterThan(1.35);
  });

  it('does not depend on how time is cut into steps', () => {
    const a = uniformFire(101, { spreadRateMps: 1, burnDurationS: 30 }, 4);
    const b = uniformFire(101, { spreadRateMps: 1, burnDurationS: 30 }, 4);
    for (let t = 0; t < 42; t++) stepFire(a, 1);
    for (let t = 0; t < 6; t++) stepFire(b, 7);
    expect(b.arrivalS).toEqual(a.arrivalS);
    expect(b.state).toEqual(a.state);
  });
});

describe('fire spread with wind', () => {
  // Formula (wind.ts): head rate R0 (1 + kU), back rate R0 / (1 + kU), so head / back = (1 + kU)².
  const k = 0.15;
  const speedMps = 5;
  const ratio = (1 + k * speedMps) ** 2;

  it('runs (1 + kU)² times faster downwind than upwind along the wind (wind from the west)', () => {
    const fire = uniformFire(201, { spreadRateMps: 1, spreadVariability: 0, burnDurationS: 10_000, wind: { speedMps, fromDeg: 270, spreadFactorPerMps: k } });
    stepFire(fire, 1000);
    const at = (x: number, y: number) => fire.arrivalS[y * 201 + x];
    for (const d of [10, 40, 90]) {
      // Arrival times are Float32: each of the d steps rounds by at most 2^-24 of the time reached.
      const rounding = d * 2 ** -24;
      const downwindS = d / (1 + k * speedMps);
      expect(Math.abs(at(100 + d, 100) - downwindS)).toBeLessThanOrEqual(rounding * downwindS);
      expect(Math.abs(at(100 - d, 100) / at(100 + d, 100) / ratio - 1)).toBeLessThanOrEqual(2 * rounding);
    }
    expect(spreadRateMps(1, speedMps, k, 1) / spreadRateMps(1, speedMps, k, -1)).toBeCloseTo(ratio, 12);
  });

  it('moves the head and the back of a ragged front by the formula (wind from the south-west)', () => {
    // From 225°: toward the north-east, which on the map is +x and -y (the diagonal steps are exact).
    const fire = uniformFire(201, { spreadRateMps: 1, burnDurationS: 10_000, wind: { speedMps, fromDeg: 225, spreadFactorPerMps: k } });
    const tS = 70 / (1 + k * speedMps);
    for (let t = 0; t < 40; t++) stepFire(fire, tS / 40);
    const radii = frontRadii(fire, 100, 100, 8);
    // Angles are measured with y down the map: 7 × 45° = 315° points to the north-east, 135° to the south-west.
    const head = radii[7];
    const back = radii[3];
    expect(head).toBeGreaterThan(70 - 2.5);
    expect(head).toBeLessThan(70 + 1.5);
    expect(back).toBeCloseTo(70 / ratio, -0.5);
    expect(head / back).toBeGreaterThan(ratio * 0.85);
    expect(head / back).toBeLessThan(ratio * 1.15);
  });
});

describe('fire and fuel', () => {
  it('does not cross a diagonal line of cells without fuel', () => {
    const n = 61;
    const fuel = new Float32Array(n * n).fill(1);
    for (let i = 0; i < n; i++) fuel[i * n + i] = 0;
    const fire = uniformFire(n, { spreadRateMps: 1, burnDurationS: 10_000, ignition: { kind: 'cells', cells: [{ x: 40, y: 10 }] } }, 1, fuel);
    stepFire(fire, 500);
    let above = 0;
    let below = 0;
    for (let y = 0; y < n; y++) {
      for (let x = 0; x < n; x++) {
        if (fire.state[y * n + x] === BurnState.Unburnt) continue;
        if (x > y) above++;
        else below++;
      }
    }
    expect(above).toBe((n * (n - 1)) / 2);
    expect(below).toBe(0);
  });

  it('burns each cell for burnDurationS, blocking it meanwhile, with heat rising to 1 and falling back', () => {
    const fire = uniformFire(11, { spreadRateMps: 0.01, spreadVariability: 0, burnDurationS: 100, ignition: { kind: 'cells', cells: [{ x: 5, y: 5 }] } });
    const c = 5 * 11 + 5;
    stepFire(fire, 0);
    expect(fire.state[c]).toBe(BurnState.Burning);
    expect(blocksCell(fire, c)).toBe(true);
    expect(fire.blockingChanged).toBe(true);
    expect(intensityAt(fire, c)).toBe(1);
    stepFire(fire, 10);
    expect(heatOf(fire, c)).toBeCloseTo(0.5, 6);
    expect(timeBurningS(fire, c)).toBe(10);
    expect(fire.blockingChanged).toBe(false);
    stepFire(fire, 40);
    expect(heatOf(fire, c)).toBe(1);
    stepFire(fire, 35);
    expect(heatOf(fire, c)).toBeCloseTo(0.5, 6);
    stepFire(fire, 15);
    expect(fire.state[c]).toBe(BurnState.Burnt);
    expect(blocksCell(fire, c)).toBe(false);
    expect(heatOf(fire, c)).toBe(0);
    expect(intensityAt(fire, c)).toBe(0);
    expect(fire.blockingChanged).toBe(true);
  });

  it('starts late, catches up when created mid-fire, and takes injected ignitions', () => {
    const late = uniformFire(41, { spreadRateMps: 1, spreadVariability: 0, burnDurationS: 1000, startS: 30 });
    stepFire(late, 29);
    expect(late.ignitedCount).toBe(0);
    stepFire(late, 11);
    // Created at 40 s for a fire that started at 30 s: same front after its first (empty) step.
    const spec = fireSpecSchema.parse({
      ignition: { kind: 'cells', cells: [{ x: 20, y: 20 }] },
      spreadRateMps: 1,
      spreadVariability: 0,
      burnDurationS: 1000,
      startS: 30,
    });
    const caughtUp = createFire({ width: 41, height: 41, cellSizeM: 1, fuel: new Float32Array(41 * 41).fill(1) }, spec, createRandom(1, 'fire'), 40);
    stepFire(caughtUp, 0);
    expect(caughtUp.state).toEqual(late.state);
    expect(caughtUp.arrivalS).toEqual(late.arrivalS);

    expect(igniteCell(late, 0, 0)).toBe(true);
    expect(igniteCell(late, 20 * 41 + 20, 0)).toBe(false);
    stepFire(late, 0);
    expect(late.state[0]).toBe(BurnState.Burning);
    expect(late.arrivalS[0]).toBe(40);
  });
});
