import { type Epidemic, Isolation, Stage, sampleStageS } from './Epidemic';

/**
 * The changes of one resident's state, each keeping the counts and the household, building and community
 * aggregates of infectious residents in step: O(1) each, so nothing is ever recounted.
 */

/** Add (`sign` 1) or take away (-1) an infectious resident from the aggregates, as free or isolated by its bits now. */
function countInfectious(ep: Epidemic, i: number, sign: number): void {
  const h = ep.householdOf[i];
  const b = ep.householdBuilding[h];
  if (ep.isolation[i] !== 0) {
    ep.householdIsolatedInfectious[h] += sign;
    if (b >= 0) ep.buildingIsolatedInfectious[b] += sign;
    ep.communityIsolatedInfectious += sign;
  } else {
    ep.householdFree[h] += sign;
    if (b >= 0) ep.buildingFree[b] += sign;
    ep.communityFree += sign;
  }
}

/** Set a resident's `Isolation` bits, updating who is at home and, for an infectious resident, the aggregates. */
export function setIsolation(ep: Epidemic, i: number, bits: number): void {
  const old = ep.isolation[i];
  if (old === bits) return;
  if ((old === 0) === (bits === 0)) {
    ep.isolation[i] = bits;
    return;
  }
  const infectious = ep.stage[i] === Stage.Infectious;
  if (infectious) countInfectious(ep, i, -1);
  ep.isolation[i] = bits;
  if (infectious) countInfectious(ep, i, 1);
  const h = ep.householdOf[i];
  const counts = ep.counts;
  if (bits !== 0) {
    counts.isolated++;
    if (ep.householdAtHome[h]++ === 0) counts.isolatedHouseholds++;
  } else {
    counts.isolated--;
    if (--ep.householdAtHome[h] === 0) counts.isolatedHouseholds--;
  }
}

/** A susceptible resident is infected: it becomes exposed, its latent period starting at `atS`. Not yet in `active`. */
export function infect(ep: Epidemic, i: number, atS: number): void {
  ep.stage[i] = Stage.Exposed;
  ep.exposureLeft[i] = 0;
  ep.stageEndS[i] = atS + sampleStageS(ep.random, ep.params.latentMeanS, ep.params.latentShape);
  ep.counts.susceptible--;
  ep.counts.exposed++;
}

/**
 * Move a resident through every stage that ends before `untilS` (the next step's midpoint), drawing each
 * new stage's length from its end. A resident is in the stage it has at each step's midpoint, so the mean
 * number of steps spent in a stage is its mean length / step, whatever the step (no rounding bias).
 */
export function advanceStages(ep: Epidemic, i: number, untilS: number): void {
  const stage = ep.stage;
  const endS = ep.stageEndS;
  const p = ep.params;
  while (endS[i] < untilS) {
    if (stage[i] === Stage.Exposed) {
      stage[i] = Stage.Infectious;
      ep.counts.exposed--;
      ep.counts.infectious++;
      countInfectious(ep, i, 1);
      endS[i] += sampleStageS(ep.random, p.infectiousMeanS, p.infectiousShape);
    } else if (stage[i] === Stage.Infectious) {
      countInfectious(ep, i, -1);
      stage[i] = Stage.Removed;
      ep.counts.infectious--;
      ep.counts.removed++;
      if (ep.isolation[i] & Isolation.Case) setIsolation(ep, i, ep.isolation[i] & ~Isolation.Case);
      return;
    } else {
      return;
    }
  }
}

/** An infectious resident is found at `atS`: it isolates, and (if the spec says so) its household goes into quarantine. */
export function findCase(ep: Epidemic, i: number, atS: number): void {
  ep.counts.found++;
  setIsolation(ep, i, ep.isolation[i] | Isolation.Case);
  const p = ep.params;
  if (!p.quarantineHousehold || p.quarantineS <= 0) return;
  const h = ep.householdOf[i];
  ep.quarantineUntilS[h] = atS + p.quarantineS;
  if (!ep.inQuarantine[h]) {
    ep.inQuarantine[h] = 1;
    ep.quarantined[ep.quarantinedCount++] = h;
  }
  const end = ep.memberStart[h + 1];
  for (let k = ep.memberStart[h]; k < end; k++) {
    const m = ep.members[k];
    setIsolation(ep, m, ep.isolation[m] | Isolation.Household);
  }
}

/** End the quarantines that are over by `atS`, keeping the list in order. */
export function endQuarantines(ep: Epidemic, atS: number): void {
  const list = ep.quarantined;
  let kept = 0;
  for (let k = 0; k < ep.quarantinedCount; k++) {
    const h = list[k];
    if (ep.quarantineUntilS[h] > atS) {
      list[kept++] = h;
      continue;
    }
    ep.inQuarantine[h] = 0;
    const end = ep.memberStart[h + 1];
    for (let j = ep.memberStart[h]; j < end; j++) {
      const m = ep.members[j];
      setIsolation(ep, m, ep.isolation[m] & ~Isolation.Household);
    }
  }
  ep.quarantinedCount = kept;
}
