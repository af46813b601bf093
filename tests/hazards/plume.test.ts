import { describe, expect, it } from 'vitest';
import {
  accumulateDose,
  checkPlumeSpec,
  createPlume,
  intensityAt,
  maxPlumeStepS,
  type Plume,
  type PlumeSpecInput,
  perceivedIntensity,
  plumeMassKg,
  plumeSpecSchema,
  releasePuff,
  setPlumeWind,
  stepPlume,
  stopRelease,
  windComponents,
} from '../../sim/hazards/plume/index';
import type { ScenarioError } from '../../sim/scenario/ScenarioError';

const spec = (input: Partial<PlumeSpecInput> = {}) => plumeSpecSchema.parse({ release: { x: 20, y: 20 }, releaseRateKgPerS: 1, ...input });

/** released = on grid + decayed + outflow + trimmed, relative error (Float32 cells round at about 1e-7 per sub-step). */
function ledgerError(p: Plume): number {
  const l = p.ledger;
  return Math.abs(l.releasedKg - plumeMassKg(p) - l.decayedKg - l.outflowKg - l.trimmedKg) / l.releasedKg;
}

/** Centre of mass and variance along x and y, m (cell centres). */
function moments(p: Plume): { mx: number; my: number; vx: number; vy: number } {
  let m = 0;
  let sx = 0;
  let sy = 0;
  let sxx = 0;
  let syy = 0;
  for (let y = 0; y < p.height; y++) {
    for (let x = 0; x < p.width; x++) {
      const c = p.concentration[y * p.width + x];
      const px = (x + 0.5) * p.cellSizeM;
      const py = (y + 0.5) * p.cellSizeM;
      m += c;
      sx += c * px;
      sy += c * py;
      sxx += c * px * px;
      syy += c * py * py;
    }
  }
  const mx = sx / m;
  const my = sy / m;
  return { mx, my, vx: sxx / m - mx * mx, vy: syy / m - my * my };
}

function minMax(a: Float32Array): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of a) {
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  return [lo, hi];
}

describe('plume spec', () => {
  it('fills in defaults', () => {
    const s = spec();
    expect(s.wind).toEqual({ speedMps: 2, fromDeg: 270 });
    expect(s).toMatchObject({ startS: 0, diffusivityM2PerS: 2, mixingHeightM: 10, noticeKgPerM3: 1e-6, fullKgPerM3: 1e-3 });
    expect(s.endS).toBeUndefined();
  });

  it('rejects typos and out-of-range values with messages an author can act on', () => {
    const bad = (input: Record<string, unknown>) => {
      const r = plumeSpecSchema.safeParse({ release: { x: 1, y: 1 }, releaseRateKgPerS: 1, ...input });
      expect(r.success).toBe(false);
      return r.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];
    };
    expect(bad({ windSpeed: 3 }).join()).toMatch(/windSpeed/);
    expect(bad({ wind: { speedMps: -1 } })).toEqual(['wind.speedMps: use 0 for calm air']);
    expect(bad({ releaseRateKgPerS: 0 })[0]).toMatch(/greater than 0/);
    expect(bad({ startS: 10, endS: 5 })).toEqual(['endS: the release stops before it starts: use endS ≥ startS']);
    expect(bad({ noticeKgPerM3: 1e-3, fullKgPerM3: 1e-4 })[0]).toMatch(/^fullKgPerM3: full intensity must be a higher concentration/);
    expect(bad({ release: { x: 1.5, y: 1 } })).toEqual(['release.x: use a whole number of cells']);
  });

  it('is checked against the map: release point on the map and not in a wall', () => {
    const errors: ScenarioError[] = [];
    const wall = new Uint8Array(30 * 30);
    wall[20 * 30 + 20] = 1;
    expect(checkPlumeSpec({ width: 30, height: 30, cellSizeM: 1, wall }, spec(), 'hazards[0].plume', errors)).toBe(false);
    expect(checkPlumeSpec({ width: 10, height: 10, cellSizeM: 1 }, spec(), 'hazards[1].plume', errors)).toBe(false);
    expect(errors.map((e) => `${e.path}: ${e.message}`)).toEqual([
      'hazards[0].plume.release: the release point (20, 20) is inside a wall',
      'hazards[1].plume.release: the release point (20, 20) is off the map',
    ]);
    expect(() => createPlume({ width: 30, height: 30, cellSizeM: 1, wall }, spec())).toThrow(/inside a closed cell/);
  });
});

