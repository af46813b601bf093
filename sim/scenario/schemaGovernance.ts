import { z } from 'zod';
import { LIMITS } from './limits';
import { atS, id, share, text } from './primitives';

/**
 * Co-governance: the organisations of a community and around it, who may decide what, how reports travel
 * between them, and the supplies, shelters and outside support they bring. See docs/scenario-guide.md.
 */

/** Kinds of organisation; the first seven are the community's own, whose staff carry supplies. */
export const ORGANISATION_KINDS = [
  'neighbourhoodCommittee',
  'gridWorkers',
  'partyBranch',
  'propertyManagement',
  'volunteerTeam',
  'socialOrganisation',
  'enterprise',
  'streetOffice',
  'districtGovernment',
  'department',
  'neighbouringCommunity',
] as const;

/** The community's own organisations: their staff carry supplies; offices and departments act through their units. */
export const CARRYING_KINDS: ReadonlySet<string> = new Set(ORGANISATION_KINDS.slice(0, 7));

/**
 * The key decisions of a response. `orderEvacuation` starts the strategy's warning plan (an evacuation or
 * shelter-in-place order), `mobiliseVolunteers` its volunteer plan, `openShelter` its shelter plan,
 * `releaseSupplies` lets staff carry stored supplies to shelters and households, `requestSupport` asks for
 * an outside unit (a fire crew, a medical team, supplies, a neighbouring community's volunteers).
 */
export const DECISIONS = ['orderEvacuation', 'mobiliseVolunteers', 'openShelter', 'releaseSupplies', 'requestSupport'] as const;
export type Decision = (typeof DECISIONS)[number];

export const SUPPLY_ITEMS = ['water', 'food', 'medicine', 'sandbags', 'equipment'] as const;
export type SupplyItem = (typeof SUPPLY_ITEMS)[number];

const amount = z.number().min(0, 'an amount cannot be negative').max(1e9, 'at most 1,000,000,000');
/** Amounts of supplies by item, in units (a ration, a box of medicine, a sandbag). */
export const suppliesSchema = z.strictObject({
  water: amount.optional(),
  food: amount.optional(),
  medicine: amount.optional(),
  sandbags: amount.optional(),
  equipment: amount.optional(),
});
export type Supplies = z.infer<typeof suppliesSchema>;

/** A point on the map in cells. */
const point = z.strictObject({
  x: z.int('use a whole number of cells').min(0).max(LIMITS.mapColumns),
  y: z.int('use a whole number of cells').min(0).max(LIMITS.mapRows),
});

export const SUPPORT_KINDS = ['fireCrew', 'rescueTeam', 'medicalTeam', 'utilityCrew', 'supplies', 'volunteers'] as const;
export type SupportKind = (typeof SUPPORT_KINDS)[number];

/**
 * A unit an organisation can send when asked: a fire or rescue crew frees trapped residents and carries
 * out those waiting for help, a medical team cares for the injured, a utility crew restores power and
 * telecoms, a supply convoy fills the community's first store, volunteers carry supplies.
 */
export const supportUnitSchema = z.strictObject({
  id,
  name: text.optional(),
  kind: z.enum(SUPPORT_KINDS),
  staff: z.int().min(1).max(10_000).default(4).describe('People in the unit.'),
  arrivalS: z.number().min(0).max(1e6).default(900).describe('From dispatch to arriving in the community, s.'),
  supplies: suppliesSchema.optional().describe('What a supply convoy brings.'),
  workS: z
    .number()
    .positive()
    .max(1e6)
    .optional()
    .describe('Time one member takes per task: a rescue (default 600 s), caring for one injured (900 s), a repair (1800 s).'),
});
export type SupportUnit = z.infer<typeof supportUnitSchema>;

export const organisationSchema = z.strictObject({
  id,
  name: text.optional(),
  kind: z.enum(ORGANISATION_KINDS),
  function: z.enum(['fire', 'health', 'police', 'utilities', 'emergency']).optional().describe('What a government department is for.'),
  staff: z.int().min(0).max(100_000).default(0).describe('People who can carry supplies to shelters and households.'),
  at: point.optional().describe('Where its staff start, in cells. Default: the first store.'),
  reportsTo: id.optional().describe('The organisation it passes reports to: one link of the reporting chain.'),
  relayDelayS: z.number().min(0).max(1e6).default(120).describe('Time to pass a report on to the next organisation, s.'),
  responseDelayS: z.number().min(0).max(1e6).default(60).describe('Time from a decision it may take (or an approved one) to acting, s.'),
  approves: z
    .array(z.enum(DECISIONS))
    .max(DECISIONS.length)
    .default([])
    .describe('Decisions of the community it approves when the strategy does not let the community take them at once.'),
  approvalDelayS: z.number().min(0).max(1e6).default(600).describe('Time to consider a request for approval, s.'),
  refusalProbability: share.default(0.1).describe('Chance that it refuses a request; the community then asks again.'),
  support: z.array(supportUnitSchema).max(100).default([]).describe('Units it can send when asked.'),
});
export type Organisation = z.infer<typeof organisationSchema>;

