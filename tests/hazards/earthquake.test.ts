import { describe, expect, it } from 'vitest';
import { StateHasher } from '../../sim/core/hash';
import {
  createEarthquake,
  DamageState,
  damageOf,
  damageProbabilities,
  type EarthquakeGrid,
  type EarthquakeSpecInput,
  earthquakeReport,
  earthquakeSpecSchema,
  exceedanceProbability,
  forEachChangedCell,
  hashEarthquake,
  intensityAt,
  normalCdf,
  stepEarthquake,
  trappedShare,
} from '../../sim/hazards/earthquake/index';
import { createRandom } from '../../sim/random/Random';

/**
 * A test town: `cols × rows` single-cell buildings on a lattice with streets between them; every cell
 * outside buildings is walkable. Building k is at lattice (k % cols, ⌊k / cols⌋).
 */
function latticeTown(cols: number, rows: number, spacing = 3): EarthquakeGrid {
  const width = cols * spacing + 1;
  const height = rows * spacing + 1;
  const walkable = new Uint8Array(width * height).fill(1);
  const buildings: { id: string; cells: Int32Array }[] = [];
  for (let k = 0; k < cols * rows; k++) {
    const cell = (1 + Math.floor(k / cols) * spacing) * width + 1 + (k % cols) * spacing;
    walkable[cell] = 0;
    buildings.push({ id: `b${k}`, cells: Int32Array.of(cell) });
  }
  return { width, height, cellSizeM: 5, buildings, walkable };
}

/** Same shaking everywhere (exponent 0), main shock at 60 s. */
function uniform(pgaAtEpicentreG: number, extra: Partial<EarthquakeSpecInput> = {}) {
  return earthquakeSpecSchema.parse({ atS: 60, pgaAtEpicentreG, epicentre: { x: 0, y: 0 }, attenuation: { exponent: 0 }, ...extra });
}

function run(grid: EarthquakeGrid, spec: ReturnType<typeof uniform>, seed: number, untilS = 120) {
  const eq = createEarthquake(grid, spec, createRandom(seed, 'earthquake:q'));
  for (let t = 0; t <= untilS; t += 10) stepEarthquake(eq, t);
  return eq;
}

describe('fragility', () => {
  it('uses the standard normal CDF', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1)).toBeCloseTo(0.8413447461, 6);
    expect(normalCdf(-1.959963985)).toBeCloseTo(0.025, 6);
    expect(exceedanceProbability(0.3, 0.3, 0.64)).toBeCloseTo(0.5, 7);
    expect(exceedanceProbability(0, 0.3, 0.64)).toBe(0);
  });

  it('gives damage-state shares that match the lognormal curves within 3 standard errors', () => {
    const grid = latticeTown(100, 100);
    const n = grid.buildings.length;
    for (const [pga, cls] of [
      [0.2, 'A'],
      [0.45, 'B'],
      [0.8, 'C'],
    ] as const) {
      const spec = uniform(pga, { vulnerability: { defaultClass: cls } });
      const eq = run(grid, spec, 7);
      const f = spec.vulnerability.classes[cls];
      const expected = damageProbabilities(pga, [f.medianPgaG.slight, f.medianPgaG.moderate, f.medianPgaG.heavy, f.medianPgaG.collapse], f.beta);
      expect(expected.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
      const counts = [0, 0, 0, 0, 0];
      for (let b = 0; b < n; b++) counts[damageOf(eq, b)]++;
      for (let k = 0; k < 5; k++) {
        const p = expected[k];
        const se = Math.sqrt((p * (1 - p)) / n);
        expect(Math.abs(counts[k] / n - p)).toBeLessThanOrEqual(3 * se + 1e-12);
      }
    }
  });

  it('damages more with more shaking, building by building and on average', () => {
    const grid = latticeTown(40, 40);
    let previousMean = -1;
    let previous: Uint8Array | null = null;
    for (const pga of [0.05, 0.1, 0.2, 0.3, 0.5, 0.8, 1.2]) {
      const eq = run(grid, uniform(pga), 3);
      const mean = eq.damage.reduce((a, b) => a + b, 0) / eq.damage.length;
      expect(mean).toBeGreaterThan(previousMean);
      if (previous) for (let b = 0; b < eq.damage.length; b++) expect(eq.damage[b]).toBeGreaterThanOrEqual(previous[b]);
      previousMean = mean;
      previous = eq.damage;
    }
  });

  it('damages a weaker class more than a stronger one at the same shaking', () => {
    const grid = latticeTown(40, 40);
    const mean = (cls: string) => {
      const eq = run(grid, uniform(0.35, { vulnerability: { defaultClass: cls } }), 5);
      return eq.damage.reduce((a, b) => a + b, 0) / eq.damage.length;
    };
    expect(mean('A')).toBeGreaterThan(mean('B'));
    expect(mean('B')).toBeGreaterThan(mean('C'));
  });
});

