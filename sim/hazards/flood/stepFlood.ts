import { listChangedCells } from './changes';
import { growBox } from './createFlood';
import { COURANT, type Flood, GRAVITY_MPS2, MAX_SUB_STEP_S } from './Flood';
import { computeFluxes, type Region } from './fluxes';
import { inflowVolumeM3, overlapS } from './hydrograph';
import { updateDepths } from './updateDepths';

/**
 * Longest stable internal step now, s: Δt = α·Δx/√(g·h_max) (Bates et al. 2010, α = `COURANT`),
 * at most `MAX_SUB_STEP_S`.
 */
export function stableStepS(f: Flood): number {
  const wave = Math.sqrt(GRAVITY_MPS2 * f.maxDepthM);
  return wave > 0 ? Math.min(MAX_SUB_STEP_S, (COURANT * f.cellSizeM) / wave) : MAX_SUB_STEP_S;
}

// Reused by every sub-step so stepping allocates nothing.
const region: Region = { x0: 0, y0: 0, x1: -1, y1: -1 };

/**
 * Advance the flood by `dtS` simulated seconds (any length: it is cut into equal sub-steps no longer than
 * the stable step), then refresh `speedMps` and the changed-cell list. Allocates nothing.
 *
 * @example
 * for (let tick = 0; tick < 14_400; tick++) stepFlood(flood, 0.25); // one hour at 4 ticks/s
 */
export function stepFlood(f: Flood, dtS: number): void {
  if (!(dtS >= 0 && Number.isFinite(dtS))) throw new Error(`stepFlood: dtS must be a finite number ≥ 0, got ${dtS}`);
  const endS = f.timeS + dtS;
  let t = f.timeS;
  while (t < endS) {
    const remaining = endS - t;
    const stableS = stableStepS(f);
    const n = Math.ceil(remaining / stableS);
    // Equal sub-steps up to the end, re-planned after each as the depth changes; the last lands on endS.
    const t1 = n <= 1 ? endS : t + remaining / n;
    subStep(f, t, t1, stableS);
    t = t1;
  }
  f.timeS = endS;
  listChangedCells(f);
}

/** One explicit step from t0S to t1S. */
function subStep(f: Flood, t0S: number, t1S: number, stableS: number): void {
  const dtS = t1S - t0S;
  const { width, height, wetBox: box } = f;
  const areaM2 = f.cellSizeM * f.cellSizeM;
  let rainDepthM = 0;
  if (f.rain) {
    rainDepthM = f.rain.depthRateMps * overlapS(f.rain.startS, f.rain.endS, t0S, t1S);
    if (rainDepthM > 0) {
      f.volumeInM3 += rainDepthM * areaM2 * f.rainCells;
      // Rain wets every cell: from now on the whole map is computed.
      box.x0 = 0;
      box.y0 = 0;
      box.x1 = width - 1;
      box.y1 = height - 1;
    }
  }
  if (box.x0 > box.x1) {
    f.subSteps++;
    return; // nothing wet anywhere and nothing coming in yet
  }
  region.x0 = Math.max(0, box.x0 - 1);
  region.y0 = Math.max(0, box.y0 - 1);
  region.x1 = Math.min(width - 1, box.x1 + 1);
  region.y1 = Math.min(height - 1, box.y1 + 1);
  computeFluxes(f, dtS, stableS, region);
  updateDepths(f, dtS, region, rainDepthM);
  addSources(f, t0S, t1S, areaM2);
  runDrains(f, dtS, areaM2);
  growWetBox(f, region);
  f.subSteps++;
}

/** Add each source's exact inflow volume for [t0S, t1S), shared evenly by its cells. */
function addSources(f: Flood, t0S: number, t1S: number, areaM2: number): void {
  const depth = f.depthM;
  const rest = f.depthRestM;
  let maxDepth = f.maxDepthM;
  for (const s of f.sources) {
    const volumeM3 = inflowVolumeM3(s, t0S, t1S);
    if (volumeM3 <= 0) continue;
    f.volumeInM3 += volumeM3;
    const add = volumeM3 / (s.cells.length * areaM2);
    const cells = s.cells;
    for (let k = 0; k < cells.length; k++) {
      const c = cells[k];
      const exact = depth[c] + rest[c] + add;
      const h = Math.fround(exact);
      depth[c] = h;
      rest[c] = exact - h;
      if (h > maxDepth) maxDepth = h;
    }
  }
  f.maxDepthM = maxDepth;
}

/** Let each drain cell swallow up to its share of the capacity, never more than it holds. */
function runDrains(f: Flood, dtS: number, areaM2: number): void {
  const depth = f.depthM;
  const rest = f.depthRestM;
  for (const d of f.drains) {
    const most = d.depthRateMps * dtS;
    const cells = d.cells;
    let taken = 0;
    for (let k = 0; k < cells.length; k++) {
      const c = cells[k];
      const held = depth[c] + rest[c];
      if (held <= 0) continue;
      const take = Math.min(held, most);
      const exact = held - take;
      const h = Math.fround(exact);
      depth[c] = h;
      rest[c] = exact - h;
      taken += take;
    }
    f.volumeOutM3 += taken * areaM2;
  }
}

/** Grow the wet box by any cell of the region's margin (outside the box) that now holds water. */
function growWetBox(f: Flood, r: Region): void {
  const box = f.wetBox;
  const { x0, y0, x1, y1 } = box;
  if (r.y0 < y0) scanRow(f, r.y0, r.x0, r.x1);
  if (r.y1 > y1) scanRow(f, r.y1, r.x0, r.x1);
  if (r.x0 < x0) scanColumn(f, r.x0, r.y0, r.y1);
  if (r.x1 > x1) scanColumn(f, r.x1, r.y0, r.y1);
}

function scanRow(f: Flood, y: number, xa: number, xb: number): void {
  for (let x = xa; x <= xb; x++) {
    const c = y * f.width + x;
    if (f.depthM[c] > 0 || f.depthRestM[c] !== 0) growBox(f.wetBox, x, y);
  }
}

function scanColumn(f: Flood, x: number, ya: number, yb: number): void {
  for (let y = ya; y <= yb; y++) {
    const c = y * f.width + x;
    if (f.depthM[c] > 0 || f.depthRestM[c] !== 0) growBox(f.wetBox, x, y);
  }
}
