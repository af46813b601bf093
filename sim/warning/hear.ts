import { Content, Knows, SHARE_UNIT, Source, Trait } from '../agents/Residents';
import { ResidentState } from '../core/Simulation';
import type { World } from '../core/World';
import { channelRate, hashUnit, NO_POWER, NO_TELECOM } from './channels';
import { hearMessage } from './decide';

/** Share of the building's word of mouth that reaches a resident who is asleep. */
const ASLEEP_NEIGHBOUR_FACTOR = 0.1;
const RUMOUR_BELIEF_SALT = 0x51ed27;
const CHOICE_SALT = 0x7a3c11;

/**
 * One tick of the information phase for every resident who is not safe: messages arrive over the
 * channels that reach it (each official message once) and by word of mouth, each after an exponentially distributed wait (its
 * accumulated rate crossing an Exp(1) threshold, so a constant rate p gives 1 − e^(−pt) exactly); the
 * rumour spreads among those not yet debunked; panic grows in silence.
 */
export function stepHearing(world: World): void {
  const w = world.warning;
  const r = world.residents;
  const n = r.count;
  if (n === 0) return;
  const b = world.scenario.behaviour;
  const dt = world.tickS;
  const nowS = world.tick * dt;
  const seed = world.seed;
  const broadcasts = w.broadcasts;
  const channels = w.channels;
  const wom = b.wordOfMouth;
  const womActive = w.lastContent !== Content.None && wom.ratePerMin > 0;
  const wellMixed = wom.mixing === 'wellMixed';
  const qPerS = wom.ratePerMin / 60;
  const householdPerS = wom.householdRatePerMin / 60;
  const informedShare = w.informed / n;
  const rumourPerS = w.rumourActive ? (qPerS * w.rumourBelievers) / n : 0;
  // Nothing to hear, no rumour and no hazard to see: panic and trust cannot change, so skip the pass.
  if (broadcasts.length === 0 && !womActive && !w.rumourActive && world.hazardModules.length === 0 && !world.hazards.some((h) => h.startS <= nowS)) return;
  const panicStep = Math.max(1, Math.round((b.panic.growthPerMin / 60) * dt * SHARE_UNIT));
  const silenceS = b.panic.silenceS;
  const {
    state,
    traits,
    language,
    cell,
    homeBuilding,
    household,
    heardAtS,
    hearRemaining,
    rumourRemaining,
    knows,
    panic,
    trust,
    lastOfficialMin,
    heardBroadcasts,
  } = r;
  // Enum members copied to locals: read once, not per resident (cheaper in every module format).
  const SAFE = ResidentState.Safe;
  const SEES_OR_HEARS = Knows.SawHazard | Knows.HeardRumour;
  const HEARD_OR_DEBUNKED = Knows.HeardRumour | Knows.Debunked;
  const OFFICIAL = Source.Official;
  const ASLEEP = Trait.Asleep;
  const NEIGHBOUR = Source.Neighbour;
  const { powerOff, telecomOff } = world.outages;
  let panicSum = 0;
  let trustSum = 0;
  for (let i = 0; i < n; i++) {
    trustSum += trust[i];
    if (state[i] === SAFE) {
      panicSum += panic[i];
      continue;
    }
    const t = traits[i];
    let officialRate = 0;
    let latest = -1;
    const heardMask = heardBroadcasts[i];
    const c = cell[i];
    const service = (powerOff.length && powerOff[c] ? NO_POWER : 0) | (telecomOff.length && telecomOff[c] ? NO_TELECOM : 0);
    for (let k = 0; k < broadcasts.length; k++) {
      const bc = broadcasts[k];
      if (heardMask & (1 << bc.slot) || (bc.zone && !bc.zone[cell[i]])) continue;
      const rate = channelRate(channels[bc.channel], i, t, language[i], cell[i], seed, service);
      if (rate > 0) {
        officialRate += rate;
        latest = k;
      }
    }
    let neighbourRate = 0;
    if (womActive) {
      if (wellMixed) neighbourRate = qPerS * informedShare;
      else {
        if (householdHeard(household, heardAtS, i, n)) neighbourRate += householdPerS;
        const home = homeBuilding[i];
        // Family wakes a sleeper; neighbours in the building mostly do not.
        if (home >= 0) neighbourRate += ((t & ASLEEP ? ASLEEP_NEIGHBOUR_FACTOR : 1) * qPerS * w.informedByBuilding[home]) / w.residentsByBuilding[home];
      }
    }
    const total = officialRate + neighbourRate;
    if (total > 0) {
      hearRemaining[i] -= total * dt;
      if (hearRemaining[i] <= 0) {
        const heard = r.heardCount[i];
        // The next message needs a fresh Exp(1) wait: repetitions arrive at the same rates.
        hearRemaining[i] += -Math.log(1 - hashUnit(i ^ seed, heard * 0x9e3779b1 + 1));
        if (latest >= 0 && hashUnit(i ^ seed, CHOICE_SALT + heard) * total < officialRate) {
          const bc = broadcasts[latest];
          heardBroadcasts[i] |= 1 << bc.slot;
          hearMessage(world, i, bc.content, OFFICIAL, bc.targetSlot, bc.isUpdate);
        } else {
          hearMessage(world, i, w.lastContent, NEIGHBOUR, w.lastTargetSlot, false);
        }
      }
    }
    const known = knows[i];
    if (rumourPerS > 0 && !(known & HEARD_OR_DEBUNKED)) {
      rumourRemaining[i] -= rumourPerS * dt;
      if (rumourRemaining[i] <= 0) hearRumour(world, i);
    }
    if (known & SEES_OR_HEARS && (lastOfficialMin[i] === 0 || nowS - (lastOfficialMin[i] - 1) * 60 > silenceS) && panic[i] < SHARE_UNIT) {
      panic[i] = Math.min(SHARE_UNIT, panic[i] + panicStep);
    }
    panicSum += panic[i];
  }
  w.meanPanic = panicSum / n / SHARE_UNIT;
  w.meanTrust = trustSum / n / SHARE_UNIT;
  if (w.meanPanic > w.peakPanic) w.peakPanic = w.meanPanic;
}

/** Whether another member of the household of `i` has heard a warning. */
function householdHeard(household: Int32Array, heardAtS: Float32Array, i: number, n: number): boolean {
  const h = household[i];
  for (let k = i - 1; k >= 0 && household[k] === h; k--) if (heardAtS[k] < Infinity) return true;
  for (let k = i + 1; k < n && household[k] === h; k++) if (heardAtS[k] < Infinity) return true;
  return false;
}

/** Resident `i` hears the rumour; those who trust official sources less are likelier to believe it. */
export function hearRumour(world: World, i: number): void {
  const r = world.residents;
  const w = world.warning;
  r.knows[i] |= Knows.HeardRumour;
  w.heardRumour++;
  if (hashUnit(i ^ world.seed, RUMOUR_BELIEF_SALT) < 1 - (r.trust[i] - r.panic[i]) / SHARE_UNIT) {
    r.knows[i] |= Knows.BelievesRumour;
    w.rumourBelievers++;
    if (w.rumourPanics) r.panic[i] = Math.min(SHARE_UNIT, r.panic[i] + Math.round(0.3 * SHARE_UNIT));
  }
  r.traits[i] &= ~Trait.Asleep;
}