export const governanceSchema = z.strictObject({
  community: id.describe('The organisation that runs the community command post (the neighbourhood committee): it takes the decisions.'),
  organisations: z.array(organisationSchema).min(1).max(LIMITS.places),
  stores: z
    .array(z.strictObject({ id, name: text.optional(), at: point, owner: id.describe('The organisation whose stock it is.'), supplies: suppliesSchema }))
    .max(LIMITS.places)
    .default([])
    .describe('Stored supplies at places on the map.'),
  shelters: z
    .array(z.strictObject({ place: id.describe('A shelter place.'), supplies: suppliesSchema.default({}).describe('Stock at the start.') }))
    .max(LIMITS.places)
    .default([])
    .describe('Shelters that need supplies while people stay in them.'),
  needs: z
    .strictObject({
      shelterPerPersonPerHour: suppliesSchema.default({ water: 0.125, food: 0.125 }).describe('What one sheltered person uses per hour.'),
      householdEveryS: z
        .number()
        .positive()
        .max(1e7)
        .default(21_600)
        .describe('How often a household that cannot go out (sheltering, waiting for help, trapped, isolated) with a vulnerable member needs a delivery.'),
      householdFirstAfterS: z
        .number()
        .min(0)
        .max(1e7)
        .default(3600)
        .describe('When households are first asked what they need, counted from the start of the response.'),
      perHousehold: suppliesSchema.default({ water: 2, food: 2, medicine: 1 }).describe('What one such delivery holds.'),
      lowStockHours: z.number().min(0).max(1000).default(2).describe('A shelter asks for supplies when its stock lasts less than this.'),
    })
    .prefault({}),
  reporting: z
    .strictObject({
      hopErrorProbability: share.default(0.08).describe('Chance that a report is garbled at each hop (wrong place or size).'),
      hopLossProbability: share.default(0.03).describe('Chance that a report is lost at each hop; it is sent again after resendAfterS.'),
      resendAfterS: z.number().positive().max(1e6).default(900),
      wrongReportDelayS: z.number().min(0).max(1e6).default(900).describe('Extra time a unit sent on a wrong report loses finding the right place.'),
    })
    .prefault({}),
  platform: z
    .strictObject({
      delayS: z.number().min(0).max(1e6).default(15).describe('Time for a report on the shared data platform to reach anyone, s.'),
      errorProbability: share.default(0.01),
    })
    .prefault({})
    .describe('The shared data platform, when a strategy turns it on: every report is one hop, fast and rarely wrong.'),
});
export type Governance = z.infer<typeof governanceSchema>;

export const AUTONOMY_LEVELS = ['low', 'medium', 'high'] as const;

/** Decisions the community may take at once at each autonomy level; the others wait for approval. */
export const AUTONOMOUS_DECISIONS: Record<(typeof AUTONOMY_LEVELS)[number], readonly Decision[]> = {
  low: [],
  medium: ['mobiliseVolunteers', 'openShelter'],
  high: DECISIONS,
};

/** Strategy levers of co-governance (part of a strategy's `levers`). */
export const governanceLeverShape = {
  platform: z.boolean().default(false).describe('The shared data platform: reports reach anyone in one fast hop and are rarely wrong.'),
  autonomy: z
    .enum(AUTONOMY_LEVELS)
    .default('medium')
    .describe('"low": every decision waits for approval; "medium": volunteers and shelters at once; "high": all at once.'),
  autonomousDecisions: z
    .array(z.enum(DECISIONS))
    .max(DECISIONS.length)
    .optional()
    .describe('Replaces the autonomy level: exactly the decisions the community may take at once.'),
  volunteerTraining: z
    .enum(['trained', 'untrained'])
    .default('trained')
    .describe('Untrained volunteers and staff walk at 3/4 of their speed and take half as long again at each door and load.'),
  shelterPlan: z
    .array(z.strictObject({ shelter: id, afterS: atS.default(0) }))
    .max(100)
    .default([])
    .describe('Shelters opened once the community decides to act (closed ones are opened; their supplies are watched).'),
  releaseSupplies: z.boolean().default(false).describe('Release stored supplies once the community decides to act.'),
  supportPlan: z
    .array(z.strictObject({ unit: id.describe('A support unit id.'), afterS: atS.default(0) }))
    .max(100)
    .default([])
    .describe('Outside support requested once the community decides to act.'),
};

/** Actions of co-governance, shared by timeline events and live commands; each goes through the community's authority. */
export const governanceActionSchemas = [
  z.strictObject({ kind: z.literal('openShelter'), shelter: id.describe('A shelter place id.') }),
  z.strictObject({ kind: z.literal('releaseSupplies') }).describe('Let staff carry stored supplies to shelters and households in need.'),
  z.strictObject({ kind: z.literal('requestSupport'), unit: id.describe('A support unit id of an organisation.') }),
] as const;
