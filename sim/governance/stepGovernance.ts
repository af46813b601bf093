import { Trait } from '../agents/Residents';
import { ResidentState } from '../core/Simulation';
import type { World } from '../core/World';
import type { GovernanceState } from './GovernanceState';
import { countHouseholdNeeds, dispatchCarriers, stepShelters } from './logistics';
import { record, runDue } from './queue';
import { markResponse } from './respond';
import { stepUnitsAtWork } from './support';

/**
 * Logistics, shelters, units at work and the phase are looked at this often, s: supplies and rescues take
 * minutes, so a finer step only costs time.
 */
export const LOGISTICS_EVERY_S = 10;

/** One tick of the organisations: what is due (reports, approvals, arrivals), then logistics every LOGISTICS_EVERY_S. */
export function stepGovernance(world: World): void {
  const g = world.governance;
  if (!g) return;
  runDue(world, g);
  const nowS = world.tick * world.tickS;
  if (nowS + world.tickS * 0.5 < g.nextStepS) return;
  const dtS = g.nextStepS === 0 ? 0 : LOGISTICS_EVERY_S + (nowS - g.nextStepS);
  g.nextStepS = nowS + LOGISTICS_EVERY_S;
  if (g.phase === 'monitoring' && world.detection.firstRealDetectionS >= 0) markResponse(world, g);
  stepShelters(world, g, dtS);
  if (nowS >= g.nextHouseholdCheckS) {
    countHouseholdNeeds(world, g, isolationOf(world));
    g.nextHouseholdCheckS = nowS + g.spec.needs.householdEveryS;
  }
  dispatchCarriers(world, g);
  stepUnitsAtWork(world, g);
  if (g.phase === 'response' && responseOver(world)) {
    g.phase = 'recovery';
    g.recoveryStartS = nowS;
    record(world, g, { kind: 'phase', author: g.orgs[g.community].id, content: 'recovery phase begins: nobody is on the way or waiting for help' });
  }
  // overTime bound: begin
  recordOverTime(g, [nowS, round(g.suppliesNeeded), round(g.suppliesDelivered), shelterOccupancy(world, g)]);
}

/** Most samples of supplies and shelter occupancy kept; a longer run keeps every other one and samples half as often. */
export const MAX_OVER_TIME_SAMPLES = 2048;

/**
 * Add a sample to `g.overTime` if the current interval has passed since the last one: every logistics step
 * at first, then twice as long each time the list fills and is thinned (the interval is the gap between
 * the first two samples kept), so a drill of weeks holds as few samples as one of hours.
 */
function recordOverTime(g: GovernanceState, sample: [number, number, number, number]): void {
  const samples = g.overTime;
  if (samples.length >= MAX_OVER_TIME_SAMPLES) {
    let kept = 0;
    for (let k = 1; k < samples.length; k += 2) samples[kept++] = samples[k];
    samples.length = kept;
  }
  const n = samples.length;
  const intervalS = n >= 2 ? samples[1][0] - samples[0][0] : 0;
  if (n > 0 && sample[0] - samples[n - 1][0] < intervalS - LOGISTICS_EVERY_S / 2) return;
  samples.push(sample);
}
// overTime bound: end

/** The warning or order has had this long to spread before the response can be over, s. */
export const RESPONSE_SETTLE_S = 600;

/**
 * The warning went out at least RESPONSE_SETTLE_S ago and nobody is getting ready, walking, waiting for
 * help or standing in danger: what remains is caring, supplying and restoring.
 */
function responseOver(world: World): boolean {
  const c = world.counts;
  const w = world.warning.firstOfficialWarningS;
  const o = world.firstOrderS;
  const firstS = w < 0 ? o : o < 0 ? w : Math.min(w, o);
  if (firstS < 0 || world.tick * world.tickS < firstS + RESPONSE_SETTLE_S) return false;
  if (c.preparing > 0 || c.moving > 0 || c.awaitingHelp > 0) return false;
  const intensity = world.hazardIntensity;
  if (intensity.length === 0) return true;
  const danger = world.scenario.harm.dangerIntensity;
  const r = world.residents;
  for (let i = 0; i < r.count; i++) {
    const s = r.state[i];
    if (s !== ResidentState.Safe && s !== ResidentState.Deceased && intensity[r.cell[i]] >= danger) return false;
  }
  return true;
}

function isolationOf(world: World): Uint8Array | null {
  for (const m of world.hazardModules) if (m.isolation) return m.isolation;
  return null;
}

/** People in the tracked shelters, or in every shelter when none is tracked (shelterCount also counts people through exits). */
export function shelterOccupancy(world: World, g: GovernanceState): number {
  let n = 0;
  if (g.shelters.length) for (const s of g.shelters) n += s.place >= 0 ? world.shelterCount[s.place] : 0;
  else for (const place of world.grid.places) if (place.kind === 'shelter') n += world.shelterCount[place.index];
  return n;
}

/**
 * How far the community has recovered, 0 to 1: the mean of the share of supplies delivered against need,
 * of injured residents cared for, of outages ended, and of shelter person-time with supplies. A part with
 * nothing to recover from counts as 1.
 */
export function recoveryIndex(world: World, g: GovernanceState): number {
  const supplied = g.suppliesNeeded > 0 ? g.suppliesDelivered / g.suppliesNeeded : 1;
  const r = world.residents;
  let injured = 0;
  for (let i = 0; i < r.count; i++) if (r.traits[i] & Trait.Injured && r.state[i] !== ResidentState.Deceased) injured++;
  const cared = injured > 0 ? Math.min(1, g.injuredCaredFor / injured) : 1;
  const outages = world.outages.outages;
  const started = outages.filter((o) => o.startS <= world.tick * world.tickS).length;
  const restored = started > 0 ? outages.filter((o) => o.startS <= world.tick * world.tickS && !o.active).length / started : 1;
  const sheltered = g.shelterPersonS > 0 ? 1 - g.shelterUnmetPersonS / g.shelterPersonS : 1;
  return round((supplied + cared + restored + sheltered) / 4);
}

function round(v: number): number {
  return Math.round(v * 1000) / 1000;
}
