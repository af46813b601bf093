import { describe, expect, it } from 'vitest';
import { checkEarthquakeSpec, DEFAULT_VULNERABILITY_CLASSES, earthquakeSpecSchema } from '../../sim/hazards/earthquake/index';

const base = { pgaAtEpicentreG: 0.3, epicentre: { x: 5, y: 5 } };

describe('earthquakeSpecSchema', () => {
  it('fills in defaults', () => {
    const spec = earthquakeSpecSchema.parse(base);
    expect(spec).toMatchObject({
      atS: 0,
      attenuation: { depthM: 10_000, exponent: 1 },
      vulnerability: { defaultClass: 'B', byBuilding: {}, classes: DEFAULT_VULNERABILITY_CLASSES },
      trappedShare: { none: 0, slight: 0, moderate: 0.01, heavy: 0.1, collapse: 0.5 },
      debris: { heavyReachCells: 1, collapseReachCells: 2 },
      aftershocks: [],
    });
  });

  it('gives every parse its own default classes', () => {
    const a = earthquakeSpecSchema.parse(base);
    a.vulnerability.classes.A.beta = 2;
    expect(earthquakeSpecSchema.parse(base).vulnerability.classes.A.beta).toBe(0.64);
  });

  it('rejects unknown keys with their path', () => {
    const r = earthquakeSpecSchema.safeParse({ ...base, debris: { reach: 3 } });
    expect(r.error?.issues[0]).toMatchObject({ code: 'unrecognized_keys', path: ['debris'] });
  });

  it('explains out-of-range values', () => {
    const r = earthquakeSpecSchema.safeParse({ ...base, pgaAtEpicentreG: 9 });
    expect(r.error?.issues[0].message).toContain('at most 3 g');
    expect(earthquakeSpecSchema.safeParse({ ...base, trappedShare: { heavy: 20 } }).error?.issues[0].message).toContain('use 0.25 for 25%');
  });

  it('requires increasing medians', () => {
    const r = earthquakeSpecSchema.safeParse({
      ...base,
      vulnerability: { classes: { X: { medianPgaG: { slight: 0.2, moderate: 0.1, heavy: 0.5, collapse: 0.9 }, beta: 0.6 } }, defaultClass: 'X' },
    });
    expect(r.error?.issues[0]).toMatchObject({ path: ['vulnerability', 'classes', 'X', 'medianPgaG', 'moderate'] });
  });

  it('requires known classes and aftershocks after the main shock', () => {
    const r = earthquakeSpecSchema.safeParse({ ...base, vulnerability: { defaultClass: 'Z', byBuilding: { 'block-1': 'Q' } } });
    expect(r.error?.issues.map((i) => i.path)).toEqual([
      ['vulnerability', 'defaultClass'],
      ['vulnerability', 'byBuilding', 'block-1'],
    ]);
    const a = earthquakeSpecSchema.safeParse({ ...base, atS: 100, aftershocks: [{ atS: 50, pgaAtEpicentreG: 0.1 }] });
    expect(a.error?.issues[0]).toMatchObject({ path: ['aftershocks', 0, 'atS'] });
  });
});

describe('checkEarthquakeSpec', () => {
  it('names overrides of missing buildings with their JSON path', () => {
    const spec = earthquakeSpecSchema.parse({ ...base, vulnerability: { byBuilding: { 'block-9': 'A', b1: 'C' } } });
    expect(checkEarthquakeSpec(spec, ['b1'], 'hazards[0].earthquake')).toEqual([
      {
        path: 'hazards[0].earthquake.vulnerability.byBuilding["block-9"]',
        message: 'there is no building "block-9"',
        hint: 'use the id of a building place, for example "b1"',
      },
    ]);
  });
});