describe('attenuation', () => {
  it('shakes buildings near the epicentre harder', () => {
    const grid = latticeTown(30, 1);
    const spec = earthquakeSpecSchema.parse({ pgaAtEpicentreG: 0.4, epicentre: { x: 1, y: 1 }, attenuation: { depthM: 100 } });
    const eq = run(grid, spec, 1);
    expect(eq.pgaG[0]).toBeCloseTo(0.4, 6);
    for (let b = 1; b < 30; b++) expect(eq.pgaG[b]).toBeLessThan(eq.pgaG[b - 1]);
    // 15 m to the next building's centre: depth / hypocentral distance = 100 / √(15² + 100²).
    expect(eq.pgaG[1]).toBeCloseTo(0.4 * (100 / Math.hypot(15, 100)), 9);
  });

  it('uses the class given by building id', () => {
    const grid = latticeTown(2, 1);
    const spec = uniform(0.3, { vulnerability: { defaultClass: 'C', byBuilding: { b1: 'A' } } });
    const eq = createEarthquake(grid, spec, createRandom(1, 'q'));
    expect([eq.classNames[eq.classOf[0]], eq.classNames[eq.classOf[1]]]).toEqual(['C', 'A']);
  });
});

describe('shock, debris and trapped occupants', () => {
  it('changes nothing before atS, then strikes once', () => {
    const grid = latticeTown(20, 20);
    const eq = createEarthquake(grid, uniform(0.6), createRandom(9, 'q'));
    const before = hashEarthquake(eq, new StateHasher()).digest();
    for (let t = 0; t < 60; t += 1) {
      stepEarthquake(eq, t);
      expect(eq.changedCount).toBe(0);
    }
    expect(hashEarthquake(eq, new StateHasher()).digest()).toBe(before);
    expect(eq.damage.every((d) => d === 0)).toBe(true);
    expect(eq.debrisCount).toBe(0);
    expect(trappedShare(eq, 0)).toBe(0);
    stepEarthquake(eq, 60);
    expect(eq.changedCount).toBeGreaterThan(0);
    const after = hashEarthquake(eq, new StateHasher()).digest();
    stepEarthquake(eq, 61);
    stepEarthquake(eq, 1000);
    expect(eq.changedCount).toBe(0);
    expect(hashEarthquake(eq, new StateHasher()).digest()).toBe(after);
    expect(earthquakeReport(eq).shocksApplied).toBe(1);
  });

  it('drops debris only on walkable cells next to heavily damaged or collapsed buildings', () => {
    const grid = latticeTown(30, 30);
    // Walls along row 0 are not walkable: no debris may land there.
    for (let x = 0; x < grid.width; x++) grid.walkable[x] = 0;
    const eq = run(grid, uniform(0.5, { debris: { heavyReachCells: 1, collapseReachCells: 2 } }), 11);
    const { width } = grid;
    let heavy = 0;
    for (let b = 0; b < eq.damage.length; b++) if (eq.damage[b] >= DamageState.Heavy) heavy++;
    expect(heavy).toBeGreaterThan(0);
    expect(eq.debrisCount).toBeGreaterThan(0);
    const listed = new Set(eq.debrisCells.subarray(0, eq.debrisCount));
    expect(listed.size).toBe(eq.debrisCount);
    for (let c = 0; c < eq.debris.length; c++) {
      expect(eq.debris[c] === 1).toBe(listed.has(c));
      if (eq.debris[c] === 0) continue;
      expect(grid.walkable[c]).toBe(1);
      // Some heavily damaged building within its reach, between cell centres.
      const x = c % width;
      const y = (c - x) / width;
      const near = grid.buildings.some((b, k) => {
        const s = eq.damage[k];
        if (s < DamageState.Heavy) return false;
        const reach = s === DamageState.Collapse ? 2 : 1;
        const bx = b.cells[0] % width;
        const by = (b.cells[0] - bx) / width;
        return (bx - x) ** 2 + (by - y) ** 2 <= reach * reach;
      });
      expect(near).toBe(true);
      expect(intensityAt(eq, c)).toBeGreaterThanOrEqual(0.75);
    }
    // And every walkable cell next to a collapse (4-neighbours) is blocked.
    grid.buildings.forEach((b, k) => {
      if (eq.damage[k] !== DamageState.Collapse) return;
      for (const d of [1, -1, width, -width]) {
        const c = b.cells[0] + d;
        if (grid.walkable[c] === 1) expect(eq.debris[c]).toBe(1);
      }
    });
  });

  it('lists every cell whose intensity or debris changed, once, and reports counts per damage state', () => {
    const grid = latticeTown(20, 20);
    const eq = createEarthquake(grid, uniform(0.4), createRandom(2, 'q'));
    stepEarthquake(eq, 100);
    const listed: number[] = [];
    forEachChangedCell(eq, (c) => listed.push(c));
    const expected: number[] = [];
    for (let c = 0; c < eq.perceived.length; c++) if (eq.perceived[c] > 0 || eq.debris[c] === 1) expected.push(c);
    expect(listed).toEqual(expected);
    for (let b = 0; b < eq.damage.length; b++) expect(intensityAt(eq, grid.buildings[b].cells[0])).toBe(eq.damage[b] / 4);
    const report = earthquakeReport(eq);
    expect(report.none + report.slight + report.moderate + report.heavy + report.collapse).toBe(400);
    expect(report.debrisCells).toBe(eq.debrisCount);
  });

  it('gives the trapped share of the building damage state', () => {
    const grid = latticeTown(20, 20);
    const trapped = { none: 0, slight: 0.01, moderate: 0.05, heavy: 0.2, collapse: 0.7 };
    const eq = run(grid, uniform(0.4, { trappedShare: trapped }), 4);
    const byState = [trapped.none, trapped.slight, trapped.moderate, trapped.heavy, trapped.collapse];
    for (let b = 0; b < eq.damage.length; b++) expect(trappedShare(eq, b)).toBe(byState[eq.damage[b]]);
  });

  it('lets aftershocks only worsen damage, each at its time', () => {
    const grid = latticeTown(30, 30);
    const spec = uniform(0.2, { aftershocks: [{ atS: 600, pgaAtEpicentreG: 0.3 }] });
    const eq = createEarthquake(grid, spec, createRandom(8, 'q'));
    stepEarthquake(eq, 60);
    const main = eq.damage.slice();
    stepEarthquake(eq, 599);
    expect(eq.changedCount).toBe(0);
    stepEarthquake(eq, 600);
    expect(eq.shocksApplied).toBe(2);
    let worse = 0;
    for (let b = 0; b < main.length; b++) {
      expect(eq.damage[b]).toBeGreaterThanOrEqual(main[b]);
      if (eq.damage[b] > main[b]) worse++;
    }
    expect(worse).toBeGreaterThan(0);
    expect(eq.changedCount).toBeGreaterThan(0);
  });
});

describe('determinism', () => {
  const hashOf = (seed: number) => hashEarthquake(run(latticeTown(20, 20), uniform(0.35), seed), new StateHasher()).digest();

  it('gives the same state for the same seed and a different one for another seed', () => {
    expect(hashOf(1)).toBe(hashOf(1));
    expect(hashOf(1)).not.toBe(hashOf(2));
  });

  it('draws one number per building and shock at creation and none while stepping', () => {
    let draws = 0;
    const inner = createRandom(1, 'q');
    const counting = {
      next: () => {
        draws++;
        return inner.next();
      },
      state: inner.state,
    };
    const eq = createEarthquake(latticeTown(10, 10), uniform(0.3, { aftershocks: [{ atS: 100, pgaAtEpicentreG: 0.2 }] }), counting);
    expect(draws).toBe(200);
    for (let t = 0; t < 200; t += 10) stepEarthquake(eq, t);
    expect(draws).toBe(200);
  });
});
