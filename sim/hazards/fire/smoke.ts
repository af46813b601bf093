import type { Fire, SmokeParams } from './Fire';

/** Most sub-steps one `stepFire` may take for smoke; more means the step is far too long for the grid. */
export const MAX_SMOKE_SUBSTEPS = 100_000;
/** Share of the stability limit each sub-step uses (below 1 for a margin against rounding). */
const COURANT = 0.9;

/**
 * Longest stable smoke sub-step, s (Infinity when smoke neither moves nor spreads). The explicit scheme
 * keeps every concentration a weighted mean of non-negative values — so it never goes negative and never
 * grows by itself — when
 *
 *   dt · ((|vx| + |vy|) / dx + 4 K / dx²) ≤ 1,
 *
 * (upwind advection's Courant condition and explicit diffusion's dt ≤ dx² / 4K, shared); each sub-step
 * uses 0.9 of it. Decay is applied exactly (× e^(−k dt)) and never limits the step.
 */
export function maxSmokeStepS(p: SmokeParams, cellSizeM: number): number {
  const rate = (Math.abs(p.vxMps) + Math.abs(p.vyMps)) / cellSizeM + (4 * p.diffusivityM2ps) / (cellSizeM * cellSizeM);
  return rate > 0 ? COURANT / rate : Infinity;
}

/** Number of equal sub-steps `transportSmoke` cuts a step of `dtS` seconds into. */
export function smokeSubSteps(p: SmokeParams, cellSizeM: number, dtS: number): number {
  const n = Math.max(1, Math.ceil(dtS / maxSmokeStepS(p, cellSizeM)));
  if (n > MAX_SMOKE_SUBSTEPS) {
    throw new RangeError(`stepFire: a ${dtS} s step needs ${n} smoke sub-steps on ${cellSizeM} m cells; step the fire in shorter ticks`);
  }
  return n;
}

/**
 * Advance smoke by `dtS` seconds: add the step's sources (`fire.sourceCells` at `fire.sourceRate`, units
 * per m² per second), carry smoke with the wind, spread it and let it fade, in stable sub-steps.
 *
 * Scheme: finite volumes on the cells, explicit in time. Advection is first-order upwind (donor cell).
 * Upwind smears a plume as if the diffusivity were larger by ½(|v|·dx − v²·dt) along each axis, so that
 * much is taken off the diffusion along the axis (never below 0): the plume spreads at the diffusivity
 * asked for when the cell Péclet number |v|·dx / K is at most 2, and as little as upwind allows beyond.
 * Smoke crossing the map's edge with the wind leaves it (`smokeLedger.outflow`); nothing blows in; the edge
 * is closed to diffusion. Smoke is mass-conserving: produced = on the grid + decayed + outflow + trimmed.
 * Only the box of cells that may hold smoke (grown by one cell per sub-step) is computed.
 */
