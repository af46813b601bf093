import { describe, expect, it } from 'vitest';
import { createFlood, type Flood, type FloodSpecInput, floodBalance, floodSpecSchema, hashFlood, stepFlood } from '../../sim/hazards/flood/index';
import { createRandom } from '../../sim/random/Random';

/** A flood on a width × height grid of `cellSizeM` cells with the given bed; walls where `isWall(x, y)`. */
function makeFlood(
  width: number,
  height: number,
  bedAt: (x: number, y: number) => number,
  spec: FloodSpecInput,
  options: { cellSizeM?: number; isWall?: (x: number, y: number) => boolean } = {},
): Flood {
  const bedElevationM = new Float32Array(width * height);
  const wall = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      bedElevationM[y * width + x] = bedAt(x, y);
      wall[y * width + x] = options.isWall?.(x, y) ? 1 : 0;
    }
  }
  return createFlood({ width, height, cellSizeM: options.cellSizeM ?? 2, bedElevationM, wall }, floodSpecSchema.parse(spec));
}

const run = (f: Flood, seconds: number, tickS = 1) => {
  for (let k = 0; k < seconds / tickS; k++) stepFlood(f, tickS);
};

describe('flood fills low ground first', () => {
  // A round basin, lowest at its centre (15, 15), slightly rough; a source pours in at a corner, then stops.
  const n = 31;
  const bedAt = (x: number, y: number) => 0.003 * ((x - 15) ** 2 + (y - 15) ** 2) + 0.01 * ((x * 7 + y * 13) % 5);
  const flood = makeFlood(n, n, bedAt, { sources: [{ id: 'pour', rect: { x: 1, y: 1, w: 1, h: 1 }, inflowM3s: 0.05, endS: 1800 }] });
  const source = n + 1;
  const lowest = 15 * n + 15;

  it('at every stage the ponded cells (over 5 cm) are exactly the lowest ground, deepest at the lowest cell', () => {
    for (let stage = 1; stage <= 6; stage++) {
      run(flood, 600, 5);
      let highestPonded = -Infinity;
      let lowestUnponded = Infinity;
      let deepest = -1;
      for (let c = 0; c < n * n; c++) {
        if (c === source) continue;
        if (flood.depthM[c] > 0.05) highestPonded = Math.max(highestPonded, flood.bedElevationM[c]);
        else lowestUnponded = Math.min(lowestUnponded, flood.bedElevationM[c]);
        if (deepest < 0 || flood.depthM[c] > flood.depthM[deepest]) deepest = c;
      }
      expect(highestPonded).toBeLessThan(lowestUnponded);
      expect(deepest).toBe(lowest);
    }
  });

  it('once the source stops the pond settles level, and it holds all the water poured in', () => {
    let low = Infinity;
    let high = -Infinity;
    for (let c = 0; c < n * n; c++) {
      if (flood.depthM[c] <= 0.01) continue;
      const level = flood.bedElevationM[c] + flood.depthM[c];
      low = Math.min(low, level);
      high = Math.max(high, level);
    }
    expect(high - low).toBeLessThan(1e-3);
    for (let c = 0; c < n * n; c++) if (c !== source && flood.bedElevationM[c] > high + 0.01) expect(flood.depthM[c]).toBeLessThan(FILM_M);
    expect(floodBalance(flood).onGridM3).toBeCloseTo(0.05 * 1800, 6);
  });
});

/** Films thinner than the 1 mm flow threshold stay where rain or a passing front left them. */
const FILM_M = 1e-3;

