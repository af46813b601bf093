import { Trait } from '../agents/Residents';
import { ResidentState } from '../core/Simulation';
import type { World } from '../core/World';
import { SUPPLY_ITEMS } from '../scenario/schemaGovernance';
import { suppliesVector } from './createGovernance';
import type { GovernanceState, Need } from './GovernanceState';
import { at, record } from './queue';

/** Free walking speed of staff carrying supplies, m/s, and the factor from straight line to walked path. */
export const CARRIER_SPEED_MPS = 1.2;
export const DETOUR_FACTOR = 1.3;
/** Loading and handing over one delivery, s. */
export const HANDLING_S = 120;
/** A shelter's resupply covers this many hours at its occupancy. */
const RESUPPLY_HOURS = 6;

const sum = (v: Float64Array) => v.reduce((a, b) => a + b, 0);

/**
 * Shelters use supplies by the hour for each person in them: from their stock, or they go short
 * (unmet person-time). A shelter whose stock lasts less than `needs.lowStockHours` asks for a resupply.
 */
export function stepShelters(world: World, g: GovernanceState, dtS: number): void {
  const nowS = world.tick * world.tickS;
  const perHour = suppliesVector(g.spec.needs.shelterPerPersonPerHour);
  for (const shelter of g.shelters) {
    if (shelter.place < 0) continue;
    const people = world.shelterCount[shelter.place];
    if (people === 0) continue;
    let short = false;
    for (let k = 0; k < perHour.length; k++) {
      const use = (people * perHour[k] * dtS) / 3600;
      if (use === 0) continue;
      const taken = Math.min(use, shelter.stock[k]);
      shelter.stock[k] -= taken;
      g.suppliesNeeded += use;
      g.suppliesDelivered += taken;
      if (taken < use) short = true;
    }
    g.shelterPersonS += people * dtS;
    if (short) g.shelterUnmetPersonS += people * dtS;
    const lowAtHours = g.spec.needs.lowStockHours;
    const runsLow = perHour.some((rate, k) => rate > 0 && shelter.stock[k] < people * rate * lowAtHours);
    if (runsLow && (!shelter.need || shelter.need.metS >= 0)) {
      const items = perHour.map((rate) => Math.ceil(people * rate * RESUPPLY_HOURS));
      const place = world.grid.places[shelter.place];
      const need: Need = {
        seq: g.needs.length,
        shelter: shelter.place,
        household: -1,
        cell: place.cells[0],
        items,
        createdS: nowS,
        knownS: nowS,
        wrong: false,
        carrier: -1,
        metS: -1,
      };
      shelter.need = need;
      g.needs.push(need);
      record(world, g, {
        kind: 'report',
        author: g.orgs[g.community].id,
        content: `${place.place.name ?? place.id} runs low on supplies: asks for ${describe(items)}`,
      });
    }
  }
}

/**
 * Every `needs.householdEveryS` from the start of the response, each household that cannot go out
 * (a vulnerable member sheltering or waiting for help, a trapped member, or in epidemic isolation) needs
 * a delivery. The community learns of it by a report (a call, a grid worker): on the platform at once,
 * otherwise after the community's relay delay, sometimes garbled.
 */
export function countHouseholdNeeds(world: World, g: GovernanceState, isolated: Uint8Array | null): void {
  const nowS = world.tick * world.tickS;
  const r = world.residents;
  const per = suppliesVector(g.spec.needs.perHousehold);
  const seen = new Set<number>();
  const community = g.orgs[g.community];
  for (let i = 0; i < r.count; i++) {
    const h = r.household[i];
    if (seen.has(h)) continue;
    const s = r.state[i];
    const t = r.traits[i];
    const housebound =
      ((t & (Trait.Vulnerable | Trait.Trapped)) !== 0 && (s === ResidentState.Sheltering || s === ResidentState.AwaitingHelp)) ||
      (isolated !== null && isolated[i] !== 0 && s !== ResidentState.Deceased);
    if (!housebound) continue;
    seen.add(h);
    const platform = g.levers.platform;
    const wrong = g.random.next() < (platform ? g.spec.platform.errorProbability : g.spec.reporting.hopErrorProbability);
    const knownS = nowS + (platform ? g.spec.platform.delayS : community.relayDelayS);
    g.needs.push({ seq: g.needs.length, shelter: -1, household: h, cell: r.cell[i], items: per.slice(), createdS: nowS, knownS, wrong, carrier: -1, metS: -1 });
    g.suppliesNeeded += sum(per);
  }
  if (seen.size)
    record(world, g, { kind: 'report', author: 'residents', to: community.id, content: `${seen.size} households that cannot go out need supplies` });
}

