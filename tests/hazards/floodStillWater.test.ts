import { describe, expect, it } from 'vitest';
import { createFlood, floodSpecSchema, stepFlood } from '../../sim/hazards/flood/index';
import { createRandom } from '../../sim/random/Random';

/**
 * A bumpy bed: smooth hills and random bumps between about 0.3 and 3.3 m, with a few walls. A lake at
 * 2.3 m (not a Float32 number, so depths carry rounding) covers the low ground; the hills stand out dry.
 */
function lakeOverBumps(manningN: number) {
  const width = 40;
  const height = 32;
  const random = createRandom(14, 'still-water-bed');
  const bedElevationM = new Float32Array(width * height);
  const wall = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      bedElevationM[y * width + x] = 1.8 + 1.2 * Math.sin(x / 4) * Math.cos(y / 5) + 0.6 * (random.next() - 0.5);
      if (x === 20 && y > 5 && y < 26) wall[y * width + x] = 1;
    }
  }
  const spec = floodSpecSchema.parse({ initialWater: [{ rect: { x: 0, y: 0, w: width, h: height }, surfaceM: 2.3 }], manningN });
  return createFlood({ width, height, cellSizeM: 2, bedElevationM, wall }, spec);
}

// VALIDATION V14: water at rest over an uneven bed stays at rest: over 1 simulated hour the level changes
// by less than 1 mm. The scheme is driven by water-surface gradients (zero in a lake) and the flow depth at
// a shore face is the water above the higher bed (zero), so nothing moves.
describe('V14 still water stays still', () => {
  // n = 0.01 (smooth concrete) is the hard case: the least friction to damp any spurious wave.
  it.each([
    { manningN: 0.01, tickS: 0.25 },
    { manningN: 0.03, tickS: 5 },
  ])('a lake over a bumpy bed with dry hills, n = $manningN, 1 hour in ticks of $tickS s', ({ manningN, tickS }) => {
    const flood = lakeOverBumps(manningN);
    const { bedElevationM: bed, depthM: depth, wall } = flood;
    const level0 = Float64Array.from(depth, (d, c) => bed[c] + d + flood.depthRestM[c]);
    let wet = 0;
    let dry = 0;
    for (let c = 0; c < depth.length; c++) {
      if (wall[c]) continue;
      if (depth[c] > 0) wet++;
      else dry++;
    }
    // A real test: much of the map is lake and much is dry land above it.
    expect(wet).toBeGreaterThan(0.4 * depth.length);
    expect(dry).toBeGreaterThan(0.15 * depth.length);

    for (let tick = 0; tick < 3600 / tickS; tick++) stepFlood(flood, tickS);

    let maxLevelChangeM = 0;
    let dryCellsWetted = 0;
    let maxSpeedMps = 0;
    for (let c = 0; c < depth.length; c++) {
      if (level0[c] > bed[c]) maxLevelChangeM = Math.max(maxLevelChangeM, Math.abs(bed[c] + depth[c] - level0[c]));
      else if (depth[c] !== 0) dryCellsWetted++;
      maxSpeedMps = Math.max(maxSpeedMps, flood.speedMps[c]);
    }
    expect(flood.timeS).toBe(3600);
    expect(maxLevelChangeM).toBeLessThan(1e-3);
    // What is achieved: Float32 rounding of the depths, a few tenths of a micrometre.
    expect(maxLevelChangeM).toBeLessThan(1e-6);
    expect(dryCellsWetted).toBe(0);
    expect(maxSpeedMps).toBeLessThan(1e-5);
    expect(flood.changedCount).toBe(0);
  });
});
