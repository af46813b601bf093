import type { World } from '../core/World';

/**
 * The cells of the hazard field that changed since detection last looked, each once, with its value
 * before the first change. Detection reads this log instead of scanning the whole field every tick: a
 * growing fire or flood changes a thin ring of cells per tick, and sensors and the notice mask only need
 * to hear about those.
 */
export interface HazardChanges {
  cells: Int32Array;
  prevIntensity: Float32Array;
  prevCue: Uint8Array;
  count: number;
  /** 1 for cells already in the log; sized to the grid at the first change. */
  mark: Uint8Array | null;
  /** Set when a module rewrote the field without logging: detection then rebuilds from the whole field. */
  rewritten: boolean;
}

export function createHazardChanges(): HazardChanges {
  return { cells: new Int32Array(64), prevIntensity: new Float32Array(64), prevCue: new Uint8Array(64), count: 0, mark: null, rewritten: false };
}

/**
 * Write one cell of the hazard field (intensity 0 to 1, cue bits of `Cue`) and log the change for
 * detection. Hazard modules should write the field only through this (or call `markHazardFieldRewritten`).
 */
export function setHazardCell(world: World, cell: number, intensity: number, cue: number): void {
  const field = world.hazardIntensity;
  const cues = world.hazardCue;
  if (field[cell] === Math.fround(intensity) && cues[cell] === cue) return;
  const log = world.detection.changes;
  let mark = log.mark;
  if (mark === null) {
    mark = new Uint8Array(field.length);
    log.mark = mark;
  }
  if (!mark[cell]) {
    mark[cell] = 1;
    if (log.count === log.cells.length) grow(log);
    log.cells[log.count] = cell;
    log.prevIntensity[log.count] = field[cell];
    log.prevCue[log.count] = cues[cell];
    log.count++;
  }
  // With the "avoid hazards" lever, routes change when a cell crosses the avoidance threshold.
  if (world.warning?.levers.avoidHazards && field[cell] >= AVOID_INTENSITY !== intensity >= AVOID_INTENSITY) world.hazardRerouteDue = true;
  field[cell] = intensity;
  cues[cell] = cue;
}

/** Intensity from which a strategy that avoids hazards routes around a cell. */
export const AVOID_INTENSITY = 0.5;

/** Tell detection that the hazard field was rewritten wholesale: it re-reads every cell at its next step. */
export function markHazardFieldRewritten(world: World): void {
  world.detection.changes.rewritten = true;
}

/** Empty the log once detection has read it. */
export function clearHazardChanges(log: HazardChanges): void {
  const { mark, cells } = log;
  if (mark) for (let k = 0; k < log.count; k++) mark[cells[k]] = 0;
  log.count = 0;
  log.rewritten = false;
}

/**
 * Put every cell that holds a hazard into the log as if it had just appeared from nothing: how detection
 * rebuilds its view from scratch (at its first step, or after a wholesale rewrite). `intensity` and `cue`
 * are the field as it is now.
 */
export function logWholeField(log: HazardChanges, intensity: Float32Array, cue: Uint8Array): void {
  clearHazardChanges(log);
  if (log.mark === null) log.mark = new Uint8Array(intensity.length);
  const mark = log.mark;
  for (let c = 0; c < intensity.length; c++) {
    if (intensity[c] === 0 && cue[c] === 0) continue;
    if (log.count === log.cells.length) grow(log);
    mark[c] = 1;
    log.cells[log.count] = c;
    log.prevIntensity[log.count] = 0;
    log.prevCue[log.count] = 0;
    log.count++;
  }
}

function grow(log: HazardChanges): void {
  const size = log.cells.length * 2;
  const cells = new Int32Array(size);
  const prevIntensity = new Float32Array(size);
  const prevCue = new Uint8Array(size);
  cells.set(log.cells);
  prevIntensity.set(log.prevIntensity);
  prevCue.set(log.prevCue);
  log.cells = cells;
  log.prevIntensity = prevIntensity;
  log.prevCue = prevCue;
}
