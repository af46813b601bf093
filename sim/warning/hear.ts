import { Content, Knows, SHARE_UNIT, Source, Trait } from '../agents/Residents';
import { ResidentState } from '../core/Simulation';
import type { World } from '../core/World';
import { ChannelKind, hashUnit } from './channels';
import { hearMessage } from './decide';

/** Share of the building's word of mouth that reaches a resident who is asleep. */
const ASLEEP_NEIGHBOUR_FACTOR = 0.1;
const RUMOUR_BELIEF_SALT = 0x51ed27;
const CHOICE_SALT = 0x7a3c11;

/** Most official messages live at once (one bit each in `Residents.heardBroadcasts`). */
const MAX_BROADCASTS = 16;

/**
 * One tick of the information phase for every resident who is not safe: messages arrive over the
 * channels that reach it (each official message once) and by word of mouth, each after an exponentially distributed wait (its
 * accumulated rate crossing an Exp(1) threshold, so a constant rate p gives 1 − e^(−pt) exactly); the
 * rumour spreads among those not yet debunked; panic grows in silence.
 */
export function stepHearing(world: World): void {
  if (world.residents.count === 0) return;
  let kernel = kernels.get(world);
  // The waits are made with the run, before its first step; a kernel over an older array would be wrong.
  if (!kernel || kernel.waits !== world.residents.hearRemaining) {
    kernel = { step: createHearingKernel(world), waits: world.residents.hearRemaining };
    kernels.set(world, kernel);
  }
  kernel.step();
}

/** One hearing kernel per run, made on its first step, and the waits array it holds. */
const kernels = new WeakMap<World, { step: () => void; waits: Float32Array }>();

/**
 * The hearing step of one run, as a closure over the run's arrays (see createMovementKernel: while a process
 * holds one run, V8 compiles the loop with them as constants). The live messages' channel settings are
 * copied into small typed arrays at the start of each tick, so the loop over them reads no objects.
 */
