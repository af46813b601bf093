import type { Random } from '../../random/Random';
import { sampleGamma } from '../../random/sample';
import type { EpidemicSpec } from './spec';

/** Disease stage of a resident, stored in `Epidemic.stage` (a Uint8Array). */
export const Stage = {
  Susceptible: 0,
  /** Infected, not yet infectious (latent). */
  Exposed: 1,
  Infectious: 2,
  /** Recovered (or dead): immune, no longer infectious. */
  Removed: 3,
} as const;
export type StageValue = (typeof Stage)[keyof typeof Stage];

/** Bits of `Epidemic.isolation`: why a resident stays at home. */
export const Isolation = {
  /** A found case, isolated until it recovers. */
  Case: 1,
  /** A member of a found case's household, in quarantine. */
  Household: 2,
} as const;

/** Who lives where: what `createEpidemic` needs to know about the residents. */
export interface EpidemicPopulation {
  count: number;
  /** Household id per resident; -1 for someone living alone. A household counts as living in its first member's building. */
  household: Int32Array;
  /** Building (place) index per resident; -1 for none. */
  building: Int16Array;
}

/** Running counts, kept up to date by every change (never recounted). */
export interface EpidemicCounts {
  susceptible: number;
  exposed: number;
  infectious: number;
  removed: number;
  /** Residents at home now (found cases and quarantined household members). */
  isolated: number;
  /** Households with at least one resident at home now. */
  isolatedHouseholds: number;
  /** Cases found so far. */
  found: number;
}

/**
 * The state of an epidemic among `count` residents, as typed arrays indexed by resident id, with
 * per-household and per-building aggregates of infectious residents kept up to date incrementally, so a
 * step costs O(residents). Read freely; change only through the epidemic's functions. `stepEpidemic`
 * allocates nothing.
 */
export interface Epidemic {
  readonly count: number;
  /** `Stage` per resident. */
  readonly stage: Uint8Array;
  /** When the current stage (exposed or infectious) ends, s of epidemic time; continuous, not rounded to steps. */
  readonly stageEndS: Float64Array;
  /** What is left of each susceptible's Exp(1) resistance: each step takes off λ·dt; infected at 0. */
  readonly exposureLeft: Float64Array;
  /** `Isolation` bits per resident; 0 for someone going about as usual. */
  readonly isolation: Uint8Array;
  /** Dense household index per resident (people living alone get one each). */
  readonly householdOf: Int32Array;

  /** Households: the id given in the population (-1 for the made-up ones of people living alone), building, members. */
  readonly householdCount: number;
  readonly householdId: Int32Array;
  readonly householdBuilding: Int32Array;
  readonly householdSize: Int32Array;
  /** Members of household h are `members[memberStart[h] .. memberStart[h + 1])`. */
  readonly memberStart: Int32Array;
  readonly members: Int32Array;
  /** 1 / (members − 1), and 1 / (other residents of the building), or 0 when there are none. */
  readonly invHouseholdOthers: Float64Array;
  readonly invBuildingOthers: Float64Array;
  /** Infectious residents not isolated (free) and isolated, per household, per building, in all. */
  readonly householdFree: Int32Array;
  readonly householdIsolatedInfectious: Int32Array;
  readonly buildingFree: Int32Array;
  readonly buildingIsolatedInfectious: Int32Array;
  communityFree: number;
  communityIsolatedInfectious: number;
  /** Residents at home per household, and when each household's quarantine ends, s. */
  readonly householdAtHome: Int32Array;
  readonly quarantineUntilS: Float64Array;
  /** Households in quarantine now (first `quarantinedCount`), and 1 for each one in that list. */
  readonly quarantined: Int32Array;
  quarantinedCount: number;
  readonly inQuarantine: Uint8Array;

  /** Residents exposed or infectious (first `activeCount`), in the order they were infected. */
  readonly active: Int32Array;
  activeCount: number;
  /** Scratch: residents infected in the current step. */
  readonly newlyInfected: Int32Array;

  readonly params: EpidemicParams;
  readonly counts: EpidemicCounts;
  /** Supplies isolated residents have needed so far, units (for the logistics). */
  supplyUnitsNeeded: number;
  /** Epidemic time, s: whole steps taken. */
  timeS: number;
  /** Time handed to `stepEpidemic` so far, s; steps are taken as it passes each step's end. */
  clockS: number;
  stepsDone: number;
  readonly random: Random;
}

/** The spec in the units the step uses (seconds, shares). */
export interface EpidemicParams {
  stepS: number;
  transmissionPerS: number;
  /** Contact weights scaled to add up to 1. */
  household: number;
  building: number;
  community: number;
  latentMeanS: number;
  latentShape: number;
  infectiousMeanS: number;
  infectiousShape: number;
  /** 1 − isolation effectiveness: the share of outside contacts an isolated resident keeps. */
  isolatedKeeps: number;
  /** Chance an infectious resident not yet found is found in one step. */
  findPerStep: number;
  quarantineHousehold: boolean;
  quarantineS: number;
  supplyPerPersonPerDay: number;
}

/** Seconds in a day. */
export const DAY_S = 86_400;

/** A stage length, s: gamma with the given mean and shape (shape 1: exponential); 0 for a mean of 0. */
export function sampleStageS(random: Random, meanS: number, shape: number): number {
  if (meanS <= 0) return 0;
  if (shape === 1) return -meanS * Math.log(1 - random.next());
  return (meanS / shape) * sampleGamma(random, shape);
}

/** The spec's parameters in step units. */
export function epidemicParams(spec: EpidemicSpec): EpidemicParams {
  const infectiousMeanS = spec.infectiousPeriodDays * DAY_S;
  const perDay = spec.transmissionPerDay ?? (spec.r0 ?? 0) / spec.infectiousPeriodDays;
  const w = spec.contacts;
  const sum = w.household + w.building + w.community;
  const stepS = spec.stepMinutes * 60;
  const iso = spec.isolation;
  return {
    stepS,
    transmissionPerS: perDay / DAY_S,
    household: w.household / sum,
    building: w.building / sum,
    community: w.community / sum,
    latentMeanS: spec.latentPeriodDays * DAY_S,
    latentShape: spec.latentShape,
    infectiousMeanS,
    infectiousShape: spec.infectiousShape,
    isolatedKeeps: 1 - iso.effectiveness,
    findPerStep: 1 - Math.exp(-(iso.testingPerDay / DAY_S) * stepS),
    quarantineHousehold: iso.quarantineHousehold,
    quarantineS: iso.quarantineDays * DAY_S,
    supplyPerPersonPerDay: iso.supplyUnitsPerPersonPerDay,
  };
}
