import { z } from 'zod';
import { id, text } from './primitives';

/**
 * Exercise objectives, in the style of an exercise evaluation guide: what the community should achieve
 * (an objective of a capability such as "Early warning"), each judged by criteria on figures of the run
 * ("firstOfficialWarningS at most 300", "safeShare at least 0.9 by 1800 s"). The after-action report says
 * whether each was met. See docs/scenario-guide.md.
 */

/** How a figure reads: shares 0 to 1, seconds, people, person-seconds, an index 0 to 1, person-hours. */
export type ObjectiveMetricKind = 'share' | 'seconds' | 'count' | 'personS' | 'index' | 'personH';

export interface ObjectiveMetricInfo {
  kind: ObjectiveMetricKind;
  /** Which way is better; null for figures that describe the scenario rather than the response. */
  better: 'higher' | 'lower' | null;
}

const share = (better: 'higher' | 'lower'): ObjectiveMetricInfo => ({ kind: 'share', better });
const seconds: ObjectiveMetricInfo = { kind: 'seconds', better: 'lower' };
const count = (better: 'higher' | 'lower' | null): ObjectiveMetricInfo => ({ kind: 'count', better });

/**
 * The figures criteria may name: every numeric figure of a run's metrics, and three derived from them
 * (vulnerableSafeShare and vulnerableReachedShare: of the vulnerable residents; peakInDanger: the most
 * residents in danger at once, from the exposure over time). Times not reached count as not met.
 */
export const OBJECTIVE_METRICS = {
  residents: count(null),
  safe: count('higher'),
  moving: count(null),
  preparing: count(null),
  idle: count('lower'),
  safeShare: share('higher'),
  firstOrderS: seconds,
  timeTo50PctSafeS: seconds,
  timeTo90PctSafeS: seconds,
  timeTo100PctSafeS: seconds,
  sheltering: count(null),
  awaitingHelp: count('lower'),
  firstDetectionS: seconds,
  firstRealDetectionS: seconds,
  confirmedS: seconds,
  decisionS: seconds,
  falseAlarms: count('lower'),
  residentReports: count(null),
  firstOfficialWarningS: seconds,
  informedShare: share('higher'),
  compliedShare: share('higher'),
  vulnerable: count(null),
  vulnerableReached: count('higher'),
  vulnerableSafe: count('higher'),
  vulnerableSafeShare: share('higher'),
  vulnerableReachedShare: share('higher'),
  rumourReach: share('lower'),
  meanPanic: { kind: 'index', better: 'lower' },
  peakPanic: { kind: 'index', better: 'lower' },
  meanTrust: { kind: 'index', better: 'higher' },
  injured: count('lower'),
  deceased: count('lower'),
  trapped: count(null),
  rescued: count('higher'),
  exposurePersonS: { kind: 'personS', better: 'lower' },
  peakInDanger: count('lower'),
  responseStartS: seconds,
  recoveryStartS: seconds,
  recoveryIndex: { kind: 'index', better: 'higher' },
  evacuationOrderLatencyS: seconds,
  meanApprovalWaitS: seconds,
  approvalRefusals: count('lower'),
  reportsSent: count(null),
  meanReportDelayS: seconds,
  reportErrors: count('lower'),
  reportsLost: count('lower'),
  suppliesNeeded: count(null),
  suppliesDelivered: count('higher'),
  supplyMetShare: share('higher'),
  unmetNeeds: count('lower'),
  shelterOccupancy: count(null),
  shelterUnmetPersonH: { kind: 'personH', better: 'lower' },
  injuredCaredFor: count('higher'),
  servicesRestored: count('higher'),
  firstSupportArrivalS: seconds,
} as const satisfies Record<string, ObjectiveMetricInfo>;

export type ObjectiveMetric = keyof typeof OBJECTIVE_METRICS;
export const OBJECTIVE_METRIC_NAMES = Object.keys(OBJECTIVE_METRICS) as [ObjectiveMetric, ...ObjectiveMetric[]];

const target = z.number().min(0, 'figures are never negative').max(1e9, 'at most 1,000,000,000');

export const criterionSchema = z
  .strictObject({
    metric: z.enum(OBJECTIVE_METRIC_NAMES).describe('A figure of the run: shares 0 to 1, times in seconds, counts of residents.'),
    atLeast: target.optional().describe('Met when the figure is at least this (for figures where more is better).'),
    atMost: target.optional().describe('Met when the figure is at most this (times, deaths, waits).'),
    partly: target.optional().describe('A looser target on the same side: the criterion is partly met when the figure reaches this but not the target.'),
    byS: z.number().min(0).max(1e7).optional().describe('Judge the figure at this time of the run, s; default at the end.'),
    text: text.optional().describe('The criterion in the evaluators’ words.'),
  })
  .describe('One measurable criterion: give exactly one of atLeast and atMost.');
export type Criterion = z.infer<typeof criterionSchema>;

export const objectiveSchema = z.strictObject({
  id,
  title: text.describe('What the community should achieve, for example "Warn every household within 5 minutes of the alert".'),
  capability: text.describe('The capability it tests, for example "Early warning", "Evacuation of the vulnerable", "Shelter and supplies", "Coordination".'),
  description: text.optional(),
  criteria: z.array(criterionSchema).min(1, 'an objective needs at least one criterion').max(20),
});
export type Objective = z.infer<typeof objectiveSchema>;

export const objectivesSchema = z
  .array(objectiveSchema)
  .max(100)
  .default([])
  .describe('Exercise objectives and their criteria; the after-action report says whether each was met.');
