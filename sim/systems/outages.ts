import type { World } from '../core/World';
import type { Scenario } from '../scenario/schema';
import type { Grid } from '../space/Grid';
import { rectCells } from '../space/Grid';

/** An outage resolved for the run. */
export interface OutageRuntime {
  id: string;
  power: boolean;
  /** Cells without service while it lasts; null for the whole map. */
  cells: Int32Array | null;
  startS: number;
  endS: number;
  durationS: number;
  /** Cell and intensity that start it (a cascade), or -1. */
  triggerCell: number;
  triggerIntensity: number;
  active: boolean;
}

/** Outages and the per-cell service masks (a count of outages per cell; empty without outages). */
export interface OutageState {
  outages: OutageRuntime[];
  powerOff: Uint8Array;
  telecomOff: Uint8Array;
}

export function createOutages(scenario: Scenario, grid: Grid): OutageState {
  const cells = grid.width * grid.height;
  const outages = scenario.outages.map((o) => {
    let area: Int32Array | null = null;
    if (o.zone !== 'all') {
      const place = grid.placeById.get(o.zone);
      area = place ? (place.place.kind === 'zone' ? Int32Array.from(rectCells(place.place.rect, grid.width, grid.height)) : place.cells) : new Int32Array(0);
    }
    return {
      id: o.id,
      power: o.kind === 'power',
      cells: area,
      startS: o.fromS ?? Infinity,
      endS: o.fromS === undefined ? Infinity : o.fromS + o.durationS,
      durationS: o.durationS,
      triggerCell: o.trigger ? o.trigger.at.y * grid.width + o.trigger.at.x : -1,
      triggerIntensity: o.trigger?.intensity ?? 1,
      active: false,
    };
  });
  const has = (power: boolean) => scenario.outages.some((o) => (o.kind === 'power') === power);
  return { outages, powerOff: new Uint8Array(has(true) ? cells : 0), telecomOff: new Uint8Array(has(false) ? cells : 0) };
}

/** Start an outage now (an event, or its trigger), for its duration. */
export function startOutage(world: World, id: string): void {
  const o = world.outages.outages.find((x) => x.id === id);
  if (!o || o.active) return;
  const nowS = world.tick * world.tickS;
  o.startS = nowS;
  o.endS = nowS + o.durationS;
}

/** Restore an outage's service now. */
export function endOutage(world: World, id: string): void {
  const o = world.outages.outages.find((x) => x.id === id);
  if (o) o.endS = Math.min(o.endS, world.tick * world.tickS);
}

/** Trigger cascades, switch outages on and off as their times come, and keep the service masks true. */
export function stepOutages(world: World): void {
  const state = world.outages;
  if (state.outages.length === 0) return;
  const nowS = world.tick * world.tickS;
  const intensity = world.hazardIntensity;
  for (const o of state.outages) {
    if (o.triggerCell >= 0 && o.startS === Infinity && intensity.length && intensity[o.triggerCell] >= o.triggerIntensity) {
      o.startS = nowS;
      o.endS = nowS + o.durationS;
    }
    const shouldBe = nowS >= o.startS && nowS < o.endS;
    if (shouldBe === o.active) continue;
    o.active = shouldBe;
    const mask = o.power ? state.powerOff : state.telecomOff;
    const delta = shouldBe ? 1 : -1;
    if (o.cells) for (const c of o.cells) mask[c] += delta;
    else for (let c = 0; c < mask.length; c++) mask[c] += delta;
    const what = o.power ? 'Power' : 'Telecom';
    world.events.push({ tick: world.tick, timeS: nowS, kind: 'outage', title: shouldBe ? `${what} cut: ${o.id}` : `${what} restored: ${o.id}` });
  }
}
