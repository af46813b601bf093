import { describe, expect, it } from 'vitest';
import { buildBedElevation, checkFloodSpec, createFlood, floodSpecSchema } from '../../sim/hazards/flood/index';

const messagesOf = (input: unknown) => {
  const result = floodSpecSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('floodSpecSchema', () => {
  it('fills in defaults: flat ground at 0 m, no water, closed map, n = 0.03', () => {
    const spec = floodSpecSchema.parse({ elevation: {} });
    expect(spec).toEqual({
      elevation: { baseM: 0, stepM: 0.5, shapes: [] },
      sources: [],
      outflows: [],
      initialWater: [],
      manningN: 0.03,
    });
    expect(floodSpecSchema.parse({}).elevation.baseM).toBe(0);
  });

  it('fills in source and outflow defaults', () => {
    const spec = floodSpecSchema.parse({
      sources: [{ id: 'river', rect: { x: 0, y: 0, w: 1, h: 3 }, inflowM3s: 12 }],
      outflows: [{ kind: 'edge' }, { kind: 'drain', id: 'gully', rect: { x: 2, y: 2, w: 1, h: 1 }, capacityM3s: 0.01 }],
      rain: { mmPerH: 20 },
    });
    expect(spec.sources[0]).toEqual({ id: 'river', kind: 'river', rect: { x: 0, y: 0, w: 1, h: 3 }, inflowM3s: 12, startS: 0, riseS: 0, fallS: 0 });
    expect(spec.outflows[0]).toEqual({ kind: 'edge', sides: ['north', 'south', 'east', 'west'] });
    expect(spec.rain).toEqual({ mmPerH: 20, startS: 0 });
  });

  it('rejects typos and unknown keys', () => {
    expect(messagesOf({ elevation: { baseM: 1, stepsM: 2 } })).toEqual(['elevation: Unrecognized key: "stepsM"']);
    expect(messagesOf({ manning: 0.03 })).toEqual([': Unrecognized key: "manning"']);
  });

  it('explains out-of-range values in words an author can act on', () => {
    expect(messagesOf({ manningN: 0.001 })).toEqual(["manningN: Manning's n is at least 0.01 (smooth concrete); use 0.015 for asphalt, 0.035 for grass"]);
    expect(messagesOf({ elevation: { rows: ['01 2'] } })).toEqual([
      'elevation.rows.0: write each cell as a digit 0-9 or a lower-case letter a-z (a = 10 steps … z = 35 steps); no spaces',
    ]);
    expect(messagesOf({ rain: { mmPerH: -1 } })).toEqual(['rain.mmPerH: rain cannot be negative']);
    expect(messagesOf({ sources: [{ id: 'b', rect: { x: 0, y: 0, w: 1, h: 1 }, inflowM3s: 5, startS: 100, riseS: 60, endS: 120 }] })).toEqual([
      'sources.0.endS: endS comes before the inflow has finished rising: use endS ≥ startS + riseS',
    ]);
    expect(messagesOf({ outflows: [{ kind: 'edge', sides: [] }] })).toEqual(['outflows.0.sides: name at least one side: "north", "south", "east" or "west"']);
    expect(messagesOf({ sources: [{ id: 'r', rect: { x: 0, y: 0, w: 1, h: 1 }, inflowM3s: -2 }] })).toEqual([
      'sources.0.inflowM3s: an inflow cannot be negative (to take water out, use an outflow)',
    ]);
  });

  it('accepts the example of the elevation TSDoc', () => {
    const spec = floodSpecSchema.parse({
      elevation: {
        baseM: 10,
        stepM: 0.5,
        rows: ['2222', '0000', '2222'],
        shapes: [{ kind: 'slope', rect: { x: 0, y: 1, w: 4, h: 1 }, fromM: 10.3, toM: 10, toward: 'west' }],
      },
    });
    expect(Array.from(buildBedElevation(spec.elevation, 4, 3))).toEqual([11, 11, 11, 11, 10, 10.1, 10.2, 10.3, 11, 11, 11, 11].map(Math.fround));
  });
});

describe('buildBedElevation', () => {
  const build = (elevation: unknown, w: number, h: number) => Array.from(buildBedElevation(floodSpecSchema.parse({ elevation }).elevation, w, h));

  it('reads rows as steps of stepM above baseM, 0-9 then a = 10 … z = 35', () => {
    expect(build({ baseM: 2, stepM: 0.25, rows: ['09', 'az'] }, 2, 2)).toEqual([2, 4.25, 4.5, 10.75]);
  });

  it('applies shapes in order: level, raise (negative digs), and slopes toward each side', () => {
    expect(
      build(
        {
          baseM: 1,
          shapes: [
            { kind: 'level', rect: { x: 0, y: 0, w: 2, h: 1 }, elevationM: 5 },
            { kind: 'raise', rect: { x: 1, y: 0, w: 2, h: 1 }, byM: -0.5 },
          ],
        },
        3,
        1,
      ),
    ).toEqual([5, 4.5, 0.5]);
    const slope = (toward: string) => build({ shapes: [{ kind: 'slope', rect: { x: 0, y: 0, w: 3, h: 3 }, fromM: 0, toM: 2, toward }] }, 3, 3);
    expect(slope('east')).toEqual([0, 1, 2, 0, 1, 2, 0, 1, 2]);
    expect(slope('west')).toEqual([2, 1, 0, 2, 1, 0, 2, 1, 0]);
    expect(slope('south')).toEqual([0, 0, 0, 1, 1, 1, 2, 2, 2]);
    expect(slope('north')).toEqual([2, 2, 2, 1, 1, 1, 0, 0, 0]);
  });

  it('clips shapes reaching past the map', () => {
    expect(build({ shapes: [{ kind: 'level', rect: { x: 1, y: 1, w: 10, h: 10 }, elevationM: 3 }] }, 2, 2)).toEqual([0, 0, 0, 3]);
  });

  it('throws when the rows do not match the map (checkFloodSpec tells the author first)', () => {
    expect(() => build({ rows: ['000', '000'] }, 2, 2)).toThrow('elevation.rows[0] has 3 characters but the map is 2 cells wide');
  });
});

describe('checkFloodSpec', () => {
  const wall = Uint8Array.from([0, 0, 0, 1, 1, 0]); // 3 × 2 map, (0,1) and (1,1) are walls

  it('passes a spec that fits the map', () => {
    const spec = floodSpecSchema.parse({
      elevation: { rows: ['000', '111'] },
      sources: [{ id: 'r', rect: { x: 0, y: 1, w: 3, h: 1 }, inflowM3s: 1 }],
    });
    expect(checkFloodSpec(spec, { width: 3, height: 2, wall })).toEqual([]);
  });

  it('names the JSON path of each problem and how to fix it', () => {
    const spec = floodSpecSchema.parse({
      elevation: { rows: ['000'], shapes: [{ kind: 'raise', rect: { x: 5, y: 0, w: 1, h: 1 }, byM: 1 }] },
      sources: [
        { id: 'r', rect: { x: 0, y: 1, w: 2, h: 1 }, inflowM3s: 1 },
        { id: 'r', rect: { x: 0, y: 9, w: 1, h: 1 }, inflowM3s: 1 },
      ],
      outflows: [{ kind: 'drain', id: 'd', rect: { x: 3, y: 0, w: 1, h: 1 }, capacityM3s: 1 }],
      initialWater: [{ rect: { x: 0, y: 2, w: 1, h: 1 }, surfaceM: 1 }],
    });
    const size = 'the map is 3 × 2 cells (x 0 to 2, y 0 to 1)';
    expect(checkFloodSpec(spec, { width: 3, height: 2, wall }, ['hazards', 1])).toEqual([
      {
        path: 'hazards[1].elevation.rows',
        message: 'elevation.rows has 1 rows but the map has 2',
        hint: 'write one row per map row and one character per map column',
      },
      { path: 'hazards[1].elevation.shapes[0].rect', message: 'the rectangle lies outside the map', hint: size },
      { path: 'hazards[1].sources[0].rect', message: 'source "r" covers only walls', hint: `${size}; put the source on open ground` },
      { path: 'hazards[1].sources[1].rect', message: 'source "r" lies outside the map', hint: `${size}; put the source on open ground` },
      { path: 'hazards[1].outflows[0].rect', message: 'drain "d" lies outside the map', hint: `${size}; put the drain on open ground` },
      { path: 'hazards[1].initialWater[0].rect', message: 'the rectangle lies outside the map', hint: size },
      { path: 'hazards[1].sources[1].id', message: 'the id "r" is used twice', hint: 'give every source and drain its own id' },
    ]);
  });
});

describe('createFlood', () => {
  const grid = (w: number, h: number) => ({ width: w, height: h, cellSizeM: 1, bedElevationM: new Float32Array(w * h), wall: new Uint8Array(w * h) });

  it('throws on programmer errors: mismatched arrays, a source with no open cell', () => {
    const spec = floodSpecSchema.parse({});
    expect(() => createFlood({ ...grid(2, 2), bedElevationM: new Float32Array(3) }, spec)).toThrow('bedElevationM has 3 cells, the grid 4');
    const walled = { ...grid(2, 1), wall: Uint8Array.from([1, 1]) };
    const withSource = floodSpecSchema.parse({ sources: [{ id: 'r', rect: { x: 0, y: 0, w: 2, h: 1 }, inflowM3s: 1 }] });
    expect(() => createFlood(walled, withSource)).toThrow('source "r" has no open cell');
  });

  it('fills initial water up to its surface, leaving higher ground and walls dry', () => {
    const g = { ...grid(4, 1), bedElevationM: Float32Array.from([0, 0.5, 2, 0]), wall: Uint8Array.from([0, 0, 0, 1]) };
    const flood = createFlood(g, floodSpecSchema.parse({ initialWater: [{ rect: { x: 0, y: 0, w: 4, h: 1 }, surfaceM: 1.5 }] }));
    expect(Array.from(flood.depthM)).toEqual([1.5, 1, 0, 0]);
    expect(flood.initialVolumeM3).toBe(2.5);
  });
});
