import { descentS } from '../agents/descent';
import { Content, Knows, Trait } from '../agents/Residents';
import { initialWaits } from '../agents/traits';
import { ResidentState } from '../core/Simulation';
import type { FieldTarget, World } from '../core/World';
import { startHazard } from '../detection/hazards';
import { governedAction, openShelter } from '../governance/respond';
import { applyInjectCommand } from '../injects/stepInjects';
import type { ScenarioAction } from '../scenario/schema';
import { rectCells } from '../space/Grid';
import { assignVolunteers } from '../volunteers/tasks';
import { setState } from '../warning/decide';
import { hearRumour } from '../warning/hear';
import { activateWarningPlan } from '../warning/plan';
import { fieldSlotFor } from './geometry';
import { endOutage, startOutage } from './outages';

/** Carry out one timeline event or command at the current tick. Assumes it was validated. */
export function applyAction(world: World, action: ScenarioAction): void {
  const timeS = world.tick * world.tickS;
  const { grid } = world;
  switch (action.kind) {
    case 'evacuate': {
      orderEvacuation(world, action.zone, action.target, timeS);
      note(world, 'evacuate', `Evacuation ordered: ${action.zone === 'all' ? 'everyone' : action.zone} → ${action.target}`);
      break;
    }
    case 'closeExit':
    case 'openExit': {
      const place = grid.placeById.get(action.place);
      if (!place) return;
      world.placeClosed[place.index] = action.kind === 'closeExit' ? 1 : 0;
      world.geometryDirty = true;
      note(world, action.kind, `${action.kind === 'closeExit' ? 'Closed' : 'Opened'}: ${place.place.name ?? place.id}`);
      break;
    }
    case 'blockArea':
    case 'unblockArea': {
      const value = action.kind === 'blockArea' ? 1 : 0;
      for (const c of rectCells(action.rect, grid.width, grid.height)) {
        if (value) world.blocked.add(c);
        else world.blocked.delete(c);
      }
      world.geometryDirty = true;
      const reason = action.kind === 'blockArea' && action.reason ? ` (${action.reason})` : '';
      note(world, action.kind, `${value ? 'Blocked' : 'Reopened'} area at column ${action.rect.x}, row ${action.rect.y}${reason}`);
      break;
    }
    case 'message':
      note(world, 'message', action.title, action.text);
      break;
    case 'warn':
      startBroadcast(world, action.channel, contentOf(action.content), action.zone, action.target, false);
      if (world.warning.firstOfficialWarningS < 0) world.warning.firstOfficialWarningS = world.tick * world.tickS;
      note(world, 'warn', `Warning on ${action.channel}: ${action.content}${action.zone === 'all' ? '' : ` (${action.zone})`}`, action.text);
      break;
    case 'officialUpdate':
      startBroadcast(world, action.channel, world.warning.lastContent, 'all', null, true);
      note(world, 'officialUpdate', `Official update on ${action.channel}`, action.text);
      break;
    case 'rumour':
      startRumour(world, action.content === 'panic', action.zone, action.seedShare);
      note(world, 'rumour', 'A rumour is going round', action.text);
      break;
    case 'activatePlan':
      if (activateWarningPlan(world, action.by ?? null)) note(world, 'activatePlan', 'The community decided to warn: the warning plan starts');
      break;
    case 'startHazard': {
      const module = world.hazardModules.find((m) => m.id === action.hazard);
      if (module) module.start(world);
      else startHazard(world, action.hazard);
      break;
    }
    case 'assignVolunteers':
      assignVolunteers(world, action.team, action.task, action.zone);
      break;
    case 'startOutage':
      startOutage(world, action.outage);
      break;
    case 'endOutage':
      endOutage(world, action.outage);
      break;
    case 'openShelter':
      if (world.governance) governedAction(world, world.governance, 'openShelter', action.shelter);
      else openShelter(world, action.shelter);
      break;
    case 'releaseSupplies':
      if (world.governance) governedAction(world, world.governance, 'releaseSupplies', null);
      break;
    case 'requestSupport':
      if (world.governance) governedAction(world, world.governance, 'requestSupport', action.unit);
      break;
    // injects: begin
    case 'fireInject':
    case 'delayInject':
    case 'skipInject':
      applyInjectCommand(world, action, applyAction);
      break;
    // injects: end
  }
}

const CONTENT_BY_NAME = { evacuate: Content.Evacuate, shelterInPlace: Content.ShelterInPlace, avoidArea: Content.AvoidArea } as const;

function contentOf(name: keyof typeof CONTENT_BY_NAME): number {
  return CONTENT_BY_NAME[name];
}

/** Cells of a zone or building as a mask, or null for "all". */
export function zoneMask(world: World, zone: string): Uint8Array | null {
  if (zone === 'all') return null;
  const { grid } = world;
  const place = grid.placeById.get(zone);
  const mask = new Uint8Array(grid.width * grid.height);
  if (!place) return mask;
  const cells = place.place.kind === 'zone' ? rectCells(place.place.rect, grid.width, grid.height) : place.cells;
  for (const c of cells) mask[c] = 1;
  return mask;
}

