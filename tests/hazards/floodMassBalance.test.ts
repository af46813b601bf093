import { describe, expect, it } from 'vitest';
import { createFlood, type Flood, floodBalance, floodSpecSchema, stableStepS, stepFlood } from '../../sim/hazards/flood/index';
import { createRandom } from '../../sim/random/Random';

/** An uneven valley floor falling east, with random bumps of ±0.2 m, and a block of buildings. */
function valley(width: number, height: number, seed: number) {
  const random = createRandom(seed, 'flood-bed');
  const bedElevationM = new Float32Array(width * height);
  const wall = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const across = Math.abs(y - height / 2) / (height / 2);
      bedElevationM[y * width + x] = 10 - 0.01 * x + 1.5 * across * across + 0.4 * (random.next() - 0.5);
    }
  }
  for (let y = 12; y < 20; y++) for (let x = 30; x < 38; x++) wall[y * width + x] = 1;
  return { width, height, cellSizeM: 5, bedElevationM, wall };
}

/** Water on the grid counting only the Float32 depths, without their rounding rests. */
function float32VolumeM3(f: Flood): number {
  let sum = 0;
  for (let c = 0; c < f.depthM.length; c++) sum += f.depthM[c];
  return sum * f.cellSizeM * f.cellSizeM;
}

// VALIDATION V13: for any flood run, volume in = volume on grid + volume out, within 1e-3 relative.
describe('V13 flood mass balance', () => {
  it('a river hydrograph over an uneven valley, out over the east edge and a drain, 3 simulated hours', () => {
    const spec = floodSpecSchema.parse({
      sources: [{ id: 'river', rect: { x: 0, y: 22, w: 1, h: 6 }, inflowM3s: 15, riseS: 900, endS: 5400, fallS: 1800 }],
      outflows: [
        { kind: 'edge', sides: ['east'] },
        { kind: 'drain', id: 'culvert', rect: { x: 50, y: 24, w: 2, h: 2 }, capacityM3s: 1.5 },
      ],
      manningN: 0.035,
    });
    const flood = createFlood(valley(80, 50, 1), spec);
    let worst = 0;
    let worstFloat32 = 0;
    let checks = 0;
    for (let minute = 1; minute <= 180; minute++) {
      for (let k = 0; k < 12; k++) stepFlood(flood, 5);
      const b = floodBalance(flood);
      worst = Math.max(worst, b.relativeError);
      worstFloat32 = Math.max(worstFloat32, Math.abs(b.inM3 - b.outM3 - float32VolumeM3(flood)) / b.inM3);
      checks++;
    }
    const end = floodBalance(flood);
    // The exact hydrograph volume: rise and fall are triangles, 15·(450 + 4500 + 900) m³.
    expect(end.inM3).toBeCloseTo(15 * (450 + 4500 + 900), 6);
    // The run did something: most water has left over the edge and through the culvert.
    expect(end.outM3).toBeGreaterThan(0.5 * end.inM3);
    expect(end.onGridM3).toBeGreaterThan(1000);
    expect(checks).toBe(180);
    expect(worst).toBeLessThanOrEqual(1e-3);
    // What is achieved is far below the bound: rounding only (about 1e-14).
    expect(worst).toBeLessThan(1e-9);
    // Even the Float32 depths alone, without the rounding rests, balance to well under 1e-3.
    expect(worstFloat32).toBeLessThan(1e-5);
  });

  it('light rain on a deep pond balances too (the rounding rests keep what Float32 would drop)', () => {
    // 2 mm/h on 3 m of water adds about 1e-7 m per sub-step, under half a Float32 ulp at 3 m (2.4e-7 m):
    // rounded naively, every drop would vanish. The compensated depths keep it.
    const width = 30;
    const height = 30;
    const grid = { width, height, cellSizeM: 2, bedElevationM: new Float32Array(width * height), wall: new Uint8Array(width * height) };
    const spec = floodSpecSchema.parse({
      initialWater: [{ rect: { x: 0, y: 0, w: width, h: height }, surfaceM: 3 }],
      rain: { mmPerH: 2 },
      outflows: [{ kind: 'drain', id: 'pump', rect: { x: 15, y: 15, w: 1, h: 1 }, capacityM3s: 0.001 }],
    });
    const flood = createFlood(grid, spec);
    const rainPerSubStepM = (2 / 3.6e6) * stableStepS(flood);
    expect(Math.fround(3 + rainPerSubStepM)).toBe(3);
    let worst = 0;
    for (let minute = 1; minute <= 60; minute++) {
      stepFlood(flood, 60);
      worst = Math.max(worst, floodBalance(flood).relativeError);
    }
    const b = floodBalance(flood);
    expect(b.inM3).toBeCloseTo(0.002 * width * height * 4, 9); // 2 mm/h for 1 h over 3600 m²: 7.2 m³
    expect(b.outM3).toBeCloseTo(0.001 * 3600, 9); // the pump, always submerged: 3.6 m³
    expect(worst).toBeLessThan(1e-12);
    // The rest is on the grid: the mean depth rose by 2 mm of rain minus 1 mm pumped.
    expect(b.onGridM3 / (width * height * 4) - 3).toBeCloseTo(0.001, 9);
  });
});
