import type { World } from '../core/World';
import { setHazardCell } from '../detection/hazardChanges';

/**
 * What one hazard engine makes of each cell: its intensity and cue, and (for engines that have them) the
 * walking factor and whether it blocks the cell. Engines write their own layer (through `setLayerCell`);
 * `publishCell` combines all layers into the world's fields, so one engine never erases another's fire,
 * water or debris.
 */
export interface HazardLayer {
  intensity: Float32Array;
  cue: Uint8Array;
  /** Walking speed factor in 1/255 (255: unhindered); null for engines that never slow walking. */
  walk: Uint8Array | null;
  /** 1 where the engine blocks walking; null for engines that never block. */
  blocked: Uint8Array | null;
  /**
   * The world's only layer, with no area hazard writing the field besides: the world's fields are then this
   * layer exactly, so it keeps no arrays of its own (they are empty) and its values go straight to them.
   */
  direct: boolean;
}

export function createHazardLayer(cells: number, slows: boolean, blocks: boolean, direct = false): HazardLayer {
  const size = direct ? 0 : cells;
  return {
    intensity: new Float32Array(size),
    cue: new Uint8Array(size),
    walk: slows ? new Uint8Array(size).fill(255) : null,
    blocked: blocks ? new Uint8Array(size) : null,
    direct,
  };
}

/**
 * Set an engine's values at `cell` (intensity 0 to 1, cue bits, walking factor in 1/255, 1 if blocked; the
 * last two are ignored for layers without them) and publish the cell.
 */
export function setLayerCell(world: World, layer: HazardLayer, cell: number, intensity: number, cue: number, walk: number, blocked: number): void {
  if (layer.direct) {
    // What publishCell makes of a single layer holding these values (stored as Float32 and bytes).
    const v = Math.fround(intensity);
    const shown = v > 0;
    writeCell(world, cell, shown ? v : 0, shown ? cue & 255 : 0, layer.walk ? walk & 255 : 255, layer.blocked && blocked & 255 ? 1 : 0);
    return;
  }
  layer.intensity[cell] = intensity;
  layer.cue[cell] = cue;
  if (layer.walk) layer.walk[cell] = walk;
  if (layer.blocked) layer.blocked[cell] = blocked;
  publishCell(world, cell);
}

/** The layer's intensity at `cell` as last set. */
export function layerIntensity(world: World, layer: HazardLayer, cell: number): number {
  return layer.direct ? world.hazardIntensity[cell] : layer.intensity[cell];
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
  writeCell(world, cell, intensity, cue, walk, blocked);
}

/** Write the combined values of `cell` into the world's fields; a newly blocked cell is closed at once. */
function writeCell(world: World, cell: number, intensity: number, cue: number, walk: number, blocked: number): void {
  setHazardCell(world, cell, intensity, cue);
  if (world.walkFactor.length) world.walkFactor[cell] = walk;
  const hazardBlocked = world.hazardBlocked;
  if (hazardBlocked.length && hazardBlocked[cell] !== blocked) {
    hazardBlocked[cell] = blocked;
    if (blocked) world.passable[cell] = 0;
    world.hazardRerouteDue = true;
  }
}
