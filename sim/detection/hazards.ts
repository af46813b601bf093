import type { World } from '../core/World';
import type { Hazard } from '../scenario/schemaWarning';

/** What a hazard looks like to sensors and people, as bits of `World.hazardCue`. */
export const Cue = { Fire: 1, Smoke: 2, Gas: 4, Water: 8 } as const;
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

export function createHazards(hazards: readonly Hazard[]): HazardRuntime[] {
  return hazards.map((h) => ({
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
 * Grow every started hazard area and stamp it into the intensity and cue fields. Only the ring added
 * since the last stamp is new, but stamping the disc again is cheap next to the movement step.
 */
export function stepHazards(world: World): void {
  const nowS = world.tick * world.tickS;
  const { width, height, cellSizeM } = world.grid;
  for (const h of world.hazards) {
    if (nowS < h.startS) continue;
    const radiusM = Math.min(h.maxRadiusM, h.growthMps * (nowS - h.startS));
    // Redraw only when the edge has moved by a tenth of a cell: the field is cell-resolved anyway.
    if (radiusM - h.drawnRadiusM < cellSizeM * 0.1) continue;
    h.drawnRadiusM = radiusM;
    const r = radiusM / cellSizeM;
    const reach = Math.ceil(r);
    for (let dy = -reach; dy <= reach; dy++) {
      const y = h.y + dy;
      if (y < 0 || y >= height) continue;
      for (let dx = -reach; dx <= reach; dx++) {
        const x = h.x + dx;
        if (x < 0 || x >= width || dx * dx + dy * dy > r * r + 0.25) continue;
        const c = y * width + x;
        world.hazardIntensity[c] = 1;
        world.hazardCue[c] |= h.cue;
      }
    }
  }
}
