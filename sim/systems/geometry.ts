import type { FieldSlot, FieldTarget, World } from '../core/World';
import { AVOID_INTENSITY } from '../detection/hazardChanges';
import { isWalkableKind } from '../space/CellKind';
import { computeDistanceField, createDistanceField } from '../space/distanceField';

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

/** Rebuild passability after blocks or closures, then every field. Runs at most once per tick. */
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
  for (const slot of world.fields) recomputeField(world, slot);
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

function recomputeField(world: World, slot: FieldSlot): void {
  const { grid } = world;
  computeDistanceField(grid.width, grid.height, grid.cellSizeM, world.passable, goalCells(world, slot.target), slot.field, world.heap, world.avoidPenalty);
}
