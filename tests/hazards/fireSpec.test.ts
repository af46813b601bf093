import { describe, expect, it } from 'vitest';
import { checkFireSpec, createFire, fireSpecSchema, fuelFromCellKinds, ignitionCells } from '../../sim/hazards/fire/index';
import { createRandom } from '../../sim/random/Random';
import { CellKind } from '../../sim/space/CellKind';

const point = { kind: 'point', xM: 3, yM: 1 } as const;

describe('fireSpecSchema', () => {
  it('fills in defaults for an old residential compound', () => {
    const spec = fireSpecSchema.parse({ ignition: point });
    expect(spec).toMatchObject({
      startS: 0,
      spreadModel: 'round',
      spreadRateMps: 0.02,
      burnDurationS: 1200,
      fuelByCellKind: { open: 0, road: 0, building: 1, wall: 0, water: 0, exit: 0, shelter: 0 },
      fuelAreas: [],
      wind: { speedMps: 0, fromDeg: 270, spreadFactorPerMps: 0.15 },
      smoke: { productionPerM2S: 1, diffusivityM2ps: 1, decayPerS: 0.005, fullIntensityPerM2: 1 },
    });
  });

  it('rejects unknown keys, at any depth, with their path', () => {
    const top = fireSpecSchema.safeParse({ ignition: point, spreadRate: 0.1 });
    expect(top.success).toBe(false);
    expect(top.error?.issues[0]).toMatchObject({ code: 'unrecognized_keys', keys: ['spreadRate'], path: [] });
    const nested = fireSpecSchema.safeParse({ ignition: point, wind: { speed: 3 } });
    expect(nested.error?.issues[0]).toMatchObject({ code: 'unrecognized_keys', path: ['wind'] });
  });

  it('explains out-of-range values in words an author can act on', () => {
    const messages = (input: object) => fireSpecSchema.safeParse({ ignition: point, ...input }).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(messages({ spreadRateMps: 0 })).toEqual(['spreadRateMps: the spread rate must be more than 0 m/s']);
    expect(messages({ spreadRateMps: 50 })?.[0]).toMatch(/at most 10 m\/s/);
    expect(messages({ wind: { fromDeg: 400 } })).toEqual(['wind.fromDeg: use 0 to 360 degrees']);
    expect(messages({ fuelByCellKind: { road: -1 } })).toEqual(['fuelByCellKind.road: fuel cannot be negative: use 0 for cells that do not burn']);
    expect(messages({ ignition: { kind: 'cells', cells: [] } })).toEqual(['ignition.cells: list at least one cell, for example [{ "x": 3, "y": 4 }]']);
    expect(messages({ smoke: { decayPerS: Number.POSITIVE_INFINITY } })).toHaveLength(1);
  });
});

describe('fuel and ignition on the map', () => {
  const width = 4;
  const height = 3;
  const { Open, Road, Building, Wall } = CellKind;
  const kinds = Uint8Array.of(Building, Building, Road, Open, Wall, Building, Road, Open, Open, Open, Open, CellKind.Blocked);

  it('gives fuel by cell kind, then by fuel areas in order, clipped to the map', () => {
    const spec = fireSpecSchema.parse({
      ignition: point,
      fuelByCellKind: { open: 0.25 },
      fuelAreas: [
        { rect: { x: 2, y: 1, w: 5, h: 5 }, fuel: 0.5 },
        { rect: { x: 3, y: 2, w: 1, h: 1 }, fuel: 0 },
      ],
    });
    expect(Array.from(fuelFromCellKinds(kinds, width, height, spec))).toEqual([1, 1, 0, 0.25, 0, 1, 0.5, 0.5, 0.25, 0.25, 0.5, 0]);
  });

  it('finds ignition cells and says when they are off the map', () => {
    expect(ignitionCells({ kind: 'point', xM: 5.9, yM: 2 }, width, height, 2)).toEqual({ cells: [6] });
    expect(ignitionCells({ kind: 'rect', rect: { x: 2, y: 1, w: 9, h: 9 } }, width, height, 1)).toEqual({ cells: [6, 7, 10, 11] });
    expect(ignitionCells({ kind: 'point', xM: 8, yM: 0 }, width, height, 2)).toEqual({
      error: 'the point (8 m, 0 m) is off the map, which is 8 m wide and 6 m high',
    });
  });

  it('checks a spec against its map, with JSON paths', () => {
    const map = { width, height, cellSizeM: 2 };
    const spec = fireSpecSchema.parse({
      ignition: { kind: 'cells', cells: [{ x: 2, y: 0 }] },
      fuelAreas: [{ rect: { x: 9, y: 0, w: 1, h: 1 }, fuel: 1 }],
      burnDurationS: 60,
    });
    const fuel = fuelFromCellKinds(kinds, width, height, spec);
    expect(checkFireSpec(spec, map, fuel, 'hazards[0].fire').map((e) => `${e.path}: ${e.message}`)).toEqual([
      'hazards[0].fire.ignition: the fire starts where nothing burns',
      'hazards[0].fire.fuelAreas[0].rect: the rectangle is off the map of 4 × 3 cells',
      'hazards[0].fire.burnDurationS: cells burn for 60 s but the front needs up to 142 s to cross a 2 m cell',
    ]);
    const good = fireSpecSchema.parse({ ignition: { kind: 'point', xM: 1, yM: 1 } });
    expect(checkFireSpec(good, map, fuelFromCellKinds(kinds, width, height, good), 'fire')).toEqual([]);
  });

  it('creates a fire only on a consistent grid, reads a Uint8Array as a mask and counts ignitions without fuel', () => {
    const random = createRandom(1, 'fire');
    const spec = fireSpecSchema.parse({
      ignition: {
        kind: 'cells',
        cells: [
          { x: 0, y: 0 },
          { x: 2, y: 0 },
        ],
      },
    });
    const fire = createFire({ width, height, cellSizeM: 1, fuel: Uint8Array.of(7, 0, 0, 0, 0, 255, 0, 0, 0, 0, 0, 0) }, spec, random);
    expect(Array.from(fire.fuel.slice(0, 6))).toEqual([1, 0, 0, 0, 0, 1]);
    expect(fire.unfueledIgnitions).toBe(1);
    expect(fire.front.size).toBe(1);
    expect(() => createFire({ width, height, cellSizeM: 1, fuel: new Uint8Array(5) }, spec, random)).toThrow(/fuel map has 5 cells/);
    const off = fireSpecSchema.parse({ ignition: { kind: 'point', xM: 100, yM: 0 } });
    expect(() => createFire({ width, height, cellSizeM: 1, fuel: new Uint8Array(12) }, off, random)).toThrow(/off the map/);
  });
});
