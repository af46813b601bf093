import { z } from 'zod';
import { atS, id, rectSchema, text } from '../../scenario/primitives';
import { elevationSchema } from './schemaElevation';

/** A duration in seconds (rise and fall of an inflow). */
const durationS = z.number().min(0, 'a duration cannot be negative').max(1e7, 'at most 10,000,000 s');

/**
 * Water entering the map: a river reach or a breached levee. The inflow follows a trapezoid in time: 0 until
 * `startS`, rising straight to `inflowM3s` over `riseS`, steady until `endS`, falling straight to 0 over
 * `fallS`. It is spread evenly over the cells of `rect` that are not walls. "river" and "breach" behave alike;
 * the kind says what the drill shows.
 */
export const floodSourceSchema = z
  .strictObject({
    id,
    name: text.optional(),
    kind: z.enum(['river', 'breach']).default('river').describe('What the water comes from: a river overtopping its banks or a breach in a levee.'),
    rect: rectSchema.describe('Cells where the water enters, for example the river cells at the map edge or the gap in the levee.'),
    inflowM3s: z
      .number()
      .min(0, 'an inflow cannot be negative (to take water out, use an outflow)')
      .max(100_000, 'at most 100,000 m³/s (more than the Amazon)')
      .describe('Peak inflow in cubic metres per second.'),
    startS: atS.default(0).describe('When water starts to come in, seconds after the start.'),
    riseS: durationS.default(0).describe('Time from startS to the full inflow (a breach widening, a river rising).'),
    endS: atS.optional().describe('When the inflow starts to fall; leave out for an inflow that never stops.'),
    fallS: durationS.default(0).describe('Time from endS until the inflow has stopped.'),
  })
  .refine((s) => s.endS === undefined || s.endS >= s.startS + s.riseS, {
    message: 'endS comes before the inflow has finished rising: use endS ≥ startS + riseS',
    path: ['endS'],
  });
export type FloodSource = z.infer<typeof floodSourceSchema>;

/** Rain falling on every cell that is not a wall (roofs are walls: their water is not modelled). */
export const rainSchema = z
  .strictObject({
    mmPerH: z
      .number()
      .min(0, 'rain cannot be negative')
      .max(500, 'at most 500 mm/h (the heaviest bursts on record are about 300 mm/h)')
      .describe('Rain intensity in millimetres per hour (10 mm/h is heavy rain, 50 mm/h a cloudburst).'),
    startS: atS.default(0).describe('When the rain starts.'),
    endS: atS.optional().describe('When it stops; leave out for rain that never stops.'),
  })
  .refine((r) => r.endS === undefined || r.endS >= r.startS, { message: 'the rain stops before it starts: use endS ≥ startS', path: ['endS'] });

export const MAP_SIDES = ['north', 'south', 'east', 'west'] as const;

/**
 * Where water leaves the map. "edge": water flows freely off the chosen sides of the map (as over a weir;
 * sides not listed are closed, like walls). "drain": storm drains, culverts or pumps that swallow up to
 * `capacityM3s` in total, shared evenly by the cells of `rect` that are not walls.
 */
export const floodOutflowSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('edge'),
    sides: z
      .array(z.enum(MAP_SIDES))
      .min(1, 'name at least one side: "north", "south", "east" or "west"')
      .max(4)
      .default([...MAP_SIDES])
      .describe('Map sides water flows off; north is the top row. Default: all four.'),
  }),
  z.strictObject({
    kind: z.literal('drain'),
    id,
    name: text.optional(),
    rect: rectSchema.describe('Cells with drain inlets.'),
    capacityM3s: z
      .number()
      .min(0, 'a capacity cannot be negative')
      .max(10_000, 'at most 10,000 m³/s')
      .describe('Most water the drain takes, cubic metres per second over all its cells (a street gully takes about 0.01).'),
  }),
]);
export type FloodOutflow = z.infer<typeof floodOutflowSchema>;

/** Water already standing at the start: every cell of `rect` with ground below `surfaceM` is filled up to it. */
export const initialWaterSchema = z.strictObject({
  rect: rectSchema,
  surfaceM: z
    .number()
    .min(-1000, 'a water level is at least -1000 m')
    .max(9000, 'a water level is at most 9000 m')
    .describe('Water surface level, m above the datum (the same datum as the elevation). Cells with higher ground stay dry.'),
});

/**
 * A flood: the ground, where water comes from and leaves, and how rough the ground is. Water depth is solved
 * on the scenario's grid (see `createFlood`); walls of the map are impermeable.
 */
export const floodSpecSchema = z.strictObject({
  elevation: elevationSchema.describe('The ground: baseM everywhere, then rows of digits (steps of stepM), then shapes, in that order.'),
  sources: z.array(floodSourceSchema).max(1000, 'at most 1000 sources').default([]).describe('Rivers and breaches letting water in.'),
  rain: rainSchema.optional().describe('Rain over the whole map.'),
  outflows: z
    .array(floodOutflowSchema)
    .max(1000, 'at most 1000 outflows')
    .default([])
    .describe('Map edges and drains where water leaves. Without any, the map is a closed basin.'),
  initialWater: z.array(initialWaterSchema).max(1000, 'at most 1000 areas').default([]).describe('Ponds, channels or a lake already full at the start.'),
  manningN: z
    .number()
    .min(0.01, "Manning's n is at least 0.01 (smooth concrete); use 0.015 for asphalt, 0.035 for grass")
    .max(0.3, "Manning's n is at most 0.3 (dense brush); use 0.05-0.1 for gardens, hedges and parked cars")
    .default(0.03)
    .describe("Manning's roughness of the ground in s/m^(1/3): 0.015 asphalt, 0.03 mixed streets and lawns, 0.05-0.1 gardens, 0.15 woodland."),
});
/** A flood as validated, defaults filled in. */
export type FloodSpec = z.infer<typeof floodSpecSchema>;
/** A flood as an author writes it (defaults optional). */
export type FloodSpecInput = z.input<typeof floodSpecSchema>;
