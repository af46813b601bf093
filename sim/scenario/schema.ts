import { z } from 'zod';
import { durationDistributionSchema, speedDistributionSchema } from './distributions';
import { LIMITS, SCHEMA_VERSION } from './limits';
import { atS, id, languageSchema, rectSchema, share, text } from './primitives';
import { governanceActionSchemas, governanceSchema } from './schemaGovernance';
import { injectCommandSchemas, injectListSchema } from './schemaInject';
import { objectivesSchema } from './schemaObjectives'; // objectives (after-action report): one line
import { outageSchema } from './schemaOutage';
import { behaviourSchema, channelSchema, detectionSchema, harmSchema, hazardSchema, leversSchema, sensorSchema, warningActionSchemas } from './schemaWarning';

export { type Rect, rectSchema } from './primitives';

export const CELL_KINDS = ['open', 'road', 'building', 'wall', 'water', 'exit', 'shelter'] as const;
export type CellKindName = (typeof CELL_KINDS)[number];

const legendEntry = z.union([
  z.enum(CELL_KINDS),
  z.strictObject({ cell: z.enum(CELL_KINDS), place: id.describe('Id of the place (in "places") these cells belong to.') }),
]);

export const mapSchema = z.strictObject({
  cellSizeM: z.number().min(0.25, 'cells are at least 0.25 m').max(10, 'cells are at most 10 m').describe('Edge of one square cell in metres.'),
  rows: z
    .array(z.string().min(1, 'a map row cannot be empty').max(LIMITS.mapColumns, `a row has at most ${LIMITS.mapColumns} characters`))
    .min(1, 'the map needs at least one row')
    .max(LIMITS.mapRows, `the map has at most ${LIMITS.mapRows} rows`)
    .describe('The map drawn in characters, one string per row, top row first. Every character must be in the legend.'),
  legend: z
    .record(z.string().length(1, 'each legend key is a single character'), legendEntry)
    .describe('What each map character means: a cell kind, or { "cell": kind, "place": id }.'),
});

const placeBase = { id, name: text.optional(), description: text.optional() };
export const placeSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    ...placeBase,
    kind: z.literal('building'),
    floors: z.int().min(1).max(200).optional().describe('Storeys; residents live on all of them and must come down to leave. Default 1.'),
    lift: z.boolean().default(false).describe('Whether a lift serves the floors; it stops in a power cut.'),
  }),
  z.strictObject({
    ...placeBase,
    kind: z.literal('exit'),
    flowCapacityPps: z
      .number()
      .positive()
      .max(1000)
      .optional()
      .describe('People per second the exit lets through. Default: 1.3 persons/(m·s) times its width.'),
    closed: z.boolean().optional().describe('Closed at the start.'),
  }),
  z.strictObject({
    ...placeBase,
    kind: z.literal('shelter'),
    capacityPersons: z.int().min(1).max(LIMITS.residents).optional().describe('How many people it holds. Default: unlimited.'),
    closed: z.boolean().optional().describe('Closed at the start.'),
  }),
  z.strictObject({ ...placeBase, kind: z.literal('zone'), rect: rectSchema.describe('The zone, in cells.') }),
]);
export type Place = z.infer<typeof placeSchema>;

export const AGE_GROUPS = ['under30', '30to50', 'over50'] as const;
export const MOBILITY = ['normal', 'limited', 'bedridden'] as const;

export const placementSchema = z.discriminatedUnion('kind', [
  z
    .strictObject({ kind: z.literal('buildings'), buildings: z.array(id).min(1).max(LIMITS.places) })
    .describe('Spread over these buildings, in proportion to their size.'),
  z.strictObject({ kind: z.literal('allBuildings') }).describe('Spread over every building, in proportion to their size.'),
  z.strictObject({ kind: z.literal('rect'), rect: rectSchema }).describe('Spread over the walkable cells of a rectangle.'),
  z
    .strictObject({
      kind: z.literal('points'),
      pointsM: z
        .array(z.tuple([z.number().min(0), z.number().min(0)]))
        .min(1)
        .max(LIMITS.residents),
    })
    .describe('Exact positions in metres from the top-left corner, one per person, in order.'),
]);
export type Placement = z.infer<typeof placementSchema>;

