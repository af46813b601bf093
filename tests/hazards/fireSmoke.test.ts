import { describe, expect, it } from 'vitest';
import { createFire, type Fire, type FireSpecInput, fireSpecSchema, maxSmokeStepS, setFireWind, stepFire, totalSmoke } from '../../sim/hazards/fire/index';
import { createRandom } from '../../sim/random/Random';

/** A fire whose only fuel is the listed cells, on a width × height grid of `cellSizeM` cells. */
function fireOn(width: number, height: number, cellSizeM: number, fuelCells: number[], input: Partial<FireSpecInput>, nowS = 0): Fire {
  const fuel = new Float32Array(width * height);
  for (const c of fuelCells) fuel[c] = 1;
  const x = fuelCells[0] % width;
  const y = Math.floor(fuelCells[0] / width);
  const spec = fireSpecSchema.parse({ spreadVariability: 0, ...input, ignition: input.ignition ?? { kind: 'cells', cells: [{ x, y }] } });
  return createFire({ width, height, cellSizeM, fuel }, spec, createRandom(1, 'fire'), nowS);
}

/** Smoke-weighted mean position of the smoke, m. */
function centroidM(fire: Fire): { x: number; y: number } {
  let sum = 0;
  let sx = 0;
  let sy = 0;
  for (let c = 0; c < fire.smoke.length; c++) {
    const v = fire.smoke[c];
    const x = c % fire.width;
    sum += v;
    sx += v * x;
    sy += v * ((c - x) / fire.width);
  }
  return { x: (sx / sum) * fire.cellSizeM, y: (sy / sum) * fire.cellSizeM };
}

function ledgerGap(fire: Fire): number {
  const l = fire.smokeLedger;
  return Math.abs(l.produced - totalSmoke(fire) - l.decayed - l.outflow - l.trimmed) / l.produced;
}

describe('smoke mass', () => {
  it('without wind or decay, smoke on the grid is all the smoke produced: heat × fuel × rate × area over the burn', () => {
    // One cell of load 1 burns 200 s; its heat integrates to 0.75 × 200 s; 2 m cells: 4 m².
    const fire = fireOn(61, 61, 2, [30 * 61 + 30], { burnDurationS: 200, smoke: { productionPerM2S: 0.5, diffusivityM2ps: 1, decayPerS: 0 } });
    for (let t = 0; t < 300; t++) stepFire(fire, 1);
    const expected = 0.5 * 0.75 * 200 * 4;
    expect(fire.smokeLedger.produced).toBeCloseTo(expected, 6);
    expect(Math.abs(totalSmoke(fire) - expected) / expected).toBeLessThan(1e-6);
    expect(fire.smokeLedger.outflow).toBe(0);
  });

  it('with wind and decay, produced = on the grid + decayed + blown off the map + trimmed', () => {
    const n = 80;
    const cells: number[] = [];
    for (let y = 30; y < 50; y++) for (let x = 10; x < 30; x++) cells.push(y * n + x);
    const fire = fireOn(n, n, 1, cells, { spreadRateMps: 0.2, burnDurationS: 120, wind: { speedMps: 2, fromDeg: 250 }, smoke: { decayPerS: 0.01 } });
    for (let t = 0; t < 200; t++) {
      stepFire(fire, 1);
      expect(ledgerGap(fire)).toBeLessThan(1e-5);
    }
    expect(fire.smokeLedger.outflow).toBeGreaterThan(0);
    expect(fire.smokeLedger.decayed).toBeGreaterThan(0);
  });
});

