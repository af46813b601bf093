import { DAY_S, type Epidemic, Isolation, Stage } from './Epidemic';
import { advanceStages, endQuarantines, findCase, infect } from './transitions';

/**
 * Advance the epidemic by `dtS` seconds of simulated time. The epidemic keeps its own fixed step
 * (`stepMinutes`, default one hour) and takes every step whose end the clock has passed, so the result does
 * not depend on the simulation's tick: call it every tick with the tick's length (most calls do nothing),
 * or once with a long stretch.
 */
export function stepEpidemic(ep: Epidemic, dtS: number): void {
  if (!(dtS >= 0 && Number.isFinite(dtS))) throw new RangeError(`stepEpidemic: dtS must be a finite number ≥ 0, got ${dtS}`);
  ep.clockS += dtS;
  const stepS = ep.params.stepS;
  // The tolerance absorbs the rounding of many short ticks adding up to a step.
  const due = Math.floor(ep.clockS / stepS + 1e-9);
  while (ep.stepsDone < due) takeStep(ep);
}

/**
 * One step of length dt from t0 = stepsDone·dt:
 *
 * 1. Quarantines over by the step's midpoint end.
 * 2. Transmission: each susceptible's force of infection λ (per s) from the aggregates,
 *      λ = β·[w_h·I_h/(n_h − 1) + s·(w_b·I_b'/n_b' + w_c·I/N)],
 *    with I_h the infectious in its household, I_b' and n_b' the infectious and residents of the other
 *    households of its building, I all infectious (isolated ones count 1 − effectiveness outside the
 *    household) and s = 1 − effectiveness for an isolated susceptible, else 1. λ·dt is taken off its
 *    Exp(1) resistance: infected when it reaches 0, which is exactly infection with probability
 *    1 − e^(−λ·dt) in each step (the exponential is memoryless), with one random draw per resident
 *    instead of one per resident and step (Sellke's construction of the stochastic epidemic).
 *    λ is held for the step: with stage lengths unbiased (see `advanceStages`) the final size does not
 *    depend on the step; a shorter step only sharpens the timing.
 * 3. Cases are found (chance 1 − e^(−testing·dt) per step) and stages progress (see `advanceStages`).
 * 4. The newly infected start their latent period at the step's end (they cannot infect in the step they
 *    were infected in: a delay of under one step, which shifts timing, not the final size).
 */
function takeStep(ep: Epidemic): void {
  const p = ep.params;
  const dt = p.stepS;
  const t0 = ep.stepsDone * dt;
  const t1 = t0 + dt;
  if (ep.quarantinedCount > 0) endQuarantines(ep, t0 + dt / 2);
  ep.supplyUnitsNeeded += (ep.counts.isolated * p.supplyPerPersonPerDay * dt) / DAY_S;
  const infected = ep.communityFree + ep.communityIsolatedInfectious > 0 ? transmit(ep, dt) : 0;
  progress(ep, t1 + dt / 2, t1);
  const newly = ep.newlyInfected;
  for (let k = 0; k < infected; k++) {
    const i = newly[k];
    infect(ep, i, t1);
    advanceStages(ep, i, t1 + dt / 2);
    if (ep.stage[i] !== Stage.Removed) ep.active[ep.activeCount++] = i;
  }
  ep.stepsDone++;
  ep.timeS = t1;
}

/** Take each susceptible's exposure of one step off its resistance; list those infected. Returns how many. */
function transmit(ep: Epidemic, dt: number): number {
  const p = ep.params;
  const { stage, exposureLeft, isolation, householdOf, householdBuilding, invHouseholdOthers, invBuildingOthers } = ep;
  const { householdFree, householdIsolatedInfectious: householdIso, buildingFree, buildingIsolatedInfectious: buildingIso } = ep;
  const newly = ep.newlyInfected;
  const keeps = p.isolatedKeeps;
  const beta = p.transmissionPerS * dt;
  const bHousehold = beta * p.household;
  const bBuilding = beta * p.building;
  const community = ep.count > 0 ? (beta * p.community * (ep.communityFree + keeps * ep.communityIsolatedInfectious)) / ep.count : 0;
  // Skip the household and building look-ups when those contacts are switched off (a well-mixed model).
  const local = bHousehold > 0 || bBuilding > 0;
  // Enum members hoisted into locals: a bundler may turn an imported object's reads into getter calls.
  const susceptible = Stage.Susceptible;
  const exposed = Stage.Exposed;
  const n = ep.count;
  let infected = 0;
  for (let i = 0; i < n; i++) {
    if (stage[i] !== susceptible) continue;
    let inside = 0;
    let outside = community;
    if (local) {
      const h = householdOf[i];
      const atHome = householdFree[h] + householdIso[h];
      if (atHome > 0) inside = bHousehold * atHome * invHouseholdOthers[h];
      const b = householdBuilding[h];
      if (b >= 0) {
        const free = buildingFree[b] - householdFree[h];
        const iso = buildingIso[b] - householdIso[h];
        if (free + iso > 0) outside += bBuilding * (free + keeps * iso) * invBuildingOthers[h];
      }
    }
    if (isolation[i] !== 0) outside *= keeps;
    const exposure = inside + outside;
    if (exposure <= 0) continue;
    const left = exposureLeft[i] - exposure;
    if (left > 0) {
      exposureLeft[i] = left;
    } else {
      // Marked now so no one else's look-up sees it as susceptible; its latent period is drawn after the sweep.
      stage[i] = exposed;
      newly[infected++] = i;
    }
  }
  return infected;
}

/** Find cases and move residents through their stages, in the order they were infected; drop the removed from `active`. */
function progress(ep: Epidemic, untilS: number, atS: number): void {
  const { active, stage, isolation, random } = ep;
  const find = ep.params.findPerStep;
  const infectious = Stage.Infectious;
  const removed = Stage.Removed;
  const caseBit = Isolation.Case;
  let kept = 0;
  for (let k = 0; k < ep.activeCount; k++) {
    const i = active[k];
    if (find > 0 && stage[i] === infectious && !(isolation[i] & caseBit) && random.next() < find) findCase(ep, i, atS);
    if (ep.stageEndS[i] < untilS) advanceStages(ep, i, untilS);
    if (stage[i] !== removed) active[kept++] = i;
  }
  ep.activeCount = kept;
}