/**
 * Free carriers take the oldest known need nobody is on: load what the nearest store with any of it
 * holds, walk there (straight line times a detour factor, at carrier speed), hand it over, walk back.
 * Only once supplies are released.
 */
export function dispatchCarriers(world: World, g: GovernanceState): void {
  if (!g.suppliesReleased || g.storeStock.length === 0) return;
  const nowS = world.tick * world.tickS;
  let next = 0;
  for (let c = 0; c < g.carriers.length; c++) {
    const carrier = g.carriers[c];
    if (carrier.freeAtS > nowS) continue;
    while (next < g.needs.length && !waiting(g.needs[next], nowS)) next++;
    if (next >= g.needs.length) return;
    const need = g.needs[next++];
    const store = nearestStoreWith(world, g, need);
    if (store < 0) continue;
    const load = new Float64Array(need.items.length);
    for (let k = 0; k < load.length; k++) {
      load[k] = Math.min(need.items[k], g.storeStock[store][k]);
      g.storeStock[store][k] -= load[k];
    }
    const speed = CARRIER_SPEED_MPS * g.speedFactor;
    const toStoreS = walkM(world, carrier.cell, g.storeCell[store]) / speed;
    const toNeedS = walkM(world, g.storeCell[store], need.cell) / speed;
    const lostS = need.wrong ? g.spec.reporting.wrongReportDelayS : 0;
    const arriveS = nowS + toStoreS + HANDLING_S * g.workFactor + toNeedS + lostS;
    need.carrier = c;
    carrier.freeAtS = arriveS + toNeedS;
    carrier.cell = g.storeCell[store];
    at(g, arriveS, () => deliver(world, g, need, load, carrier.org));
  }
}

function waiting(need: Need, nowS: number): boolean {
  return need.metS < 0 && need.carrier < 0 && need.knownS <= nowS;
}

function deliver(world: World, g: GovernanceState, need: Need, load: Float64Array, org: string): void {
  const nowS = world.tick * world.tickS;
  need.carrier = -1;
  let complete = true;
  for (let k = 0; k < load.length; k++) {
    need.items[k] -= load[k];
    if (need.items[k] > 1e-9) complete = false;
  }
  const shelter = need.shelter >= 0 ? g.shelters.find((s) => s.place === need.shelter) : undefined;
  if (shelter) for (let k = 0; k < load.length; k++) shelter.stock[k] += load[k];
  else g.suppliesDelivered += sum(load);
  if (complete) need.metS = nowS;
  const where = need.shelter >= 0 ? (world.grid.places[need.shelter].place.name ?? world.grid.places[need.shelter].id) : `a household (${need.household})`;
  record(world, g, {
    kind: 'delivery',
    author: org,
    content: `delivers ${describe(load)} to ${where}${complete ? '' : ' (not all it needs: the stores ran short)'}`,
  });
}

/** Index of the nearest store holding any item the need lacks, or -1. */
function nearestStoreWith(world: World, g: GovernanceState, need: Need): number {
  let best = -1;
  let bestS = Infinity;
  for (let s = 0; s < g.storeStock.length; s++) {
    if (!need.items.some((q, k) => q > 0 && g.storeStock[s][k] > 0)) continue;
    const d = walkM(world, g.storeCell[s], need.cell);
    if (d < bestS) {
      bestS = d;
      best = s;
    }
  }
  return best;
}

/** Walking distance between two cells, m: the octile distance times a detour factor. */
export function walkM(world: World, a: number, b: number): number {
  const { width, cellSizeM } = world.grid;
  const dx = Math.abs((a % width) - (b % width));
  const dy = Math.abs(Math.floor(a / width) - Math.floor(b / width));
  return (Math.max(dx, dy) + (Math.SQRT2 - 1) * Math.min(dx, dy)) * cellSizeM * DETOUR_FACTOR;
}

/** Amounts in words, for the trail. */
export function describe(items: ArrayLike<number>): string {
  const parts: string[] = [];
  for (let k = 0; k < items.length; k++) if (items[k] > 0) parts.push(`${Math.round(items[k] * 10) / 10} ${SUPPLY_ITEMS[k]}`);
  return parts.join(', ') || 'nothing';
}

/** Needs not met yet (households and shelters). */
export function unmetNeeds(g: GovernanceState): number {
  let n = 0;
  for (const need of g.needs) if (need.metS < 0) n++;
  return n;
}
