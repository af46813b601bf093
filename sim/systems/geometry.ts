import type { FieldSlot, FieldTarget, World } from '../core/World';
import { AVOID_INTENSITY } from '../detection/hazardChanges';
import { isWalkableKind } from '../space/CellKind';
import { computeDistanceField, createDistanceField, createFieldRepairScratch, type FieldRepairScratch, repairDistanceField } from '../space/distanceField';

/** How many times its length a hazardous cell costs on a route, for strategies that avoid hazards. */
const AVOID_PENALTY = 9;

/** Maximum number of distinct distance fields (residents store the slot in a Uint8Array). */
export const MAX_FIELDS = 255;

/** Whether a field toward `target` exists already or there is room for one more. */
export function hasRoomForField(world: World, target: FieldTarget): boolean {
  return world.fields.length < MAX_FIELDS || world.fields.some((f) => f.key === keyOf(target));
}

function keyOf(target: FieldTarget): string {
  return target.kind === 'place' ? `place:${target.place}` : target.kind;
}

/** Slot of the field toward `target`, creating and computing it on first use. */
export function fieldSlotFor(world: World, target: FieldTarget): number {
  const key = keyOf(target);
  const existing = world.fields.findIndex((f) => f.key === key);
  if (existing >= 0) return existing;
  if (world.fields.length >= MAX_FIELDS) throw new Error(`more than ${MAX_FIELDS} distinct evacuation targets`);
  const slot: FieldSlot = { target, key, field: createDistanceField(world.passable.length) };
  world.fields.push(slot);
  recomputeField(world, slot);
  return world.fields.length - 1;
}

/**
 * What rebuilding the fields keeps between rebuilds: the goal cells each field was built for (a field whose
 * goals are unchanged can be repaired where passability changed, rather than built again), the list of
 * cells whose passability a field has not caught up with, and the repair's scratch.
 */
export interface RerouteState {
  goalsByKey: Map<string, Int32Array>;
  changed: Int32Array;
  scratch: FieldRepairScratch;
}

const rerouteStates = new WeakMap<World, RerouteState>();

/** The rebuild state of a world, for counting its memory; undefined before the first rebuild. */
export function peekRerouteState(world: World): RerouteState | undefined {
  return rerouteStates.get(world);
}

function rerouteStateOf(world: World): RerouteState {
  let state = rerouteStates.get(world);
  if (!state) {
    state = { goalsByKey: new Map(), changed: new Int32Array(256), scratch: createFieldRepairScratch() };
    rerouteStates.set(world, state);
  }
  return state;
}

/**
 * More changed cells than this share of the map and a field is built afresh: a repair touches the cells
 * around each change, and past some point building it whole is cheaper.
 */
const REPAIR_MAX_CHANGED_SHARE = 1 / 16;

/**
 * Rebuild passability after blocks, closures and hazards, then every field. Runs at most once per tick. A
 * field whose goals are the same as last time is repaired around the cells whose passability changed since
 * it was built (a burning front, water rising), with the same result as building it whole; otherwise, or
 * when strategies route around hazards (the penalties change too), it is built whole.
 */
export function updateGeometry(world: World): void {
  if (!world.geometryDirty) return;
  world.geometryDirty = false;
  world.geometryVersion++;
  const { grid, passable, blocked, placeClosed } = world;
  const kinds = grid.baseKinds;
  const placeOfCell = grid.placeOfCell;
  for (let c = 0; c < passable.length; c++) {
    const place = placeOfCell[c];
    passable[c] = isWalkableKind(kinds[c]) && !(place >= 0 && placeClosed[place]) ? 1 : 0;
  }
  for (const c of blocked) passable[c] = 0;
  const hazardBlocked = world.hazardBlocked;
  for (let c = 0; c < hazardBlocked.length; c++) if (hazardBlocked[c]) passable[c] = 0;
  if (world.warning.levers.avoidHazards && world.hazardIntensity.length) {
    // Hazardous cells stay walkable but cost ten times their length: people take a detour when there is one.
    const intensity = world.hazardIntensity;
    const penalty = world.avoidPenalty ?? new Float32Array(intensity.length);
    for (let c = 0; c < intensity.length; c++) penalty[c] = intensity[c] >= AVOID_INTENSITY ? AVOID_PENALTY : 0;
    world.avoidPenalty = penalty;
  }
  const state = rerouteStateOf(world);
  for (const slot of world.fields) {
    const goals = Int32Array.from(goalCells(world, slot.target));
    const before = state.goalsByKey.get(slot.key);
    const changedCount = world.avoidPenalty === null && before && sameCells(before, goals) ? collectChanged(state, passable, slot.field.distanceM) : -1;
    if (changedCount >= 0 && changedCount <= passable.length * REPAIR_MAX_CHANGED_SHARE) {
      if (changedCount > 0) repairDistanceField(grid.width, grid.height, grid.cellSizeM, passable, state.changed, changedCount, slot.field, state.scratch);
    } else {
      recomputeField(world, slot, goals);
    }
  }
}

/**
 * List in `state.changed` the cells whose passability may differ from what the field was built for, read
 * off the field itself (hazards close burning cells between rebuilds, so `passable` alone cannot say): a
 * closed cell the field reaches (goals among them, harmlessly), and an open cell it does not reach or a
 * goal (an opened goal makes new diagonals possible). Unreachable open cells are listed every time; the
 * repair finds nothing new for them. Returns how many.
 */
function collectChanged(state: RerouteState, passable: Uint8Array, dist: Float32Array): number {
  let changed = state.changed;
  let count = 0;
  for (let c = 0; c < passable.length; c++) {
    const d = dist[c];
    if (passable[c] ? d !== Infinity && d !== 0 : d === Infinity) continue;
    if (count === changed.length) {
      const grown = new Int32Array(changed.length * 2);
      grown.set(changed);
      changed = grown;
      state.changed = grown;
    }
    changed[count++] = c;
  }
  return count;
}

function sameCells(a: Int32Array, b: Int32Array): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return false;
  return true;
}

function goalCells(world: World, target: FieldTarget): number[] {
  const goals: number[] = [];
  const { places } = world.grid;
  const open = (index: number) => !world.placeClosed[index];
  if (target.kind === 'place') {
    if (open(target.place)) for (const c of places[target.place].cells) if (!world.blocked.has(c)) goals.push(c);
  } else {
    for (const p of places) {
      const wanted = target.kind === 'safe' ? p.kind === 'exit' || p.kind === 'shelter' : p.kind === (target.kind === 'exits' ? 'exit' : 'shelter');
      if (wanted && open(p.index)) for (const c of p.cells) if (!world.blocked.has(c)) goals.push(c);
    }
  }
  // A target that is closed or full sends people to the nearest open safe place rather than leaving them stuck.
  if (goals.length === 0 && target.kind !== 'safe') return goalCells(world, { kind: 'safe' });
  return goals;
}

function recomputeField(world: World, slot: FieldSlot, goals: Int32Array = Int32Array.from(goalCells(world, slot.target))): void {
  const { grid } = world;
  const state = rerouteStateOf(world);
  computeDistanceField(grid.width, grid.height, grid.cellSizeM, world.passable, goals, slot.field, state.scratch.heap, world.avoidPenalty);
  state.goalsByKey.set(slot.key, goals);
}
