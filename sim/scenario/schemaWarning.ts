import { z } from 'zod';
import { earthquakeSpecSchema } from '../hazards/earthquake/earthquakeSpec';
import { epidemicSpecSchema } from '../hazards/epidemic/spec';
import { fireSpecSchema } from '../hazards/fire/fireSpec';
import { floodSpecSchema } from '../hazards/flood/schema';
import { plumeSpecSchema } from '../hazards/plume/spec';
import { durationDistributionSchema } from './distributions';
import { LIMITS } from './limits';
import { atS, id, languageSchema, perMinute, share, text } from './primitives';
import { governanceLeverShape } from './schemaGovernance';

/** A point on the map in cells: x is the column, y the row, from 0 at the top-left. */
export const cellPointSchema = z.strictObject({
  x: z.int('use a whole number of cells').min(0).max(LIMITS.mapColumns),
  y: z.int('use a whole number of cells').min(0).max(LIMITS.mapRows),
});

export const CHANNEL_KINDS = ['app', 'sms', 'loudspeaker', 'broadcast'] as const;

/**
 * A warning channel. A resident it reaches notices a message at `ratePerMin` (so after about 1/rate
 * minutes on average); who it reaches depends on its kind: the group-chat app needs a phone and a place in
 * the group chat, SMS a phone, a loudspeaker being within range of one of its speakers, broadcast (TV,
 * radio) nothing. Door-to-door warnings are carried by volunteers (see volunteer tasks), not by a channel.
 */
export const channelSchema = z.strictObject({
  id,
  name: text.optional(),
  kind: z.enum(CHANNEL_KINDS),
  ratePerMin: perMinute
    .optional()
    .describe('How fast a reached, awake resident notices a message. Default by kind: app 0.3, sms 0.5, loudspeaker 1, broadcast 0.2.'),
  reliability: share.default(1).describe('Share of residents it can reach who actually get its messages (network load, muted phones).'),
  asleepFactor: share.optional().describe('Rate multiplier for residents asleep at night. Default by kind: app 0.05, sms 0.1, loudspeaker 0.4, broadcast 0.'),
  speakers: z.array(cellPointSchema).max(1000).optional().describe('Loudspeaker positions; without them a loudspeaker covers the whole map.'),
  rangeM: z.number().positive().max(5000).default(150).describe('Loudspeaker range in metres.'),
  languages: z
    .array(languageSchema)
    .max(50)
    .optional()
    .describe('Languages its messages are given in; residents speaking none of them do not understand. Default: every language.'),
});
export type Channel = z.infer<typeof channelSchema>;

export const WARNING_CONTENTS = ['evacuate', 'shelterInPlace', 'avoidArea'] as const;

/** How residents receive, believe and act on warnings (the protective action decision model). */
export const behaviourSchema = z
  .strictObject({
    initialTrust: share.default(0.7).describe('Trust in official sources at the start, 0 to 1.'),
    neighbourTrust: share.default(0.5).describe('How far residents believe what a neighbour tells them, 0 to 1.'),
    repetitionBoost: z.number().min(0).max(5).default(0.25).describe('Extra belief from each repeated or confirming message.'),
    cueBoost: share.default(0.5).describe('Extra belief when a resident sees the hazard (smoke, water).'),
    socialBoost: share.default(0.3).describe('Extra belief at full share of neighbours already leaving.'),
    rumourPenalty: share.default(0.5).describe('Share by which believing a rumour lowers belief in official warnings.'),
    wordOfMouth: z
      .strictObject({
        ratePerMin: perMinute.default(0.3).describe('q of the Bass model: contact rate at which informed residents pass a warning on.'),
        mixing: z.enum(['local', 'wellMixed']).default('local').describe('"local": within households (fast) and buildings; "wellMixed": anyone to anyone.'),
        householdRatePerMin: perMinute.default(2).describe('How fast members of a household tell each other.'),
      })
      .prefault({}),
    panic: z
      .strictObject({
        growthPerMin: z
          .number()
          .min(0)
          .max(10)
          .default(0.05)
          .describe('Panic growth per minute for residents who sense danger or a rumour and hear nothing official.'),
        silenceS: z.number().min(0).max(1e6).default(300).describe('Silence after which panic starts to grow.'),
        calmPerUpdate: share.default(0.3).describe('Panic removed by an official update.'),
        trustPerUpdate: share.default(0.1).describe('Trust gained from a timely official update.'),
        trustLossPerFalseAlarm: share.default(0.15).describe('Trust lost when a warning turns out to be a false alarm.'),
        trustLossPerContradiction: share.default(0.1).describe('Trust lost when an official message contradicts an earlier one (leave, then stay).'),
        panicPerContradiction: share.default(0.1).describe('Panic added by a contradicting official message.'),
      })
      .prefault({}),
  })
  .prefault({});
