import { z } from 'zod';

const days = (what: string, min: number) =>
  z
    .number()
    .min(min, min === 0 ? `${what} cannot be negative` : `${what} must be at least ${min} days`)
    .max(365, `${what} is at most 365 days`);
const shape = z
  .number()
  .min(0.2, 'a shape is at least 0.2 (1 is exponential, the most common choice)')
  .max(100, 'a shape is at most 100 (almost the same length for everyone)');
const share = (what: string) => z.number().min(0, `${what} is between 0 and 1`).max(1, `${what} is between 0 and 1 (use 0.25 for 25%)`);
const weight = z.number().min(0, 'a contact weight cannot be negative (use 0 for no contacts of this kind)').max(1000, 'at most 1000');

/**
 * An infectious disease spreading among residents by contact, for drills lasting days or weeks (SEIR:
 * susceptible, exposed (infected, not yet infectious), infectious, removed (recovered or dead, immune)).
 *
 * Transmission: each infectious resident makes effective contacts at β per day, shared between three
 * settings by `contacts` (normalised to shares): their household, the other households of their building,
 * and the whole community (well mixed). β is `transmissionPerDay`, or `r0` / `infectiousPeriodDays` — the
 * basic reproduction number of a large well-mixed population (with household contacts, the realised
 * number is lower, since household members run out). People living alone, or alone in their building, lose
 * that share of their contacts: for a well-mixed model set `contacts` to { household: 0, building: 0,
 * community: 1 }.
 */
export const epidemicSpecSchema = z
  .strictObject({
    r0: z
      .number()
      .min(0, 'R0 cannot be negative')
      .max(30, 'R0 is at most 30 (measles is 12–18)')
      .optional()
      .describe(
        'Basic reproduction number: people one case infects in a fully susceptible, well-mixed population (seasonal flu about 1.3, COVID-19 about 2.5–3).',
      ),
    transmissionPerDay: z
      .number()
      .min(0, 'a transmission rate cannot be negative')
      .max(100, 'at most 100 per day')
      .optional()
      .describe('β, effective contacts per infectious person per day; give this or r0, not both.'),
    latentPeriodDays: days('the latent period', 0)
      .default(2)
      .describe('Mean time from infection to becoming infectious, days; 0 for a disease infectious at once (SIR).'),
    latentShape: shape.default(1).describe('Shape of the gamma-distributed latent period: 1 exponential (memoryless), larger for a more regular length.'),
    infectiousPeriodDays: days('the infectious period', 0.01).default(5).describe('Mean time a case stays infectious, days.'),
    infectiousShape: shape.default(1).describe('Shape of the gamma-distributed infectious period: 1 exponential, larger for a more regular length.'),
    initialInfectedCount: z
      .int('use a whole number of people')
      .min(0, 'cannot be negative')
      .max(2_000_000, 'at most 2,000,000')
      .optional()
      .describe('Residents infectious at the start, chosen at random; give this or initialInfectedShare. Default 1.'),
    initialInfectedShare: share('the initial share')
      .optional()
      .describe('Share of residents infectious at the start (rounded to whole people); give this or initialInfectedCount.'),
    contacts: z
      .strictObject({
        household: weight.default(0.3).describe('Weight of contacts within the household.'),
        building: weight.default(0.2).describe('Weight of contacts with other households of the same building (stairwell, lift, shared rooms).'),
        community: weight.default(0.5).describe('Weight of contacts with anyone in the community (shops, transport, school).'),
      })
      .prefault({})
      .refine((c) => c.household + c.building + c.community > 0, { message: 'give at least one contact weight above 0' })
      .describe('Where infectious contacts happen, as relative weights (they are scaled to add up to 1).'),
    isolation: z
      .strictObject({
        testingPerDay: z
          .number()
          .min(0, 'a testing rate cannot be negative (use 0 for no testing)')
          .max(24, 'at most 24 per day')
          .default(0)
          .describe('Rate at which infectious residents are found (tested, reported), per day: 0.5 finds a case in 2 days on average.'),
        effectiveness: share('effectiveness').default(0.8).describe('Share of contacts outside the household an isolated resident avoids, 0 to 1.'),
        quarantineHousehold: z.boolean().default(true).describe('Whether the whole household of a found case stays at home too.'),
        quarantineDays: days('the quarantine', 0).default(10).describe('How long a household stays at home after its last found case, days.'),
        supplyUnitsPerPersonPerDay: z
          .number()
          .min(0, 'cannot be negative')
          .max(1000, 'at most 1000')
          .default(1)
          .describe('Supplies (food, medicine parcels) each isolated person needs per day, to be delivered.'),
      })
      .prefault({})
      .describe('Finding and isolating cases, and what isolated households need.'),
    stepMinutes: z
      .number()
      .min(1, 'a step is at least 1 minute')
      .max(1440, 'a step is at most 1440 minutes (a day)')
      .default(60)
      .describe('Length of the epidemic’s own time step, minutes: results do not depend on the simulation’s tick.'),
  })
  .refine((s) => (s.r0 === undefined) !== (s.transmissionPerDay === undefined), {
    message: 'give exactly one of r0 and transmissionPerDay',
    path: ['r0'],
  })
  .refine((s) => s.initialInfectedCount === undefined || s.initialInfectedShare === undefined, {
    message: 'give initialInfectedCount or initialInfectedShare, not both',
    path: ['initialInfectedShare'],
  })
  .refine((s) => s.stepMinutes <= (s.infectiousPeriodDays * 1440) / 5 && (s.latentPeriodDays === 0 || s.stepMinutes <= (s.latentPeriodDays * 1440) / 5), {
    message: 'the step is too long for the periods: use stepMinutes at most a fifth of the shorter of the latent and infectious periods',
    path: ['stepMinutes'],
  });
/** An epidemic as validated, defaults filled in. */
export type EpidemicSpec = z.infer<typeof epidemicSpecSchema>;
/** An epidemic as an author writes it (defaults optional). */
export type EpidemicSpecInput = z.input<typeof epidemicSpecSchema>;
