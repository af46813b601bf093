import type { World } from '../core/World';
import type { Hazard } from '../scenario/schemaWarning';
import { setHazardCell } from './hazardChanges';

/** What a hazard looks like to sensors and people, as bits of `World.hazardCue`. */
export const Cue = { Fire: 1, Smoke: 2, Gas: 4, Water: 8, Debris: 16 } as const;
const CUE_BITS = { fire: Cue.Fire, smoke: Cue.Smoke, gas: Cue.Gas, water: Cue.Water } as const;

/** A hazard area resolved for the run. */
export interface HazardRuntime {
  id: string;
  cue: number;
  x: number;
  y: number;
  /** Start time, s; Infinity until started. */
  startS: number;
  growthMps: number;
  maxRadiusM: number;
  /** Radius already drawn into the field, m. */
  drawnRadiusM: number;
}

/** The area hazards of a scenario (other kinds run as hazard modules, see sim/hazards/modules.ts). */
export function createHazards(hazards: readonly Hazard[]): HazardRuntime[] {
  return hazards
    .flatMap((h) => (h.kind === 'area' ? [h] : []))
    .map((h) => ({
      id: h.id,
      cue: CUE_BITS[h.cue],
      x: h.origin.x,
      y: h.origin.y,
      startS: h.startS ?? Infinity,
      growthMps: h.growthMps,
      maxRadiusM: h.maxRadiusM,
      drawnRadiusM: -1,
    }));
}

/** Start a hazard now (a timeline event or a facilitator's inject); one already burning is left alone. */
export function startHazard(world: World, id: string): void {
  const hazard = world.hazards.find((h) => h.id === id);
  if (!hazard || hazard.startS <= world.tick * world.tickS) return;
  hazard.startS = world.tick * world.tickS;
  world.events.push({ tick: world.tick, timeS: hazard.startS, kind: 'startHazard', title: `Hazard started: ${id}` });
}

/**
 * Grow every started hazard area and stamp it into the intensity and cue fields. Each tick only the ring
 * between the radius already drawn and the new one is stamped (a disc only grows), through
 * `setHazardCell`, so detection hears about exactly the cells that changed.
 */
export function stepHazards(world: World): void {
  const nowS = world.tick * world.tickS;
  const cellSizeM = world.grid.cellSizeM;
  for (const h of world.hazards) {
    if (nowS < h.startS) continue;
    const radiusM = Math.min(h.maxRadiusM, h.growthMps * (nowS - h.startS));
    if (radiusM <= h.drawnRadiusM) continue;
    stampRing(world, h, h.drawnRadiusM < 0 ? -1 : h.drawnRadiusM / cellSizeM, radiusM / cellSizeM);
    h.drawnRadiusM = radiusM;
  }
}

/**
 * Stamp the cells of a hazard's disc of radius `outer` (cells) that are not in its disc of radius `inner`
 * (-1 for none). A cell is in a disc of radius r when dx² + dy² ≤ r² + 0.25, so a disc of radius 0 is the
 * origin cell; rows are cut into spans so the cost is the new cells plus one step per row.
 */
function stampRing(world: World, h: HazardRuntime, inner: number, outer: number): void {
  const { width, height } = world.grid;
  const cues = world.hazardCue;
  const outer2 = outer * outer + 0.25;
  const inner2 = inner < 0 ? -1 : inner * inner + 0.25;
  const reach = halfWidth(outer2);
  for (let dy = -reach; dy <= reach; dy++) {
    const y = h.y + dy;
    if (y < 0 || y >= height) continue;
    const ho = halfWidth(outer2 - dy * dy);
    const hi = inner2 < 0 ? -1 : halfWidth(inner2 - dy * dy);
    for (let dx = hi + 1; dx <= ho; dx++) {
      const right = h.x + dx;
      if (right >= 0 && right < width) setHazardCell(world, y * width + right, 1, cues[y * width + right] | h.cue);
      const left = h.x - dx;
      if (dx > 0 && left >= 0 && left < width) setHazardCell(world, y * width + left, 1, cues[y * width + left] | h.cue);
    }
  }
}

/** Largest whole k with k² ≤ v, or -1 when v < 0; exact where the float square root is off by one. */
export function halfWidth(v: number): number {
  if (v < 0) return -1;
  let k = Math.floor(Math.sqrt(v));
  while ((k + 1) * (k + 1) <= v) k++;
  while (k > 0 && k * k > v) k--;
  return k;
}