/** Send an official message over a channel; it replaces the channel's previous message of the same kind for that zone. */
function startBroadcast(world: World, channelId: string, content: number, zone: string, target: string | null, isUpdate: boolean): void {
  const w = world.warning;
  const channel = w.channelById.get(channelId);
  if (channel === undefined) return;
  const targetSlot = target === null ? w.lastTargetSlot : fieldSlotFor(world, targetOf(world, target));
  if (!isUpdate) {
    w.lastContent = content;
    w.lastTargetSlot = targetSlot;
  }
  const zoneKey = `${zone}`;
  const replaced = w.broadcasts.findIndex((b) => b.channel === channel && b.isUpdate === isUpdate && b.zoneKey === zoneKey);
  // A new message takes the slot of the one it replaces, or a free one, or the oldest message's.
  let slot: number;
  if (replaced >= 0) slot = w.broadcasts.splice(replaced, 1)[0].slot;
  else if (w.broadcasts.length < MAX_LIVE_BROADCASTS) slot = freeSlot(w.broadcasts);
  else slot = (w.broadcasts.shift() as { slot: number }).slot;
  const clear = ~(1 << slot);
  const heard = world.residents.heardBroadcasts;
  for (let i = 0; i < heard.length; i++) heard[i] &= clear;
  w.broadcasts.push({ slot, channel, content, zone: zoneMask(world, zone), zoneKey, targetSlot, isUpdate });
}

/** Messages live at once: one bit each in Residents.heardBroadcasts. */
const MAX_LIVE_BROADCASTS = 16;

function freeSlot(broadcasts: readonly { slot: number }[]): number {
  let used = 0;
  for (const b of broadcasts) used |= 1 << b.slot;
  for (let k = 0; k < MAX_LIVE_BROADCASTS; k++) if (!(used & (1 << k))) return k;
  return 0;
}

/** Salt of the residents' waits for hearing the rumour. */
const RUMOUR_SALT = 0x2f6b1d3;

/** Seed a rumour among a share of the residents of a zone, chosen by the run's random stream. */
function startRumour(world: World, panics: boolean, zone: string, seedShare: number): void {
  const w = world.warning;
  if (world.residents.rumourRemaining.length === 0) world.residents.rumourRemaining = initialWaits(world.residents.count, world.seed, RUMOUR_SALT);
  w.rumourActive = true;
  w.rumourPanics = panics;
  const mask = zoneMask(world, zone);
  const r = world.residents;
  const random = world.warning.decide;
  for (let i = 0; i < r.count; i++) {
    if (mask && !mask[r.cell[i]]) continue;
    if (r.knows[i] & (Knows.HeardRumour | Knows.Debunked)) continue;
    if (random.next() < seedShare) hearRumour(world, i);
  }
}

function note(world: World, kind: string, title: string, text?: string): void {
  world.events.push({ tick: world.tick, timeS: world.tick * world.tickS, kind, title, ...(text ? { text } : {}) });
}

/** The distance-field target of an evacuation order's `target`. */
export function targetOf(world: World, target: string): FieldTarget {
  switch (target) {
    case 'nearest-safe':
      return { kind: 'safe' };
    case 'nearest-exit':
      return { kind: 'exits' };
    case 'nearest-shelter':
      return { kind: 'shelters' };
    default: {
      const place = world.grid.placeById.get(target);
      return place ? { kind: 'place', place: place.index } : { kind: 'safe' };
    }
  }
}

/**
 * A direct order, idealised: everyone in `zone` who is not yet safe gets it at once and obeys. Those not
 * yet leaving start their pre-movement clock now; those already preparing or moving only change
 * destination. Real warnings go through channels (`warn`) and residents' decisions.
 */
function orderEvacuation(world: World, zone: string, target: string, timeS: number): void {
  const { residents } = world;
  const slot = fieldSlotFor(world, targetOf(world, target));
  const inZone = zoneMask(world, zone);
  if (zone !== 'all' && !world.grid.placeById.get(zone)) return;
  if (world.firstOrderS < 0) world.firstOrderS = timeS;
  const { state, cell, field, startS, preMovementS, intent } = residents;
  for (let i = 0; i < residents.count; i++) {
    const s = state[i];
    if (s === ResidentState.Safe) continue;
    if (inZone && !inZone[cell[i]]) continue;
    field[i] = slot;
    if (intent[i] === Content.None) world.warning.acting++;
    intent[i] = Content.Evacuate;
    if (s === ResidentState.Idle || s === ResidentState.Sheltering) {
      startS[i] = timeS + preMovementS[i] + descentS(world, i);
      setState(world, i, residents.traits[i] & Trait.NeedsHelp ? ResidentState.AwaitingHelp : ResidentState.Preparing);
    }
  }
}
