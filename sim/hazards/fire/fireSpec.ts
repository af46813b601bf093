import { z } from 'zod';
import { LIMITS } from '../../scenario/limits';
import { atS, rectSchema } from '../../scenario/primitives';
import { windFromDeg, windSpeedMps } from '../windSchema';

/** Most ignition cells one fire may list (a row or column of a large map, with room to spare). */
export const MAX_IGNITION_CELLS = 10_000;
/** Most fuel areas one fire may list. */
export const MAX_FUEL_AREAS = 1000;

const cellX = z.int('use a whole number of cells').min(0, 'columns are counted from 0 at the left').max(LIMITS.mapColumns, `at most ${LIMITS.mapColumns}`);
const cellY = z.int('use a whole number of cells').min(0, 'rows are counted from 0 at the top').max(LIMITS.mapRows, `at most ${LIMITS.mapRows}`);
const metres = z.number().min(0, 'positions are measured from the top-left corner of the map: use 0 or more').max(1e6, 'at most 1,000,000 m');
/** Fuel load relative to a typical room of an old residential building (1). */
const fuelLoad = z.number().min(0, 'fuel cannot be negative: use 0 for cells that do not burn').max(10, 'at most 10 (10 times a typical building)');

/** Where the fire starts: a point in metres, a list of cells, or a rectangle of cells. */
export const fireIgnitionSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('point'),
    xM: metres.describe('Metres from the left edge of the map.'),
    yM: metres.describe('Metres from the top edge of the map.'),
  }),
  z.strictObject({
    kind: z.literal('cells'),
    cells: z
      .array(z.strictObject({ x: cellX, y: cellY }))
      .min(1, 'list at least one cell, for example [{ "x": 3, "y": 4 }]')
      .max(MAX_IGNITION_CELLS, `at most ${MAX_IGNITION_CELLS} cells: use "kind": "rect" for a large area`),
  }),
  z.strictObject({ kind: z.literal('rect'), rect: rectSchema }),
]);

const FUEL_BY_KIND_DEFAULT = { open: 0, road: 0, building: 1, wall: 0, water: 0, exit: 0, shelter: 0 } as const;

/**
 * A fire and the smoke it makes, as a scenario author writes it. Spread is a front moving through cells
 * with fuel at `spreadRateMps` (pushed by the wind), each cell burning for `burnDurationS`; smoke comes off
 * burning cells, drifts with the wind, spreads out and fades.
 */