export function transportSmoke(fire: Fire, dtS: number): void {
  const { width, height, cellSizeM, smoke, smokeRows, box, fireBox, sourceCells, sourceRate, smokeLedger } = fire;
  const p = fire.smokeParams;
  const sources = fire.sourceCount;
  if (sources > 0) unionBox(box, fireBox);
  if (box[0] > box[2] || dtS <= 0) return;
  const n = smokeSubSteps(p, cellSizeM, dtS);
  const dt = dtS / n;
  const area = cellSizeM * cellSizeM;
  const ax = Math.abs(p.vxMps);
  const ay = Math.abs(p.vyMps);
  const lx = (ax * dt) / cellSizeM;
  const ly = (ay * dt) / cellSizeM;
  const k = p.diffusivityM2ps;
  const kx = Math.max(0, k - 0.5 * (ax * cellSizeM - ax * ax * dt));
  const ky = Math.max(0, k - 0.5 * (ay * cellSizeM - ay * ay * dt));
  const mx = (kx * dt) / area;
  const my = (ky * dt) / area;
  const keep = Math.exp(-p.decayPerS * dt);
  // Offsets to the upstream neighbour; with no wind along an axis its weight (lx or ly) is 0 anyway.
  const upX = p.vxMps > 0 ? -1 : 1;
  const upY = p.vyMps > 0 ? -width : width;
  const outX = p.vxMps > 0 ? width - 1 : 0;
  const outY = p.vyMps > 0 ? height - 1 : 0;
  const centre = 1 - lx - ly - 2 * mx - 2 * my;
  // Weights of the four neighbours away from the map's edge: diffusion, plus advection from upstream.
  const wWest = mx + (upX < 0 ? lx : 0);
  const wEast = mx + (upX > 0 ? lx : 0);
  const wNorth = my + (upY < 0 ? ly : 0);
  const wSouth = my + (upY > 0 ? ly : 0);
  for (let step = 0; step < n; step++) {
    let produced = 0;
    for (let s = 0; s < sources; s++) {
      smoke[sourceCells[s]] += sourceRate[s] * dt;
      produced += sourceRate[s];
    }
    smokeLedger.produced += produced * dt * area;
    const x0 = Math.max(0, box[0] - 1);
    const y0 = Math.max(0, box[1] - 1);
    const x1 = Math.min(width - 1, box[2] + 1);
    const y1 = Math.min(height - 1, box[3] + 1);
    box[0] = x0;
    box[1] = y0;
    box[2] = x1;
    box[3] = y1;
    let total = 0;
    let out = 0;
    // The interior loop has no edge tests (it is nearly all the work); cells on the map's edge take the
    // general path below.
    const ix0 = Math.max(x0, 1);
    const ix1 = Math.min(x1, width - 2);
    // New values go to one of two scratch rows (by the row's parity, at the same column); row y − 1 is
    // written back once row y, the last to read its old values, is done.
    for (let y = y0; y <= y1; y++) {
      const row = y * width;
      const interiorRow = y > 0 && y < height - 1;
      // Scratch index of a cell of this row: its own index minus `shift`.
      const shift = row - ((y - y0) & 1) * width;
      for (let x = x0; x <= x1; x++) {
        if (interiorRow && x === ix0 && ix0 <= ix1) {
          for (let i = row + ix0, last = row + ix1; i <= last; i++) {
            const v = centre * smoke[i] + wWest * smoke[i - 1] + wEast * smoke[i + 1] + wNorth * smoke[i - width] + wSouth * smoke[i + width];
            smokeRows[i - shift] = v;
            total += v;
          }
          x = ix1;
          continue;
        }
        const i = row + x;
        const c = smoke[i];
        const west = x > 0 ? smoke[i - 1] : c;
        const east = x < width - 1 ? smoke[i + 1] : c;
        const north = y > 0 ? smoke[i - width] : c;
        const south = y < height - 1 ? smoke[i + width] : c;
        // Upstream neighbours off the map blow in nothing; diffusion sees a closed edge (its own value).
        const ux = x + upX >= 0 && x + upX < width ? smoke[i + upX] : 0;
        const uy = y + (upY > 0 ? 1 : -1) >= 0 && y + (upY > 0 ? 1 : -1) < height ? smoke[i + upY] : 0;
        const v = centre * c + lx * ux + ly * uy + mx * (west + east) + my * (north + south);
        smokeRows[i - shift] = v;
        total += v;
        if (x === outX) out += lx * c;
        if (y === outY) out += ly * c;
      }
      if (y > y0) writeBackRow(smoke, smokeRows, y - 1, y0, x0, x1, width, keep);
    }
    writeBackRow(smoke, smokeRows, y1, y0, x0, x1, width, keep);
    smokeLedger.decayed += (1 - keep) * total * area;
    smokeLedger.outflow += out * area;
  }
}

/** Copy row `y`'s new smoke from its scratch row into the grid, columns x0 to x1, with the sub-step's decay. */
function writeBackRow(smoke: Float32Array, rows: Float32Array, y: number, y0: number, x0: number, x1: number, width: number, keep: number): void {
  const row = y * width;
  const shift = row - ((y - y0) & 1) * width;
  for (let i = row + x0; i <= row + x1; i++) smoke[i] = rows[i - shift] * keep;
}

/** Grow box `a` (x0, y0, x1, y1 inclusive) to cover box `b`. */
export function unionBox(a: Int32Array, b: Int32Array): void {
  if (b[0] > b[2]) return;
  if (b[0] < a[0]) a[0] = b[0];
  if (b[1] < a[1]) a[1] = b[1];
  if (b[2] > a[2]) a[2] = b[2];
  if (b[3] > a[3]) a[3] = b[3];
}
