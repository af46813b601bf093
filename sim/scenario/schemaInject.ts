import { z } from 'zod';
import { JAM_DENSITY_PPM2 } from '../agents/speedDensity';
import { LIMITS } from './limits';
import { atS, id, rectSchema, share, text } from './primitives';

/**
 * Injects: the drill's master events list. Each brings a message to the trainees and changes the world
 * (any timeline action) when it fires: at a time, when a condition of the simulation holds, or when the
 * facilitator fires it. See docs/scenario-guide.md.
 */

const holdS = z.number().min(0, 'a duration cannot be negative').max(1e6, 'at most 1,000,000 s').default(0);

/** Figures a metric condition may watch: shares are 0 to 1, the others counts of residents. */
export const INJECT_METRICS = [
  'safeShare',
  'informedShare',
  'compliedShare',
  'rumourReach',
  'safe',
  'sheltering',
  'awaitingHelp',
  'injured',
  'deceased',
  'trapped',
] as const;
export type InjectMetric = (typeof INJECT_METRICS)[number];
export const SHARE_METRICS: readonly InjectMetric[] = ['safeShare', 'informedShare', 'compliedShare', 'rumourReach'];

export const injectConditionSchema = z.discriminatedUnion('kind', [
  z
    .strictObject({
      kind: z.literal('crowding'),
      place: id.optional().describe('A zone or building, or an exit or shelter: then the ground in front of it (within aroundM) is measured.'),
      rect: rectSchema.optional().describe('Or a rectangle of cells to measure.'),
      aroundM: z.number().positive().max(100).default(3).describe('For an exit or shelter: how far in front of it people count, m.'),
      abovePersonsPerM2: z
        .number()
        .positive('a density above 0 persons/m²')
        .max(JAM_DENSITY_PPM2, `crowds are at most ${JAM_DENSITY_PPM2} persons/m² (the jam density)`)
        .describe('Mean density of residents not yet safe over the walkable ground of the area.'),
      forS: holdS.describe('How long the density must stay above the threshold, s.'),
    })
    .describe('Crowding: residents per m² of walkable ground at a place or in a rectangle.'),
  z
    .strictObject({
      kind: z.literal('metric'),
      metric: z.enum(INJECT_METRICS),
      atLeast: z.number().min(0).max(LIMITS.residents).optional(),
      atMost: z.number().min(0).max(LIMITS.residents).optional(),
      forS: holdS.describe('How long the figure must stay in range, s.'),
    })
    .describe('A figure of the run at least (and/or at most) a value: shares 0 to 1, counts in residents.'),
  z
    .strictObject({ kind: z.literal('phase'), phase: z.enum(['monitoring', 'response', 'recovery']) })
    .describe('The run is in this phase (watching, responding, recovering).'),
  z
    .strictObject({
      kind: z.literal('stillHome'),
      zone: z.union([z.literal('all'), id]).describe('"all", or a zone or building: where the residents lived at the start.'),
      shareAtLeast: share.describe('Share of them still at home (not left, whether idle, preparing, sheltering or waiting for help).'),
    })
    .describe('Residents who have not left home yet.'),
  z
    .strictObject({
      kind: z.literal('after'),
      inject: id.describe('Another inject.'),
      afterS: z.number().min(0).max(1e7).default(0).describe('Seconds after that inject fired.'),
    })
    .describe('Some time after another inject fired; never if it was skipped.'),
]);
export type InjectCondition = z.infer<typeof injectConditionSchema>;

/**
 * The list of injects, given the schema of their effects (the timeline's actions, from schema.ts, which
 * imports this file).
 */
export function injectListSchema<Effect extends z.ZodType>(effect: Effect) {
  // At most 1,000: the console lists them all and each frame carries their state (a drill's events list, not a data set).
  return z
    .array(
      z.strictObject({
        id,
        title: text.min(1, 'give the inject a title'),
        message: text.optional().describe('What the trainees are told when it fires.'),
        atS: atS.optional().describe('When it fires; with a condition, the earliest time it may. Leave out both for an inject the facilitator fires.'),
        condition: injectConditionSchema.optional().describe('It fires when this holds (checked once a simulated second).'),
        effects: z.array(effect).max(100).default([]).describe('What happens in the world when it fires: timeline actions, without atS.'),
      }),
    )
    .max(1000, 'at most 1,000 injects')
    .default([]);
}

/** Live commands of the facilitator's console: fire an inject now, put it off, or drop it. */
export const injectCommandSchemas = [
  z.strictObject({ kind: z.literal('fireInject'), inject: id.describe('An inject id.') }),
  z.strictObject({
    kind: z.literal('delayInject'),
    inject: id.describe('An inject id.'),
    byS: z.number().positive('delay by more than 0 s').max(1e7).describe('It may fire no sooner than this long after its due time (or now), s.'),
  }),
  z.strictObject({ kind: z.literal('skipInject'), inject: id.describe('An inject id: it will not fire.') }),
] as const;