describe('walls', () => {
  // A reservoir 1 m deep west of a wall across the whole map; flat dry ground east of it.
  const reservoir = (gapAtY: number) =>
    makeFlood(20, 10, () => 0, { initialWater: [{ rect: { x: 0, y: 0, w: 10, h: 10 }, surfaceM: 1 }] }, { isWall: (x, y) => x === 10 && y !== gapAtY });

  it('hold water back: not a drop passes in an hour', () => {
    const flood = reservoir(-1);
    run(flood, 3600, 2);
    for (let y = 0; y < 10; y++) for (let x = 10; x < 20; x++) expect(flood.depthM[y * 20 + x]).toBe(0);
    for (let y = 0; y < 10; y++) for (let x = 0; x < 10; x++) expect(flood.depthM[y * 20 + x]).toBeCloseTo(1, 6);
  });

  it('let water through a one-cell gap, and only there, until both sides are level', () => {
    const flood = reservoir(4);
    run(flood, 5, 0.25);
    // Five seconds in, water pours through the gap (10, 4) but has not reached the far corner yet.
    expect(flood.depthM[4 * 20 + 11]).toBeGreaterThan(0.1);
    expect(flood.depthM[0 * 20 + 19]).toBe(0);
    run(flood, 3600, 2);
    // 100 cells' worth of 1 m water over the 191 open cells (both sides and the gap).
    for (let y = 0; y < 10; y++) for (let x = 0; x < 20; x++) if (x !== 10 || y === 4) expect(flood.depthM[y * 20 + x]).toBeCloseTo(100 / 191, 3);
  });
});

describe('flow follows the water surface', () => {
  it('runs down a tilted street toward the lower end, never up it', () => {
    // A street 40 cells long falling 2 m east; a source in the middle.
    const flood = makeFlood(40, 5, (x) => 2 - 0.05 * x, { sources: [{ id: 'burst-main', rect: { x: 20, y: 2, w: 1, h: 1 }, inflowM3s: 0.2 }] });
    run(flood, 300, 1);
    let westward = 0;
    for (let k = 0; k < flood.flowXM2s.length; k++) westward = Math.min(westward, flood.flowXM2s[k]);
    expect(westward).toBeGreaterThan(-1e-3); // any westward flow is a trickle spreading sideways off the jet
    expect(flood.depthM[2 * 40 + 39]).toBeGreaterThan(0.01); // reached the lower end
    expect(flood.depthM[2 * 40 + 10]).toBe(0); // nothing uphill, 10 cells west of the source
  });

  it('follows the surface slope, not the depth: water flows from shallow high water to deep low water', () => {
    // The bed steps up 0.5 m halfway east; the water surface is 0.2 m higher in the east half, though the
    // water there is shallower. A depth-gradient scheme would push water east; the surface pushes it west.
    const flood = makeFlood(20, 4, (x) => (x < 10 ? 0 : 0.5), {
      initialWater: [
        { rect: { x: 0, y: 0, w: 10, h: 4 }, surfaceM: 1.6 },
        { rect: { x: 10, y: 0, w: 10, h: 4 }, surfaceM: 1.8 },
      ],
    });
    expect(flood.depthM[9]).toBeGreaterThan(flood.depthM[10]);
    run(flood, 5, 0.5);
    const face = 1 * 21 + 10; // between cells 9 and 10 of row 1
    expect(flood.flowXM2s[face]).toBeLessThan(-0.05);
    // And it settles with one level everywhere: 1.7 m, the mean of the two halves by volume.
    run(flood, 1800, 5);
    for (let c = 0; c < 80; c++) expect(flood.bedElevationM[c] + flood.depthM[c]).toBeCloseTo(1.7, 2);
  });
});