describe('plume transport', () => {
  it('turns a meteorological wind direction into map components', () => {
    expect(windComponents(3, 270)).toEqual([3, 0]);
    expect(windComponents(3, 0)).toEqual([0, 3]);
    expect(windComponents(3, 90)).toEqual([-3, 0]);
    expect(windComponents(3, 180)).toEqual([0, -3]);
  });

  it('conserves mass: released = on the grid + decayed + out of the map + trimmed', () => {
    const wall = new Uint8Array(60 * 40);
    for (let y = 5; y < 30; y++) wall[y * 60 + 30] = 1;
    const p = createPlume(
      { width: 60, height: 40, cellSizeM: 2, wall },
      spec({ release: { x: 10, y: 20 }, halfLifeS: 120, endS: 100, wind: { speedMps: 3, fromDeg: 250 } }),
    );
    for (let t = 0; t < 200; t++) {
      stepPlume(p, 1);
      if (t % 20 === 0) expect(ledgerError(p)).toBeLessThan(1e-4);
    }
    expect(p.ledger.releasedKg).toBeCloseTo(100, 9);
    expect(p.ledger.outflowKg).toBeGreaterThan(10);
    expect(p.ledger.decayedKg).toBeGreaterThan(10);
    expect(ledgerError(p)).toBeLessThan(1e-4);
  });

  it('releases exactly rate × the part of each step inside [startS, endS)', () => {
    const p = createPlume({ width: 40, height: 40, cellSizeM: 1 }, spec({ startS: 0.3, endS: 2.7, releaseRateKgPerS: 2 }));
    for (let t = 0; t < 5; t++) stepPlume(p, 1);
    expect(p.ledger.releasedKg).toBeCloseTo(4.8, 12);
    stopRelease(p);
    expect(p.endS).toBe(2.7);
  });

  it('is stable for any step: never negative, never above its peak, the same plume for one long step as for many short', () => {
    const grid = { width: 80, height: 80, cellSizeM: 0.5 };
    const input = { release: { x: 20, y: 40 }, releaseRateKgPerS: 1, endS: 0, wind: { speedMps: 4, fromDeg: 300 }, diffusivityM2PerS: 3 };
    const long = createPlume(grid, plumeSpecSchema.parse(input));
    const short = createPlume(grid, plumeSpecSchema.parse(input));
    releasePuff(long, long.sourceCell, 1);
    releasePuff(short, short.sourceCell, 1);
    const peak = long.concentration[long.sourceCell];
    expect(maxPlumeStepS(long)).toBeLessThan(0.02);
    stepPlume(long, 3);
    for (let k = 0; k < 300; k++) stepPlume(short, 0.01);
    for (const p of [long, short]) {
      const [lo, hi] = minMax(p.concentration);
      expect(lo).toBeGreaterThanOrEqual(0);
      expect(hi).toBeLessThanOrEqual(peak);
      expect(Number.isFinite(hi)).toBe(true);
    }
    const a = moments(long);
    const b = moments(short);
    expect(a.mx).toBeCloseTo(b.mx, 1);
    expect(a.vx).toBeCloseTo(b.vx, 1);
  });

  it('moves a puff with the wind and spreads it at the diffusivity asked for (little numerical diffusion)', () => {
    // Open 200 m × 80 m at 0.5 m cells; a puff travels 2 m/s for 20 s: 40 m downwind, variance + 2Kt.
    const p = createPlume(
      { width: 400, height: 160, cellSizeM: 0.5 },
      spec({ release: { x: 100, y: 80 }, endS: 0, wind: { speedMps: 2, fromDeg: 270 }, diffusivityM2PerS: 1 }),
    );
    for (let y = 70; y < 90; y++) for (let x = 90; x < 110; x++) releasePuff(p, y * 400 + x, 0.01);
    const before = moments(p);
    for (let t = 0; t < 20; t++) stepPlume(p, 1);
    const after = moments(p);
    expect(after.mx - before.mx).toBeCloseTo(40, 1);
    expect(after.my - before.my).toBeCloseTo(0, 6);
    // Exact growth 2Kt = 40 m² on each axis; first-order upwind would add u·dx·t = 20 m² along the wind, and
    // Forward Euler would take v²·dt/2 off (−8% here); Heun's method keeps it.
    expect((after.vx - before.vx) / 40).toBeCloseTo(1, 2);
    expect((after.vy - before.vy) / 40).toBeCloseTo(1, 2);
  });

  it('keeps gas out of walls and behind a closed wall line', () => {
    const width = 50;
    const wall = new Uint8Array(width * 30);
    for (let y = 0; y < 30; y++) wall[y * width + 25] = 1;
    const p = createPlume({ width, height: 30, cellSizeM: 1, wall }, spec({ release: { x: 10, y: 15 }, wind: { speedMps: 2, fromDeg: 270 } }));
    for (let t = 0; t < 60; t++) stepPlume(p, 1);
    let behind = 0;
    for (let y = 0; y < 30; y++) for (let x = 25; x < width; x++) behind += p.concentration[y * width + x];
    expect(behind).toBe(0);
    expect(p.concentration[15 * width + 24]).toBeGreaterThan(0);
  });

  it('lets gas fade at its half-life', () => {
    // A walled room, so nothing leaves: 8 kg with a 10 s half-life leave 1 kg after 30 s.
    const wall = new Uint8Array(60 * 60);
    for (let k = 0; k < 60; k++) wall[k] = wall[59 * 60 + k] = wall[k * 60] = wall[k * 60 + 59] = 1;
    const p = createPlume({ width: 60, height: 60, cellSizeM: 1, wall }, spec({ release: { x: 30, y: 30 }, endS: 0, halfLifeS: 10, wind: { speedMps: 1 } }));
    releasePuff(p, p.sourceCell, 8);
    for (let t = 0; t < 30; t++) stepPlume(p, 1);
    expect(p.ledger.outflowKg).toBe(0);
    expect(plumeMassKg(p) + p.ledger.trimmedKg).toBeCloseTo(1, 5);
    expect(p.ledger.decayedKg).toBeCloseTo(7, 5);
  });

  it('follows a change of wind', () => {
    const p = createPlume({ width: 60, height: 60, cellSizeM: 1 }, spec({ release: { x: 30, y: 30 }, endS: 0, wind: { speedMps: 2, fromDeg: 270 } }));
    releasePuff(p, p.sourceCell, 1);
    setPlumeWind(p, 2, 0);
    for (let t = 0; t < 5; t++) stepPlume(p, 1);
    const m = moments(p);
    expect(m.mx).toBeCloseTo(30.5, 3);
    expect(m.my).toBeCloseTo(40.5, 1);
  });

  it('computes only the box of cells that may hold gas, and shrinks it', () => {
    const p = createPlume({ width: 200, height: 100, cellSizeM: 1 }, spec({ release: { x: 20, y: 50 }, wind: { speedMps: 2, fromDeg: 270 } }));
    stepPlume(p, 5);
    const [x0, y0, x1, y1] = p.box;
    expect(x1 - x0).toBeLessThan(60);
    expect(y1 - y0).toBeLessThan(60);
    for (let y = 0; y < p.height; y++) {
      for (let x = 0; x < p.width; x++) if (x < x0 || x > x1 || y < y0 || y > y1) expect(p.concentration[y * p.width + x]).toBe(0);
    }
  });

  it('is deterministic', () => {
    const run = () => {
      const p = createPlume({ width: 64, height: 48, cellSizeM: 2 }, spec({ release: { x: 10, y: 24 }, wind: { speedMps: 3, fromDeg: 240 }, halfLifeS: 600 }));
      for (let t = 0; t < 50; t++) stepPlume(p, 0.7);
      return Array.from(p.concentration);
    };
    expect(run()).toEqual(run());
  });
});