export const groupSchema = z.strictObject({
  id,
  name: text.optional(),
  count: z
    .int('count is a whole number of people')
    .min(0, 'count cannot be negative')
    .max(LIMITS.residents, `at most ${String(LIMITS.residents).replace(/\B(?=(\d{3})+$)/g, ',')} people in one group`),
  ageGroup: z.enum(AGE_GROUPS).default('30to50'),
  mobility: z.enum(MOBILITY).default('normal'),
  speedMps: speedDistributionSchema.optional().describe('Unobstructed walking speed. Default: the RiMEA range for the age group and mobility.'),
  householdSize: z.int().min(1).max(20).default(1).describe('People of this group living together; a household leaves together.'),
  preMovementS: durationDistributionSchema
    .optional()
    .describe('Time from deciding (or from a direct evacuation order) to starting to move: gathering, dressing, packing. Default: the scenario default.'),
  phoneShare: share.optional().describe('Share with a mobile phone. Default: 0.95, or 0.6 over 50.'),
  groupChatShare: share.optional().describe('Share of phone owners in the community group chat. Default: 0.7, or 0.4 over 50.'),
  asleepAtNightShare: share.default(0.85).describe('Share asleep when the scenario starts at night (23:00 to 06:00).'),
  language: languageSchema.default('local').describe('Language the group understands; channels may be limited to some languages.'),
  placement: placementSchema,
});
export type Group = z.infer<typeof groupSchema>;

const target = z
  .union([z.enum(['nearest-safe', 'nearest-exit', 'nearest-shelter']), id])
  .describe('"nearest-safe", "nearest-exit", "nearest-shelter", or the id of an exit or shelter.');

/** Actions that change the world: timeline events, inject effects and live commands. */
export const worldActionSchemas = [
  z.strictObject({
    kind: z.literal('evacuate'),
    zone: z
      .union([z.literal('all'), id])
      .default('all')
      .describe('"all", or the id of a zone or building.'),
    target: target.default('nearest-safe'),
  }),
  z.strictObject({ kind: z.literal('closeExit'), place: id.describe('An exit or shelter id.') }),
  z.strictObject({ kind: z.literal('openExit'), place: id.describe('An exit or shelter id.') }),
  z.strictObject({ kind: z.literal('blockArea'), rect: rectSchema, reason: text.optional() }),
  z.strictObject({ kind: z.literal('unblockArea'), rect: rectSchema }),
  z.strictObject({ kind: z.literal('message'), title: text, text: text.optional() }),
  ...warningActionSchemas,
  z.strictObject({ kind: z.literal('startOutage'), outage: id.describe('An outage id.') }),
  z.strictObject({ kind: z.literal('endOutage'), outage: id.describe('An outage id: its service is restored now.') }),
  ...governanceActionSchemas,
] as const;

// injects: begin
/** Live commands: the world's actions and the facilitator's inject commands (fire, delay, skip). */
export const actionSchemas = [...worldActionSchemas, ...injectCommandSchemas] as const;
// injects: end

const timed = { atS, id: id.optional().describe('Optional id, so injects can be referred to.') };
export const timelineEventSchema = z.discriminatedUnion('kind', [
  actionSchemas[0].extend(timed),
  actionSchemas[1].extend(timed),
  actionSchemas[2].extend(timed),
  actionSchemas[3].extend(timed),
  actionSchemas[4].extend(timed),
  actionSchemas[5].extend(timed),
  actionSchemas[6].extend(timed),
  actionSchemas[7].extend(timed),
  actionSchemas[8].extend(timed),
  actionSchemas[9].extend(timed),
  actionSchemas[10].extend(timed),
  actionSchemas[11].extend(timed),
  actionSchemas[12].extend(timed),
  actionSchemas[13].extend(timed),
  actionSchemas[14].extend(timed),
  actionSchemas[15].extend(timed),
  actionSchemas[16].extend(timed),
]);