describe('robustness', () => {
  /** A random world: bumpy bed, random walls, sources, drains, open edges, rain, roughness, tick length. */
  function randomFlood(seed: number): { flood: Flood; tickS: number } {
    const r = createRandom(seed, 'flood-fuzz');
    const pick = (lo: number, hi: number) => lo + (hi - lo) * r.next();
    const int = (lo: number, hi: number) => Math.floor(pick(lo, hi + 1));
    const width = int(5, 40);
    const height = int(5, 40);
    const amplitude = pick(0, 3);
    const bumps = Array.from({ length: width * height }, () => pick(0, amplitude));
    const walls = Array.from({ length: width * height }, () => r.next() < 0.1);
    const at = () => ({ x: int(0, width - 1), y: int(0, height - 1), w: int(1, 3), h: int(1, 3) });
    const spec: FloodSpecInput = {
      sources: Array.from({ length: int(0, 3) }, (_, i) => ({ id: `s${i}`, rect: at(), inflowM3s: pick(0, 20), startS: pick(0, 300), riseS: pick(0, 300) })),
      outflows: [
        ...(r.next() < 0.5 ? [{ kind: 'edge' as const, sides: ['east' as const, 'north' as const] }] : []),
        ...Array.from({ length: int(0, 2) }, (_, i) => ({ kind: 'drain' as const, id: `d${i}`, rect: at(), capacityM3s: pick(0, 5) })),
      ],
      rain: r.next() < 0.5 ? { mmPerH: pick(0, 200), startS: pick(0, 600) } : undefined,
      initialWater: r.next() < 0.5 ? [{ rect: at(), surfaceM: pick(0, 4) }] : [],
      manningN: pick(0.01, 0.3),
    };
    // Rectangles on walls would be rejected by checkFloodSpec: keep the first cell of each open.
    for (const s of spec.sources ?? []) walls[s.rect.y * width + s.rect.x] = false;
    for (const o of spec.outflows ?? []) if (o.kind === 'drain') walls[o.rect.y * width + o.rect.x] = false;
    const flood = makeFlood(width, height, (x, y) => bumps[y * width + x], spec, { cellSizeM: pick(0.5, 10), isWall: (x, y) => walls[y * width + x] });
    return { flood, tickS: [0.1, 0.25, 1, 7, 60][int(0, 4)] };
  }

  it.each(Array.from({ length: 24 }, (_, i) => i + 1))('seed %i: depths stay finite and never negative, water balances', (seed) => {
    const { flood, tickS } = randomFlood(seed);
    for (let t = 0; t < 900; t += tickS) {
      stepFlood(flood, tickS);
      for (let c = 0; c < flood.depthM.length; c++) {
        const d = flood.depthM[c];
        if (!(d >= 0 && d < 1e4) || !Number.isFinite(flood.speedMps[c])) throw new Error(`seed ${seed}: cell ${c} has depth ${d}, speed ${flood.speedMps[c]}`);
      }
    }
    expect(floodBalance(flood).relativeError).toBeLessThan(1e-9);
  });

  it('any tick length is safe: one 10-minute step and 2400 steps of 0.25 s give the same flood to 1 mm', () => {
    const build = () =>
      makeFlood(30, 20, (x, y) => 1 - 0.02 * x + 0.05 * Math.sin(x + y), {
        sources: [{ id: 'river', rect: { x: 0, y: 8, w: 1, h: 4 }, inflowM3s: 3 }],
        outflows: [{ kind: 'edge', sides: ['east'] }],
      });
    const coarse = build();
    stepFlood(coarse, 600);
    const fine = build();
    run(fine, 600, 0.25);
    expect(coarse.subSteps).toBeGreaterThan(100);
    let worst = 0;
    for (let c = 0; c < coarse.depthM.length; c++) worst = Math.max(worst, Math.abs(coarse.depthM[c] - fine.depthM[c]));
    expect(worst).toBeLessThan(1e-3);
    expect(floodBalance(coarse).relativeError).toBeLessThan(1e-12);
  });
});

describe('determinism', () => {
  const build = () => {
    const r = createRandom(99, 'flood-determinism');
    const bumps = Array.from({ length: 50 * 30 }, () => r.next());
    return makeFlood(50, 30, (x, y) => bumps[y * 50 + x] - 0.02 * x, {
      sources: [{ id: 'breach', kind: 'breach', rect: { x: 0, y: 10, w: 1, h: 5 }, inflowM3s: 8, riseS: 120 }],
      outflows: [{ kind: 'edge', sides: ['east'] }],
      rain: { mmPerH: 30, startS: 60, endS: 400 },
    });
  };

  it('same inputs, same bits: equal state hashes after 10 simulated minutes', () => {
    const a = build();
    const b = build();
    run(a, 600, 0.25);
    run(b, 600, 0.25);
    expect(hashFlood(a).digest()).toBe(hashFlood(b).digest());
    expect(Array.from(a.depthM)).toEqual(Array.from(b.depthM));
  });

  it('the hash tells runs apart', () => {
    const a = build();
    const b = build();
    run(a, 60, 0.25);
    run(b, 60.25, 0.25);
    expect(hashFlood(a).digest()).not.toBe(hashFlood(b).digest());
  });
});
