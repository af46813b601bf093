import { ResidentState } from '../core/Simulation';
import type { FieldTarget, World } from '../core/World';
import type { ScenarioAction } from '../scenario/schema';
import { rectCells } from '../space/Grid';
import { fieldSlotFor } from './geometry';

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
      for (const c of rectCells(action.rect, grid.width, grid.height)) world.blocked[c] = value;
      world.geometryDirty = true;
      const reason = action.kind === 'blockArea' && action.reason ? ` (${action.reason})` : '';
      note(world, action.kind, `${value ? 'Blocked' : 'Reopened'} area at column ${action.rect.x}, row ${action.rect.y}${reason}`);
      break;
    }
    case 'message':
      note(world, 'message', action.title, action.text);
      break;
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
 * Order everyone in `zone` who is not yet safe toward `target`: those not yet ordered start their
 * pre-movement clock now; those already preparing or moving only change destination.
 */
function orderEvacuation(world: World, zone: string, target: string, timeS: number): void {
  const { grid, residents, counts } = world;
  const slot = fieldSlotFor(world, targetOf(world, target));
  let inZone: Uint8Array | null = null;
  if (zone !== 'all') {
    const place = grid.placeById.get(zone);
    if (!place) return;
    inZone = new Uint8Array(grid.width * grid.height);
    const cells = place.place.kind === 'zone' ? rectCells(place.place.rect, grid.width, grid.height) : place.cells;
    for (const c of cells) inZone[c] = 1;
  }
  if (world.firstOrderS < 0) world.firstOrderS = timeS;
  const { state, cell, field, startS, preMovementS } = residents;
  for (let i = 0; i < residents.count; i++) {
    const s = state[i];
    if (s === ResidentState.Safe) continue;
    if (inZone && !inZone[cell[i]]) continue;
    field[i] = slot;
    if (s === ResidentState.Idle) {
      state[i] = ResidentState.Preparing;
      startS[i] = timeS + preMovementS[i];
      counts.idle--;
      counts.preparing++;
    }
  }
}