export const fireSpecSchema = z.strictObject({
  ignition: fireIgnitionSchema.describe(
    'Where the fire starts: { "kind": "point", "xM", "yM" }, { "kind": "cells", "cells": [...] } or { "kind": "rect", "rect" }.',
  ),
  startS: atS.default(0).describe('When the fire starts, seconds after the start of the run.'),
  spreadModel: z
    .enum(['round', 'grid4'])
    .default('round')
    .describe('"round": the front spreads to 16 neighbours and stays round on the grid; "grid4": only to the 4 cells sharing an edge (site percolation).'),
  spreadRateMps: z
    .number()
    .positive('the spread rate must be more than 0 m/s')
    .max(10, 'at most 10 m/s (a fast grass fire is about 1 m/s; fire inside buildings about 0.01 to 0.05 m/s)')
    .default(0.02)
    .describe('Speed of the fire front through fuel of load 1 without wind, m/s. 0.02 m/s (1.2 m per minute) suits old residential buildings.'),
  spreadVariability: z
    .number()
    .min(0, 'use 0 for cells that catch fire the moment the front reaches them')
    .max(0.9, 'at most 0.9 (of the time the front takes to cross a cell)')
    .default(0.5)
    .describe(
      'How ragged the burning edge is: each cell catches fire a random 0 to this share of a cell-crossing time after the front reaches it. The front keeps its speed and shape.',
    ),
  burnDurationS: z
    .number()
    .min(1, 'a cell burns for at least 1 s')
    .max(86_400, 'at most 86,400 s (a day)')
    .default(1200)
    .describe('How long a cell burns before it is burnt out, s. Heat rises over the first 20% and falls over the last 30%.'),
  fuelByCellKind: z
    .strictObject({
      open: fuelLoad.default(FUEL_BY_KIND_DEFAULT.open),
      road: fuelLoad.default(FUEL_BY_KIND_DEFAULT.road),
      building: fuelLoad.default(FUEL_BY_KIND_DEFAULT.building),
      wall: fuelLoad.default(FUEL_BY_KIND_DEFAULT.wall),
      water: fuelLoad.default(FUEL_BY_KIND_DEFAULT.water),
      exit: fuelLoad.default(FUEL_BY_KIND_DEFAULT.exit),
      shelter: fuelLoad.default(FUEL_BY_KIND_DEFAULT.shelter),
    })
    .prefault({})
    .describe('Fuel load of each cell kind, 1 = a typical building. By default only buildings burn.'),
  fuelAreas: z
    .array(
      z.strictObject({
        rect: rectSchema,
        fuel: fuelLoad.describe('Fuel load in the rectangle: 0 for a firebreak, about 0.5 for gardens and hedges, 1 for buildings.'),
      }),
    )
    .max(MAX_FUEL_AREAS, `at most ${MAX_FUEL_AREAS} fuel areas`)
    .default([])
    .describe("Rectangles whose fuel replaces the cell kind's (vegetation, stores, firebreaks); later ones win."),
  fuelProbability: z
    .number()
    .min(0, 'use a share from 0 (no cell keeps its fuel) to 1 (every cell does)')
    .max(1, 'use a share from 0 to 1 (1: every cell with fuel keeps it)')
    .default(1)
    .describe(
      'Chance that each cell with fuel keeps it, drawn anew for every run from the run\'s seed: below 1 the fuel is patchy (scattered huts, dry brush). With spreadModel "grid4" this is site percolation.',
    ),
  wind: z
    .strictObject({
      speedMps: windSpeedMps(0),
      fromDeg: windFromDeg,
      spreadFactorPerMps: z
        .number()
        .min(0, 'use 0 for a fire the wind does not push')
        .max(2, 'at most 2 per m/s')
        .default(0.15)
        .describe('How much the wind pushes the front: downwind it moves (1 + factor × speed) times faster, upwind that many times slower.'),
    })
    .prefault({})
    .describe('The wind: it pushes the front and carries the smoke.'),
  smoke: z
    .strictObject({
      productionPerM2S: z
        .number()
        .min(0, 'use 0 for a fire without smoke')
        .max(1000, 'at most 1000')
        .default(1)
        .describe('Smoke made by each square metre of fully burning fuel of load 1, smoke units per second.'),
      diffusivityM2ps: z
        .number()
        .min(0, 'use 0 for smoke that does not spread out')
        .max(100, 'at most 100 m²/s')
        .default(1)
        .describe('How fast smoke spreads out (turbulent diffusivity), m²/s.'),
      decayPerS: z
        .number()
        .min(0, 'use 0 for smoke that never fades')
        .max(1, 'at most 1 per second')
        .default(0.005)
        .describe('Share of smoke that rises away or settles each second.'),
      fullIntensityPerM2: z
        .number()
        .positive('must be more than 0')
        .max(1e6, 'at most 1,000,000')
        .default(1)
        .describe('Smoke (units per m²) that people and sensors perceive as strongly as flames.'),
    })
    .prefault({})
    .describe('Smoke from burning cells: how much, how fast it spreads out and fades, and how strong it looks.'),
  perceptionStep: z
    .number()
    .min(0.004, 'at least 0.004 (1/255)')
    .max(0.5, 'at most 0.5')
    .default(0.05)
    .describe('Perceived intensity is rounded down to steps of this size; only cells whose step changes are reported.'),
});

/** A validated fire spec (defaults filled in). */
export type FireSpec = z.infer<typeof fireSpecSchema>;
/** A fire spec as written (defaults optional). */
export type FireSpecInput = z.input<typeof fireSpecSchema>;
/** Where a fire starts. */
export type FireIgnition = FireSpec['ignition'];