describe('plume exposure', () => {
  it('perceives concentration on a log scale between the notice and full thresholds', () => {
    const p = createPlume({ width: 40, height: 40, cellSizeM: 1 }, spec({ noticeKgPerM3: 1e-6, fullKgPerM3: 1e-2 }));
    expect(perceivedIntensity(p, 0)).toBe(0);
    expect(perceivedIntensity(p, 1e-6)).toBe(0);
    expect(perceivedIntensity(p, 1e-4)).toBeCloseTo(0.5, 12);
    expect(perceivedIntensity(p, 1e-2)).toBe(1);
    expect(perceivedIntensity(p, 5)).toBe(1);
    stepPlume(p, 2);
    expect(intensityAt(p, p.sourceCell)).toBeGreaterThan(0);
    expect(intensityAt(p, 0)).toBe(0);
  });

  it('accumulates dose, per cell and per person, as concentration × time', () => {
    const p = createPlume({ width: 60, height: 40, cellSizeM: 1 }, spec({ release: { x: 10, y: 20 }, wind: { speedMps: 1, fromDeg: 270 }, mixingHeightM: 1 }));
    const cells = Int32Array.of(20 * 60 + 15, 20 * 60 + 30, -1);
    const dose = new Float64Array(3);
    let expected = 0;
    for (let t = 0; t < 400; t++) {
      stepPlume(p, 0.25);
      accumulateDose(p, cells, 3, dose, 0.25);
      expected += p.concentration[cells[0]] * 0.25;
    }
    expect(dose[0]).toBeCloseTo(expected, 12);
    expect(dose[1]).toBeGreaterThan(0);
    expect(dose[1]).toBeLessThan(dose[0]);
    expect(dose[2]).toBe(0);
    // The per-cell dose integrates within the sub-steps; the per-person one samples at each tick's end.
    expect(p.dose[cells[0]] / dose[0]).toBeCloseTo(1, 1);
  });
});
