import { includeCell, type Plume } from './Plume';
import { sweep } from './sweep';

/** Most sub-steps one `stepPlume` may take; more means the step is absurdly long for the grid. */
export const MAX_PLUME_SUBSTEPS = 100_000;
/** Share of the stability limit each sub-step uses (below 1 for a margin against rounding). */
const SAFETY = 0.95;

/**
 * Longest stable sub-step, s (Infinity when the gas neither moves nor spreads). Each explicit stage keeps
 * every new concentration a weighted mean of old non-negative ones — so it never goes negative, never grows
 * by itself and never oscillates — when
 *
 *   dt · (2 (|vx| + |vy|) / dx + 4 K / dx²) ≤ 1.
 *
 * The factor 2 on advection is the price of the flux limiter (a limited face value can lean up to twice
 * the upwind slope; Hundsdorfer & Verwer 2003, III.1); 4K/dx² is explicit diffusion's limit in 2-D. It
 * holds for each forward-Euler stage, so also for Heun's method, their average (strong stability
 * preserving, Shu & Osher 1988). Each sub-step uses 0.95 of it. Decay is exact (× e^(−k dt)) and never
 * limits the step.
 */
export function maxPlumeStepS(plume: Plume): number {
  const dx = plume.cellSizeM;
  const rate = (2 * (Math.abs(plume.windXMps) + Math.abs(plume.windYMps))) / dx + (4 * plume.diffusivityM2PerS) / (dx * dx);
  return rate > 0 ? SAFETY / rate : Infinity;
}

/** Number of equal sub-steps `stepPlume` cuts a step of `dtS` seconds into. */
export function plumeSubSteps(plume: Plume, dtS: number): number {
  const n = Math.max(1, Math.ceil(dtS / maxPlumeStepS(plume)));
  if (n > MAX_PLUME_SUBSTEPS) {
    throw new RangeError(`stepPlume: a ${dtS} s step needs ${n} sub-steps on ${plume.cellSizeM} m cells; step the plume in shorter ticks`);
  }
  return n;
}

/**
 * Advance the plume by `dtS` seconds, in as many equal sub-steps as stability needs (any `dtS` is stable).
 *
 * Scheme: finite volumes on the cells, explicit in time (Heun's method, the strong-stability-preserving
 * Runge–Kutta 2), with the flux through each face F = v·c_face − K·(c_right − c_left)/dx. The advected
 * face value is upwind-biased third-order (κ = 1/3) with Koren's flux limiter: second-order or better
 * where the plume is smooth, falling back to first-order upwind only at peaks and fronts, so the numerical
 * diffusion of plain upwind (v·dx/2 — a quarter of K at v = 1 m/s, dx = 0.5 m, K = 1 m²/s) is avoided
 * without over- or undershoots. A steady plume is exactly the steady state of the spatial scheme, whatever
 * the sub-step; in time the scheme is second order, so a moving puff spreads at the diffusivity asked for
 * (forward Euler would take v²·dt/2 off it along the wind).
 *
 * Boundaries: closed cells (walls) let nothing through their faces; the map's edge is open to clean air —
 * gas leaves with the wind and diffuses out, and only clean air comes in (`ledger.outflowKg`). The release
 * adds `releaseRateKgPerS` × (the part of the sub-step inside [startS, endS)) to its cell, so mass is exact
 * for releases starting or ending mid-step. Mass is conserved: released = on grid + decayed + outflow +
 * trimmed (see `TRIM_SHARE_OF_NOTICE`). Only the box of cells that may hold gas is computed; it grows by at
 * most two cells per sub-step and is shrunk to the cells still holding gas after each step. `dose`
 * accumulates ∫c dt per cell by the trapezoid rule.
 */
export function stepPlume(plume: Plume, dtS: number): void {
  if (!(dtS >= 0 && Number.isFinite(dtS))) throw new RangeError(`stepPlume: dtS must be a finite number ≥ 0, got ${dtS}`);
  if (dtS === 0) return;
  const n = plumeSubSteps(plume, dtS);
  const h = dtS / n;
  const t0 = plume.timeS;
  for (let k = 0; k < n; k++) subStep(plume, t0 + k * h, h);
  plume.timeS = t0 + dtS;
  trim(plume);
}

/** Outflow and decay of one sweep (scratch, so the step allocates nothing). */
const totals = new Float64Array(2);

/** One sub-step of `h` seconds starting at time `t`: two transport stages with the release, decay and dose. */
function subStep(p: Plume, t: number, h: number): void {
  const released = p.releaseRateKgPerS * Math.max(0, Math.min(t + h, p.endS) - Math.max(t, p.startS));
  const box = p.box;
  if (released > 0) includeCell(p, p.sourceCell);
  if (box[0] > box[2]) return;
  // Gas reaches at most one cell further per stage (the stencil's downwind and diffusive reach): two per sub-step.
  const x0 = Math.max(0, box[0] - 2);
  const y0 = Math.max(0, box[1] - 2);
  const x1 = Math.min(p.width - 1, box[2] + 2);
  const y1 = Math.min(p.height - 1, box[3] + 2);
  box[0] = x0;
  box[1] = y0;
  box[2] = x1;
  box[3] = y1;
  const dx = p.cellSizeM;
  const layerKgPerConc = dx * dx * p.mixingHeightM;
  // The release is a source term in both stages (c₁ = c₀ + h·(L c₀ + s), c = ½(c₀ + c₁ + h·(L c₁ + s))), so
  // a steady plume is exactly the steady state of the spatial scheme, whatever the sub-step.
  const added = released / layerKgPerConc;
  sweep(p, x0, y0, x1, y1, h, false, 1, totals);
  const out1 = totals[0];
  if (added > 0) p.concentration[p.sourceCell] += added;
  sweep(p, x0, y0, x1, y1, h, true, p.decayPerS > 0 ? Math.exp(-p.decayPerS * h) : 1, totals);
  if (added > 0) p.concentration[p.sourceCell] += 0.5 * added;
  p.ledger.outflowKg += 0.5 * (out1 + totals[0]) * dx * p.mixingHeightM * h;
  p.ledger.decayedKg += totals[1] * layerKgPerConc;
  p.ledger.releasedKg += released;
}

/**
 * Concentrations below this share of the notice threshold are set to 0 after each step (`ledger.trimmedKg`):
 * far below anything perceived or dosed, they would otherwise spread thinly over the whole map and keep
 * every cell in the box that is computed.
 */
export const TRIM_SHARE_OF_NOTICE = 1e-6;

/** Zero the negligible concentrations in the box and shrink the box to the cells still holding gas. */
function trim(p: Plume): void {
  const box = p.box;
  if (box[0] > box[2]) return;
  const { width, concentration: c } = p;
  const floor = p.noticeKgPerM3 * TRIM_SHARE_OF_NOTICE;
  let trimmed = 0;
  let x0 = width;
  let y0 = p.height;
  let x1 = -1;
  let y1 = -1;
  for (let y = box[1]; y <= box[3]; y++) {
    const row = y * width;
    for (let x = box[0]; x <= box[2]; x++) {
      const v = c[row + x];
      if (v === 0) continue;
      if (v < floor) {
        trimmed += v;
        c[row + x] = 0;
        continue;
      }
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      y1 = y;
    }
  }
  p.ledger.trimmedKg += trimmed * p.cellSizeM * p.cellSizeM * p.mixingHeightM;
  box[0] = x0;
  box[1] = y0;
  box[2] = x1;
  box[3] = y1;
}
