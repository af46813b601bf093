import type { World } from '../core/World';
import { setHazardCell } from '../detection/hazardChanges';

/**
 * What one hazard engine makes of each cell: its intensity and cue, and (for engines that have them) the
 * walking factor and whether it blocks the cell. Engines write their own layer; `publishCell` combines all
 * layers into the world's fields, so one engine never erases another's fire, water or debris.
 */
export interface HazardLayer {
  intensity: Float32Array;
  cue: Uint8Array;
  /** Walking speed factor in 1/255 (255: unhindered); null for engines that never slow walking. */
  walk: Uint8Array | null;
  /** 1 where the engine blocks walking; null for engines that never block. */
  blocked: Uint8Array | null;
}

export function createHazardLayer(cells: number, slows: boolean, blocks: boolean): HazardLayer {
  return {
    intensity: new Float32Array(cells),
    cue: new Uint8Array(cells),
    walk: slows ? new Uint8Array(cells).fill(255) : null,
    blocked: blocks ? new Uint8Array(cells) : null,
  };
}

/**
 * Combine every engine's layer at `cell` into the world: the strongest intensity with its cue, the
 * slowest walking factor, blocked if any engine blocks. A newly blocked cell is closed at once; routes
 * follow at the next reroute.
 */
export function publishCell(world: World, cell: number): void {
  let intensity = 0;
  let cue = 0;
  let walk = 255;
  let blocked = 0;
  const layers = world.hazardLayers;
  for (let k = 0; k < layers.length; k++) {
    const layer = layers[k];
    const v = layer.intensity[cell];
    if (v > intensity) {
      intensity = v;
      cue = layer.cue[cell];
    }
    if (layer.walk && layer.walk[cell] < walk) walk = layer.walk[cell];
    if (layer.blocked?.[cell]) blocked = 1;
  }
  setHazardCell(world, cell, intensity, cue);
  if (world.walkFactor.length) world.walkFactor[cell] = walk;
  const hazardBlocked = world.hazardBlocked;
  if (hazardBlocked.length && hazardBlocked[cell] !== blocked) {
    hazardBlocked[cell] = blocked;
    if (blocked) world.passable[cell] = 0;
    world.hazardRerouteDue = true;
  }
}
