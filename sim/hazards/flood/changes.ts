import { FLOW_DEPTH_MIN_M, type Flood } from './Flood';
import { floodIntensity as floodIntensityImported } from './perception';

// Module constants, not imported names, in the loop: see fluxes.ts.
const floodIntensity = floodIntensityImported;
const MIN_FLOW_DEPTH_M = FLOW_DEPTH_MIN_M;

/** A cell is listed as changed when its intensity moved at least this much since it was last listed. */
export const INTENSITY_STEP = 0.02;

/**
 * Refresh `speedMps` over the wet box and list the cells whose perceived intensity changed: by at least
 * `INTENSITY_STEP` since they were last listed, or between zero and non-zero. Rising water changes every
 * wet cell a little every tick; thresholding keeps the list to the cells a reader must hear about. Called
 * at the end of `stepFlood`.
 */
export function listChangedCells(f: Flood): void {
  const { width, wetBox: box } = f;
  const w1 = width + 1;
  const depth = f.depthM;
  const speed = f.speedMps;
  const qx = f.flowXM2s;
  const qy = f.flowYM2s;
  const listed = f.listedIntensity;
  const changed = f.changedCells;
  let count = 0;
  for (let y = box.y0; y <= box.y1; y++) {
    for (let x = box.x0; x <= box.x1; x++) {
      const c = y * width + x;
      const h = depth[c];
      if (h === 0 && listed[c] === 0) {
        speed[c] = 0; // dry and already published as dry: the common case in a large wet box
        continue;
      }
      let v = 0;
      if (h > MIN_FLOW_DEPTH_M) {
        // Cell-centre velocity: the mean of the discharges across opposite faces, over the depth.
        const u = (qx[y * w1 + x] + qx[y * w1 + x + 1]) / (2 * h);
        const w = (qy[c] + qy[c + width]) / (2 * h);
        v = Math.sqrt(u * u + w * w);
      }
      speed[c] = v;
      const now = Math.fround(floodIntensity(h, v));
      const before = listed[c];
      if ((now === 0) !== (before === 0) || Math.abs(now - before) >= INTENSITY_STEP) {
        listed[c] = now;
        changed[count++] = c;
      }
    }
  }
  f.changedCount = count;
}

/**
 * Call `visit(cell, intensity)` for each cell listed by the last `stepFlood`, with the intensity to
 * publish (0 to 1). The simulation writes these into its hazard field (`setHazardCell`) each tick.
 */
export function forEachChangedCell(f: Flood, visit: (cell: number, intensity: number) => void): void {
  const cells = f.changedCells;
  const listed = f.listedIntensity;
  for (let k = 0; k < f.changedCount; k++) visit(cells[k], listed[cells[k]]);
}