export type Behaviour = z.infer<typeof behaviourSchema>;

export const SENSOR_KINDS = ['smoke', 'gas', 'waterLevel', 'camera'] as const;

/** An IoT sensor watching the hazard field around it and alerting the community's duty desk. */
export const sensorSchema = z.strictObject({
  id,
  name: text.optional(),
  kind: z.enum(SENSOR_KINDS),
  at: cellPointSchema,
  coverageM: z.number().positive().max(5000).default(15).describe('Radius it watches, in metres.'),
  threshold: z
    .number()
    .min(0, 'the threshold is a hazard intensity between 0 and 1')
    .max(1, 'the threshold is a hazard intensity between 0 and 1')
    .default(0.2)
    .describe('Hazard intensity (0 to 1) that trips it.'),
  delayS: z.number().min(0).max(1e5).default(10).describe('From tripping to the alert at the duty desk.'),
  missProbability: share.default(0.05).describe('Chance that it fails to trip on a real hazard.'),
  falseAlarmsPerDay: z.number().min(0).max(1000).default(0.05).describe('False alarms it raises per day.'),
  outages: z
    .array(z.strictObject({ fromS: atS, toS: atS }))
    .max(100)
    .default([])
    .describe('Periods when it is off (power, network).'),
});
export type Sensor = z.infer<typeof sensorSchema>;

export const HAZARD_CUES = ['fire', 'smoke', 'gas', 'water'] as const;

/**
 * A hazard area: a disc that starts at `origin` and grows at `growthMps` up to `maxRadiusM`, with intensity
 * 1 inside. It stands for any hazard whose physics does not matter to the drill (what sensors and people
 * can see of it).
 */
export const areaHazardSchema = z.strictObject({
  id,
  name: text.optional(),
  kind: z.literal('area'),
  cue: z.enum(HAZARD_CUES).describe('What it looks like to sensors and people: fire, smoke, gas or water.'),
  origin: cellPointSchema,
  startS: atS.optional().describe('When it starts; leave out to start it with a "startHazard" event.'),
  growthMps: z.number().min(0).max(100).default(0.1).describe('How fast its edge moves, m/s.'),
  maxRadiusM: z.number().positive().max(10000).default(50),
});

/** A spreading fire with its smoke (sim/hazards/fire): burning cells block walking, fire and smoke harm. */
export const fireHazardSchema = z.strictObject({ id, name: text.optional(), kind: z.literal('fire'), fire: fireSpecSchema });

/** A gas or chemical release carried by the wind (sim/hazards/plume): harms by dose. */
export const gasHazardSchema = z.strictObject({ id, name: text.optional(), kind: z.literal('gas'), plume: plumeSpecSchema });

/** Water from a river, a breach or rain flowing over the ground (sim/hazards/flood): depth slows, then stops walking. */
export const floodHazardSchema = z.strictObject({ id, name: text.optional(), kind: z.literal('flood'), flood: floodSpecSchema });

/** An infectious disease spreading among residents by contact (sim/hazards/epidemic), over days. */
export const epidemicHazardSchema = z.strictObject({ id, name: text.optional(), kind: z.literal('epidemic'), epidemic: epidemicSpecSchema });

/** An earthquake: buildings damaged by their vulnerability, residents trapped, debris blocking the ways (sim/hazards/earthquake). */
export const earthquakeHazardSchema = z.strictObject({ id, name: text.optional(), kind: z.literal('earthquake'), earthquake: earthquakeSpecSchema });

export const hazardSchema = z.discriminatedUnion('kind', [
  areaHazardSchema,
  fireHazardSchema,
  gasHazardSchema,
  floodHazardSchema,
  epidemicHazardSchema,
  earthquakeHazardSchema,
]);
export type Hazard = z.infer<typeof hazardSchema>;

/**
 * How exposure harms residents. Dose is measured in seconds at full hazard intensity: a resident standing
 * in a cell of intensity 0.5 for 60 s takes a dose of 30.
 */
export const harmSchema = z
  .strictObject({
    injuredAtDose: z
      .number()
      .positive()
      .max(1e7)
      .default(60)
      .describe('Dose (seconds at full intensity) at which a resident is injured: it then walks at half speed.'),
    deceasedAtDose: z.number().positive().max(1e7).default(600).describe('Dose at which a resident dies.'),
    dangerIntensity: share.default(0.2).describe('Intensity from which time spent in a cell counts as exposure (person-seconds in danger).'),
    shelterFactor: share.default(0.2).describe('Share of the dose a resident sheltering in place takes (windows shut, indoors); burning cells harm in full.'),
  })
  .prefault({});

