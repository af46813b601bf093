import { descentS } from '../agents/descent';
import { Content, Knows, SHARE_UNIT, Source, Trait } from '../agents/Residents';
import { ResidentState } from '../core/Simulation';
import type { World } from '../core/World';

/**
 * Resident `i` hears a message. It wakes, counts the repetition, and, unless it already acts, decides
 * whether to believe it (trust in the source, repetition, what it sees, what its neighbours do, rumours,
 * panic). Belief turns into action for its whole household: leaving together, or sheltering in place.
 */
export function hearMessage(world: World, i: number, content: number, source: number, targetSlot: number, isUpdate: boolean): void {
  const r = world.residents;
  const nowS = world.tick * world.tickS;
  r.traits[i] &= ~Trait.Asleep;
  if (r.heardCount[i] < 255) r.heardCount[i]++;
  if (content !== Content.None) markInformed(world, i, nowS);
  // Official messages that contradict what the resident heard before cost trust and feed panic.
  if (source === Source.Official && content !== Content.None && r.heardContent[i] !== Content.None && r.heardContent[i] !== content) contradict(world, i);
  r.source[i] = source;
  if (content !== Content.None) r.heardContent[i] = content;
  if (source === Source.Official) {
    r.lastOfficialMin[i] = Math.min(65535, Math.floor(nowS / 60) + 1);
    if (isUpdate) receiveUpdate(world, i);
  }
  const state = r.state[i];
  if (state === ResidentState.Safe || content === Content.None) return;
  if (r.intent[i] !== Content.None) {
    // Already acting: a new evacuation message may change where it goes, or get a sheltering household moving.
    if (content !== Content.Evacuate) return;
    if (state === ResidentState.Preparing || state === ResidentState.Moving) r.field[i] = targetSlot;
    if (state !== ResidentState.Sheltering) return;
  }
  if (world.warning.decide.next() < beliefProbability(world, i, source)) act(world, i, content, targetSlot);
}

function beliefProbability(world: World, i: number, source: number): number {
  const r = world.residents;
  const b = world.scenario.behaviour;
  const w = world.warning;
  let p = (source === Source.Official ? r.trust[i] / SHARE_UNIT : b.neighbourTrust) * (1 + b.repetitionBoost * (r.heardCount[i] - 1));
  if (r.knows[i] & Knows.SawHazard) p += b.cueBoost;
  const home = r.homeBuilding[i];
  if (home >= 0 && w.residentsByBuilding[home] > 0) p += (b.socialBoost * w.leavingByBuilding[home]) / w.residentsByBuilding[home];
  if (r.knows[i] & Knows.BelievesRumour && !w.rumourPanics) p *= 1 - b.rumourPenalty;
  return p + (0.5 * r.panic[i]) / SHARE_UNIT;
}

/** Count a resident as informed the first time a warning reaches it (told by family counts too). */
function markInformed(world: World, i: number, nowS: number): void {
  const r = world.residents;
  if (r.heardAtS[i] < Infinity) return;
  r.heardAtS[i] = nowS;
  world.warning.informed++;
  const home = r.homeBuilding[i];
  if (home >= 0) world.warning.informedByBuilding[home]++;
}

/** A resident hears an official message that contradicts an earlier one. */
function contradict(world: World, i: number): void {
  const r = world.residents;
  const { trustLossPerContradiction, panicPerContradiction } = world.scenario.behaviour.panic;
  r.trust[i] = Math.max(0, r.trust[i] - Math.round(trustLossPerContradiction * SHARE_UNIT));
  r.panic[i] = Math.min(SHARE_UNIT, r.panic[i] + Math.round(panicPerContradiction * SHARE_UNIT));
}

/** An official update: trust grows, panic eases, and a believed rumour is dropped. */
function receiveUpdate(world: World, i: number): void {
  const r = world.residents;
  const panic = world.scenario.behaviour.panic;
  r.trust[i] = Math.min(SHARE_UNIT, r.trust[i] + Math.round(panic.trustPerUpdate * SHARE_UNIT));
  r.panic[i] = Math.max(0, r.panic[i] - Math.round(panic.calmPerUpdate * SHARE_UNIT));
  if (r.knows[i] & Knows.BelievesRumour) world.warning.rumourBelievers--;
  r.knows[i] = (r.knows[i] & ~Knows.BelievesRumour) | Knows.Debunked;
}

/** First index of the household of `i` and one past its last (households are stored contiguously). */
export function householdRange(household: Int32Array, i: number, count: number): [number, number] {
  let a = i;
  while (a > 0 && household[a - 1] === household[i]) a--;
  let b = i + 1;
  while (b < count && household[b] === household[i]) b++;
  return [a, b];
}

/**
 * The household of `i` acts on `content`: shelters in place, or leaves together once the slowest to get
 * ready is ready, at the pace of its slowest member. A member who cannot leave without help waits for it.
 */
export function act(world: World, i: number, content: number, targetSlot: number): void {
  const r = world.residents;
  const nowS = world.tick * world.tickS;
  const [a, b] = householdRange(r.household, i, r.count);
  if (content === Content.ShelterInPlace) {
    for (let k = a; k < b; k++) {
      if (r.intent[k] !== Content.None || r.state[k] !== ResidentState.Idle) continue;
      r.intent[k] = Content.ShelterInPlace;
      world.warning.acting++;
      markInformed(world, k, nowS);
      setState(world, k, ResidentState.Sheltering);
    }
    return;
  }
  let readyS = nowS;
  let paceMps = Infinity;
  for (let k = a; k < b; k++) {
    if (r.state[k] !== ResidentState.Idle && r.state[k] !== ResidentState.Sheltering) continue;
    readyS = Math.max(readyS, nowS + r.preMovementS[k] + descentS(world, k));
    if (!(r.traits[k] & Trait.NeedsHelp)) paceMps = Math.min(paceMps, r.speedMps[k]);
  }
  for (let k = a; k < b; k++) {
    const state = r.state[k];
    if (state !== ResidentState.Idle && state !== ResidentState.Sheltering) continue;
    if (r.intent[k] === Content.None) world.warning.acting++;
    r.intent[k] = Content.Evacuate;
    markInformed(world, k, nowS);
    r.field[k] = targetSlot;
    if (r.traits[k] & Trait.NeedsHelp) {
      setState(world, k, ResidentState.AwaitingHelp);
      continue;
    }
    r.startS[k] = readyS;
    if (paceMps < Infinity) r.speedMps[k] = paceMps;
    setState(world, k, ResidentState.Preparing);
  }
  if (world.firstOrderS < 0) world.firstOrderS = nowS;
}

/** Change a resident's state and keep the state counts true. */
export function setState(world: World, i: number, next: number): void {
  const r = world.residents;
  const counts = world.counts;
  const previous = r.state[i];
  if (previous === next) return;
  counts[STATE_COUNT[previous]]--;
  counts[STATE_COUNT[next]]++;
  r.state[i] = next;
  const home = r.homeBuilding[i];
  if (home >= 0) {
    const leaving = (s: number) => s === ResidentState.Preparing || s === ResidentState.Moving;
    if (leaving(previous)) world.warning.leavingByBuilding[home]--;
    if (leaving(next)) world.warning.leavingByBuilding[home]++;
  }
}

/** Which entry of World.counts each ResidentState is counted in. */
const STATE_COUNT = ['idle', 'preparing', 'moving', 'safe', 'sheltering', 'awaitingHelp', 'deceased'] as const;
