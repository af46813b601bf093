import type { World } from '../core/World';

/** Seconds per storey down the stairs: walking, and with limited mobility. */
export const STAIRS_S_PER_FLOOR = 12;
export const STAIRS_S_PER_FLOOR_LIMITED = 35;
/** A lift: waiting for it, then seconds per storey. */
export const LIFT_WAIT_S = 20;
export const LIFT_S_PER_FLOOR = 3;

/** Whether resident `i`'s building has a lift that works now (it stops in a power cut). */
export function liftWorks(world: World, i: number): boolean {
  const home = world.residents.homeBuilding[i];
  if (home < 0) return false;
  const place = world.grid.places[home].place;
  if (place.kind !== 'building' || !place.lift) return false;
  const power = world.outages.powerOff;
  return !(power.length && power[world.residents.cell[i]]);
}

/**
 * Time for resident `i` to come down from its floor, s: by lift when one works, else by the stairs (about
 * three times slower with limited mobility), so a power cut that stops the lifts delays everyone upstairs.
 */
export function descentS(world: World, i: number): number {
  const r = world.residents;
  const floor = r.floor[i];
  if (floor === 0) return 0;
  if (liftWorks(world, i)) return LIFT_WAIT_S + floor * LIFT_S_PER_FLOOR;
  return floor * (r.mobility[i] === 0 ? STAIRS_S_PER_FLOOR : STAIRS_S_PER_FLOOR_LIMITED);
}