function createHearingKernel(world: World): () => void {
  const w = world.warning;
  const r = world.residents;
  const n = r.count;
  const b = world.scenario.behaviour;
  const dt = world.tickS;
  const seed = world.seed;
  const channels = w.channels;
  const wom = b.wordOfMouth;
  const wellMixed = wom.mixing === 'wellMixed';
  const qPerS = wom.ratePerMin / 60;
  const householdPerS = wom.householdRatePerMin / 60;
  const panicStep = Math.max(1, Math.round((b.panic.growthPerMin / 60) * dt * SHARE_UNIT));
  const silenceS = b.panic.silenceS;
  const { state, traits, language, cell, homeBuilding, household, heardAtS, knows, panic, trust, lastOfficialMin, heardBroadcasts, heardCount } = r;
  const { informedByBuilding, residentsByBuilding } = w;
  const hearRemaining = r.hearRemaining;
  const { powerOff, telecomOff } = world.outages;
  const hasPowerCuts = powerOff.length > 0;
  const hasTelecomCuts = telecomOff.length > 0;
  // Enum members copied to locals: read once, not per resident (cheaper in every module format).
  const SAFE = ResidentState.Safe;
  const SEES_OR_HEARS = Knows.SawHazard | Knows.HeardRumour;
  const HEARD_OR_DEBUNKED = Knows.HeardRumour | Knows.Debunked;
  const OFFICIAL = Source.Official;
  const ASLEEP = Trait.Asleep;
  const NEIGHBOUR = Source.Neighbour;
  const PHONE = Trait.Phone;
  const APP_TRAITS = Trait.Phone | Trait.GroupChat;
  const APP = ChannelKind.App;
  const SMS = ChannelKind.Sms;
  const LOUDSPEAKER = ChannelKind.Loudspeaker;
  const BROADCAST = ChannelKind.Broadcast;
  // Per live message, refreshed each tick: its bit, its channel's kind, rates, reliability and salt.
  const bit = new Int32Array(MAX_BROADCASTS);
  const kind = new Int32Array(MAX_BROADCASTS);
  const awakeRate = new Float64Array(MAX_BROADCASTS);
  const asleepRate = new Float64Array(MAX_BROADCASTS);
  const reliability = new Float64Array(MAX_BROADCASTS);
  const salt = new Int32Array(MAX_BROADCASTS);
  const zones: (Uint8Array | null)[] = new Array(MAX_BROADCASTS).fill(null);
  // Which languages each live message's channel speaks, message by message: speaks[k × languages + language].
  const languages = channels.length ? channels[0].speaks.length : 0;
  const speaks = new Uint8Array(MAX_BROADCASTS * languages);
  // A building's word-of-mouth rate, kept until another of its residents is informed (the division is costly).
  const buildings = informedByBuilding.length;
  const rateInformed = new Int32Array(buildings).fill(-1);
  const awakeBuildingRate = new Float64Array(buildings);
  const asleepBuildingRate = new Float64Array(buildings);
  const coverage: (Uint8Array | null)[] = new Array(MAX_BROADCASTS).fill(null);

  return () => {
    const nowS = world.tick * dt;
    const broadcasts = w.broadcasts;
    const womActive = w.lastContent !== Content.None && wom.ratePerMin > 0;
    const informedShare = w.informed / n;
    const rumourPerS = w.rumourActive ? (qPerS * w.rumourBelievers) / n : 0;
    // Nothing to hear, no rumour and no hazard to see: panic and trust cannot change, so skip the pass.
    if (broadcasts.length === 0 && !womActive && !w.rumourActive && world.hazardModules.length === 0 && !world.hazards.some((h) => h.startS <= nowS)) return;
    // Made when a rumour first goes round: read at each tick.
    const rumourRemaining = r.rumourRemaining;
    const live = broadcasts.length;
    for (let k = 0; k < live; k++) {
      const bc = broadcasts[k];
      const ch = channels[bc.channel];
      bit[k] = 1 << bc.slot;
      kind[k] = ch.kind;
      awakeRate[k] = ch.ratePerS;
      asleepRate[k] = ch.ratePerS * ch.asleepFactor;
      reliability[k] = ch.reliability;
      salt[k] = ch.salt;
      zones[k] = bc.zone;
      speaks.set(ch.speaks, k * languages);
      coverage[k] = ch.coverage;
    }
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
      const noPower = hasPowerCuts && powerOff[c] !== 0;
      const noTelecom = hasTelecomCuts && telecomOff[c] !== 0;
      const lang = language[i];
      for (let k = 0; k < live; k++) {
        if (heardMask & bit[k]) continue;
        const zone = zones[k];
        if (zone !== null && !zone[c]) continue;
        // The channel's rate for this resident (see channelRate, which this follows step by step).
        if (!speaks[k * languages + lang]) continue;
        const kk = kind[k];
        if (noTelecom && (kk === APP || kk === SMS)) continue;
        if (noPower && (kk === LOUDSPEAKER || kk === BROADCAST)) continue;
        if (kk === APP) {
          if ((t & APP_TRAITS) !== APP_TRAITS) continue;
        } else if (kk === SMS) {
          if (!(t & PHONE)) continue;
        } else if (kk === LOUDSPEAKER) {
          const covered = coverage[k];
          if (covered !== null && !covered[c]) continue;
        }
        if (reliability[k] < 1 && hashUnit(i ^ seed, salt[k]) >= reliability[k]) continue;
        const rate = t & ASLEEP ? asleepRate[k] : awakeRate[k];
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
          if (home >= 0) {
            const informed = informedByBuilding[home];
            if (rateInformed[home] !== informed) {
              rateInformed[home] = informed;
              awakeBuildingRate[home] = (1 * qPerS * informed) / residentsByBuilding[home];
              asleepBuildingRate[home] = (ASLEEP_NEIGHBOUR_FACTOR * qPerS * informed) / residentsByBuilding[home];
            }
            neighbourRate += t & ASLEEP ? asleepBuildingRate[home] : awakeBuildingRate[home];
          }
        }
      }
      const total = officialRate + neighbourRate;
      if (total > 0) {
        hearRemaining[i] -= total * dt;
        if (hearRemaining[i] <= 0) {
          const heard = heardCount[i];
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
  };
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