export const strategySchema = z.strictObject({
  id,
  name: text,
  description: text.optional(),
  timeline: z.array(timelineEventSchema).max(LIMITS.timelineEvents).default([]).describe('Pre-planned actions of this strategy.'),
  levers: leversSchema.describe('What the community has and how it acts: sensors, early warning, warning plan, volunteers.'),
});

export const scenarioSchema = z.strictObject({
  $schema: z.string().optional(),
  schemaVersion: z.literal(SCHEMA_VERSION, { error: `schemaVersion must be ${SCHEMA_VERSION}` }),
  id,
  title: text,
  description: text.optional(),
  simulation: z
    .strictObject({
      tickS: z
        .number()
        .min(0.01)
        .max(3600, 'at most 3600 s (an hour)')
        .default(0.25)
        .describe('Simulated seconds per tick. Walking needs short ticks (see the tick check); without movement up to an hour.'),
      durationS: z.number().positive().max(1e7).default(3600).describe('Default length of a run.'),
      metricsEveryS: z.number().positive().max(1e5).default(5).describe('How often the safe share is recorded.'),
      movement: z
        .boolean()
        .default(true)
        .describe('Whether residents walk. Turn it off for long scenarios where nobody leaves (an epidemic over days): ticks may then be long.'),
      startClock: z
        .string()
        .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'write the time of day as "HH:MM", for example "02:30"')
        .default('10:00')
        .describe('Time of day at the start; between 23:00 and 06:00 most residents are asleep.'),
    })
    .prefault({}),
  map: mapSchema,
  places: z.array(placeSchema).max(LIMITS.places).default([]),
  population: z.strictObject({
    defaultPreMovementS: durationDistributionSchema.default({ kind: 'fixed', valueS: 0 }),
    groups: z.array(groupSchema).min(1, 'add at least one group of residents').max(LIMITS.groups),
  }),
  volunteers: z
    .array(
      z.strictObject({
        id,
        name: text.optional(),
        role: z.enum(['volunteers', 'gridWorkers']).default('volunteers'),
        count: z.int().min(0).max(LIMITS.volunteers),
        placement: placementSchema,
        speedMps: z.number().min(0.1).max(5).default(1.3),
      }),
    )
    .max(LIMITS.groups)
    .default([]),
  channels: z.array(channelSchema).max(LIMITS.places).default([]).describe('Warning channels: group-chat app, SMS, loudspeakers, broadcast.'),
  sensors: z.array(sensorSchema).max(LIMITS.places).default([]),
  hazards: z.array(hazardSchema).max(LIMITS.places).default([]),
  behaviour: behaviourSchema,
  detection: detectionSchema,
  harm: harmSchema.describe('How exposure to hazards injures and kills.'),
  outages: z.array(outageSchema).max(LIMITS.places).default([]).describe('Power and telecom failures, planned or caused by hazards.'),
  timeline: z.array(timelineEventSchema).max(LIMITS.timelineEvents).default([]),
  // injects: begin
  injects: injectListSchema(z.discriminatedUnion('kind', [...worldActionSchemas])).describe(
    "The drill's master events list: messages to trainees with their effects, fired at a time, on a condition or by the facilitator.",
  ),
  // injects: end
  objectives: objectivesSchema, // objectives (after-action report): one line
  strategies: z.array(strategySchema).max(LIMITS.strategies).default([]),
  governance: governanceSchema
    .optional()
    .describe('Organisations, who decides what, reporting chains, supplies, shelters and outside support. Leave out for a community that decides alone.'),
});

/** A scenario after validation, with defaults filled in. */
export type Scenario = z.infer<typeof scenarioSchema>;
/** A scenario as an author writes it (defaults optional). */
export type ScenarioInput = z.input<typeof scenarioSchema>;
export type TimelineEvent = z.infer<typeof timelineEventSchema>;
export type Strategy = z.infer<typeof strategySchema>;
export type ScenarioAction = z.infer<(typeof actionSchemas)[number]>;
// injects: begin
/** An action an inject's effects and the timeline may hold (no inject commands). */
export type WorldAction = z.infer<(typeof worldActionSchemas)[number]>;
export type Inject = Scenario['injects'][number];
// injects: end