/** How people notice hazards and report them to the duty desk. */
export const detectionSchema = z
  .strictObject({
    noticeRangeM: z.number().min(0).max(1000).default(20).describe('How far residents see a hazard.'),
    reportProbability: share.default(0.2).describe('Chance that a resident who sees a hazard reports it.'),
    reportDelayS: durationDistributionSchema.default({ kind: 'lognormal', mu: 4.5, sigma: 0.6 }).describe('From seeing to the report arriving.'),
    reportsToConfirm: z.int().min(1).max(1000).default(2).describe('Resident reports the duty desk wants before it treats a hazard as real.'),
  })
  .prefault({});

export const VOLUNTEER_TASKS = ['knockDoors', 'escortVulnerable', 'patrol'] as const;

/** Community-level levers of a strategy: what the community has and how it acts. */
export const leversSchema = z
  .strictObject({
    sensors: z.boolean().default(true).describe("Whether the scenario's sensors are installed and working."),
    earlyWarningSystem: z.boolean().default(false).describe('Sensor alerts trigger the warning plan at once, without waiting for the duty desk.'),
    decisionDelayS: z.number().min(0).max(1e6).default(300).describe('Time the duty desk takes from a confirmed alert to the official warning.'),
    warningPlan: z
      .array(
        z.strictObject({
          channel: id.describe('A channel id (door-to-door warnings are volunteer tasks, see volunteerPlan).'),
          afterS: z.number().min(0).max(1e6).default(0).describe('Delay after the decision to warn.'),
          content: z.enum(WARNING_CONTENTS).default('evacuate'),
          zone: z.union([z.literal('all'), id]).default('all'),
          target: z.string().max(LIMITS.idLength).default('nearest-safe'),
          repeatEveryS: z.number().positive('must be greater than 0; leave it out to send the message once').max(1e6).optional(),
        }),
      )
      .max(100)
      .default([])
      .describe('Warnings the duty desk sends once it decides to warn.'),
    avoidHazards: z
      .boolean()
      .default(false)
      .describe('Route people around smoke, gas and water (intensity 0.5 and more), not only around fire and deep water.'),
    officialUpdatesEveryS: z.number().positive().max(1e6).optional().describe('Cadence of official updates after the first warning; leave out for none.'),
    epidemicResponse: z
      .strictObject({
        testingPerDay: z.number().min(0).max(24).optional().describe("Replaces the epidemic's testing rate: how fast cases are found, per day."),
        effectiveness: share.optional().describe('Replaces the share of outside contacts an isolated resident avoids.'),
        quarantineHousehold: z.boolean().optional().describe('Replaces whether the household of a found case stays home.'),
      })
      .optional()
      .describe("How the community finds and isolates cases in an epidemic; leave out to use the epidemic's own settings."),
    volunteerPlan: z
      .array(
        z.strictObject({
          team: id,
          task: z.enum(VOLUNTEER_TASKS),
          zone: z.union([z.literal('all'), id]).default('all'),
          afterS: z.number().min(0).max(1e6).default(0),
        }),
      )
      .max(100)
      .default([])
      .describe('Volunteer tasks started when the community decides to warn.'),
    ...governanceLeverShape,
  })
  .prefault({});
export type Levers = z.infer<typeof leversSchema>;

/** Actions of the warning phase, shared by timeline events and live commands. */
export const warningActionSchemas = [
  z.strictObject({
    kind: z.literal('warn'),
    channel: id.describe('A channel id.'),
    content: z.enum(WARNING_CONTENTS).default('evacuate'),
    zone: z
      .union([z.literal('all'), id])
      .default('all')
      .describe('"all", or a zone or building id.'),
    target: z.string().max(LIMITS.idLength).default('nearest-safe').describe('Where to go when the content is "evacuate".'),
    text: text.optional(),
  }),
  z.strictObject({ kind: z.literal('officialUpdate'), channel: id, text: text.optional() }),
  z.strictObject({
    kind: z.literal('rumour'),
    text: text.optional(),
    content: z.enum(['stayPut', 'panic']).default('stayPut').describe('"stayPut": it is nothing, stay home; "panic": exaggerated danger.'),
    zone: z.union([z.literal('all'), id]).default('all'),
    seedShare: share.default(0.02).describe('Share of residents in the zone who start it.'),
  }),
  z.strictObject({ kind: z.literal('startHazard'), hazard: id }),
  z
    .strictObject({
      kind: z.literal('activatePlan'),
      by: id.optional().describe('An organisation that orders it (the district, the street office): its order is the approval, so nothing waits for one.'),
    })
    .describe("The community decides to warn now: starts the strategy's warning plan, volunteer plan and updates."),
  z.strictObject({ kind: z.literal('assignVolunteers'), team: id, task: z.enum(VOLUNTEER_TASKS), zone: z.union([z.literal('all'), id]).default('all') }),
] as const;