describe('smoke transport', () => {
  for (const [fromDeg, vx, vy] of [
    [270, 1, 0],
    [0, 0, 1],
    [225, Math.SQRT1_2, -Math.SQRT1_2],
  ] as const) {
    it(`carries a puff downwind at the wind speed (from ${fromDeg}°)`, () => {
      const speedMps = 3;
      const fire = fireOn(300, 300, 1, [150 * 300 + 150], {
        burnDurationS: 10,
        wind: { speedMps, fromDeg, spreadFactorPerMps: 0 },
        smoke: { diffusivityM2ps: 2, decayPerS: 0.01 },
      });
      for (let t = 0; t < 10; t++) stepFire(fire, 1);
      const before = centroidM(fire);
      for (let t = 0; t < 30; t++) stepFire(fire, 1);
      const after = centroidM(fire);
      // Upwind differencing moves the centre of mass exactly at the wind speed: 90 m in 30 s.
      expect(Math.hypot(after.x - before.x - vx * 90, after.y - before.y - vy * 90)).toBeLessThan(0.1 * 90);
      expect(after.x - before.x).toBeCloseTo(vx * 90, 1);
      expect(after.y - before.y).toBeCloseTo(vy * 90, 1);
    });
  }

  it('never goes negative, whatever the wind, diffusivity, cell size and step', () => {
    for (const [cellSizeM, speedMps, diffusivityM2ps, dtS] of [
      [0.5, 7, 0.1, 1],
      [2, 1, 20, 3],
      [1, 12, 0, 0.5],
      [1, 0, 5, 2],
    ]) {
      const n = 60;
      const random = createRandom(cellSizeM * 100 + speedMps, 'fuel');
      const fuel = new Float32Array(n * n);
      for (let c = 0; c < fuel.length; c++) fuel[c] = random.next() < 0.6 ? random.next() * 2 : 0;
      const spec = fireSpecSchema.parse({
        ignition: { kind: 'rect', rect: { x: 20, y: 20, w: 10, h: 10 } },
        spreadRateMps: 0.3,
        burnDurationS: 60,
        wind: { speedMps, fromDeg: 200 },
        smoke: { diffusivityM2ps, decayPerS: 0.002 },
      });
      const fire = createFire({ width: n, height: n, cellSizeM, fuel }, spec, createRandom(3, 'fire'));
      for (let t = 0; t < 100; t++) {
        stepFire(fire, dtS);
        let min = Infinity;
        for (let c = 0; c < fire.smoke.length; c++) if (fire.smoke[c] < min) min = fire.smoke[c];
        expect(min).toBeGreaterThanOrEqual(0);
      }
      expect(totalSmoke(fire)).toBeGreaterThan(0);
    }
  });

  it('states its stability limit: dt (|vx| + |vy|) / dx + 4 K dt / dx² ≤ 0.9', () => {
    const p = { productionPerM2S: 1, diffusivityM2ps: 2, decayPerS: 0, fullIntensityPerM2: 1, vxMps: 3, vyMps: -4 };
    expect(maxSmokeStepS(p, 2)).toBeCloseTo(0.9 / (7 / 2 + 8 / 4), 12);
    expect(maxSmokeStepS({ ...p, diffusivityM2ps: 0, vxMps: 0, vyMps: 0 }, 2)).toBe(Infinity);
  });

  it('turns with the wind', () => {
    const fire = fireOn(200, 200, 1, [100 * 200 + 100], { burnDurationS: 10, wind: { speedMps: 2, fromDeg: 270 }, smoke: { decayPerS: 0 } });
    for (let t = 0; t < 10; t++) stepFire(fire, 1);
    setFireWind(fire, 2, 180);
    const before = centroidM(fire);
    for (let t = 0; t < 20; t++) stepFire(fire, 1);
    const after = centroidM(fire);
    expect(after.x - before.x).toBeCloseTo(0, 3);
    expect(after.y - before.y).toBeCloseTo(-40, 3);
  });
});

describe('V15-style plume: steady 2D advection–diffusion from a point source', () => {
  // Q = 1 /s, K = 1 m²/s, u = 1 m/s, 1 m cells: C = Q/(2πK) e^(ux/2K) K₀(ur/2K) gives 0.0872 at (10, 0),
  // 0.0623 at (20, 0), 0.0451 at (20, 5). One burning cell of 1 m² at full heat is the source: the fire was
  // created 20,000 s into a 86,400 s burn, when its heat is 1.
  it('matches the exact solution within 2% (VALIDATION asks 10%)', () => {
    const width = 100;
    const height = 70;
    const source = 35 * width + 25;
    const fire = fireOn(
      width,
      height,
      1,
      [source],
      {
        burnDurationS: 86_400,
        wind: { speedMps: 1, fromDeg: 270, spreadFactorPerMps: 0 },
        smoke: { productionPerM2S: 1, diffusivityM2ps: 1, decayPerS: 0 },
        startS: 0,
      },
      20_000,
    );
    for (let t = 0; t < 300; t++) stepFire(fire, 1);
    const at = (x: number, y: number) => fire.smoke[source + y * width + x];
    // Measured: +0.5%, +0.2%, -0.3% (with 0.5 m cells: +0.1%, 0.0%, -0.1%).
    for (const [x, y, exact] of [
      [10, 0, 0.0872],
      [20, 0, 0.0623],
      [20, 5, 0.0451],
    ]) {
      expect(Math.abs(at(x, y) / exact - 1)).toBeLessThan(0.02);
    }
  });
});
