import type { Plume } from './Plume';

/**
 * Koren's limited correction to the upwind face value: ½·φ(r)·du with du = c_up − c_farUp, dd = c_down −
 * c_up, r = dd/du and φ(r) = max(0, min(2r, (1 + 2r)/3, 2)), written without the division. (1 + 2r)/3 is
 * the third-order upwind-biased (κ = 1/3) face value; the bounds make it zero at extrema (du·dd ≤ 0), which
 * is what keeps the scheme free of new peaks and negative concentrations.
 */
function koren(du: number, dd: number): number {
  if (du * dd <= 0) return 0;
  const au = du < 0 ? -du : du;
  const ad = dd < 0 ? -dd : dd;
  let m = (au + 2 * ad) / 3;
  if (2 * ad < m) m = 2 * ad;
  if (2 * au < m) m = 2 * au;
  return du > 0 ? 0.5 * m : -0.5 * m;
}

// Face bits (see faces.ts), as literals: this is the hot loop.
const OPEN = 1;
const FAR_BACK = 2;
const FAR_AHEAD = 4;
const EDGE = 8;

/**
 * One forward-Euler stage of transport over the box [x0, x1] × [y0, y1] (which must contain every cell that
 * holds or may receive gas), in place, as a single sweep down the rows: each face flux is computed once
 * from old values (the row above comes from a saved copy) and kept in small row buffers that stay in cache.
 * Fluxes are kg/(m²·s) per unit of concentration × velocity: F = v·c_face − K·∂c/∂n, positive toward +x or
 * +y. A missing far-upwind neighbour (map edge or wall) means zero slope: first-order upwind there.
 *
 * Stage 1 (`second` false) saves the concentrations in `p.start` and writes c₁ = c + h·L(c). Stage 2
 * writes ½·(c₀ + c₁ + h·L(c₁)) — together Heun's method, the strong-stability-preserving Runge–Kutta 2
 * of Shu & Osher — then decays it (`keep` = e^(−k·h)) and adds the trapezoid dose. Forward Euler alone
 * would add a negative diffusion of −v²·h/2 along the wind (a puff spreading too little); Heun's method
 * removes it under the same stability condition. Leaves the stage's outflow (flux summed over the map-edge
 * faces) in `totals[0]` and, in stage 2, the decayed concentration summed over cells in `totals[1]`.
 */
export function sweep(p: Plume, x0: number, y0: number, x1: number, y1: number, h: number, second: boolean, keep: number, totals: Float64Array): void {
  const { width, concentration: c, dose, wall, start, faceX, faceY } = p;
  const { fluxX, oldAbove: bufA, oldHere: bufB } = p.scratch;
  let fluxN = p.scratch.fluxN;
  let fluxS = p.scratch.fluxS;
  let oldAbove = bufA;
  let oldHere = bufB;
  const u = p.windXMps;
  const v = p.windYMps;
  const kd = p.diffusivityM2PerS / p.cellSizeM;
  const r = h / p.cellSizeM;
  const halfH = 0.5 * h;
  let out = 0;
  let decayed = 0;

  // North faces of the first row: the map's edge, or zero (the rows above the box hold no gas).
  for (let x = x0; x <= x1; x++) {
    let f = 0;
    if (y0 === 0 && faceY[x] & OPEN) {
      f = (v < 0 ? v * c[x] : 0) - kd * c[x];
      out -= f;
    }
    fluxN[x] = f;
    oldAbove[x] = 0;
  }

  for (let y = y0; y <= y1; y++) {
    const row = y * width;
    // x-faces of this row: fluxX[x] is the west face of cell x, fluxX[x1 + 1] the east face of x1.
    const rowX = y * (width + 1);
    for (let x = x0; x <= x1 + 1; x++) {
      const bits = faceX[rowX + x];
      let f = 0;
      if (bits & EDGE) {
        if (x === 0) {
          f = (u < 0 ? u * c[row] : 0) - kd * c[row];
          out -= f;
        } else {
          f = (u > 0 ? u * c[row + x - 1] : 0) + kd * c[row + x - 1];
          out += f;
        }
      } else if (bits & OPEN) {
        const il = row + x - 1;
        const cl = c[il];
        const cr = c[il + 1];
        f = kd * (cl - cr);
        if (u > 0) {
          const far = bits & FAR_BACK ? c[il - 1] : cl;
          f += u * (cl + koren(cl - far, cr - cl));
        } else if (u < 0) {
          const far = bits & FAR_AHEAD ? c[il + 2] : cr;
          f += u * (cr + koren(cr - far, cl - cr));
        }
      }
      fluxX[x] = f;
    }
    // South faces of this row (face row y + 1); the row above comes from its saved old values.
    const rowY = row + width;
    for (let x = x0; x <= x1; x++) {
      const bits = faceY[rowY + x];
      let f = 0;
      if (bits & EDGE) {
        f = (v > 0 ? v * c[row + x] : 0) + kd * c[row + x];
        out += f;
      } else if (bits & OPEN) {
        const iu = row + x;
        const cu = c[iu];
        const cs = c[iu + width];
        f = kd * (cu - cs);
        if (v > 0) {
          const far = bits & FAR_BACK ? oldAbove[x] : cu;
          f += v * (cu + koren(cu - far, cs - cu));
        } else if (v < 0) {
          const far = bits & FAR_AHEAD ? c[iu + 2 * width] : cs;
          f += v * (cs + koren(cs - far, cu - cs));
        }
      }
      fluxS[x] = f;
    }
    // Update the row in place, keeping its old values for the next row's faces. A weighted mean of
    // non-negative values cannot be negative; the clamps only remove rounding dust.
    for (let x = x0; x <= x1; x++) {
      const i = row + x;
      const old = c[i];
      oldHere[x] = old;
      if (wall[i]) continue;
      const moved = old + r * (fluxX[x] - fluxX[x + 1] + fluxN[x] - fluxS[x]);
      if (second) {
        const c0 = start[i];
        const mean = 0.5 * (c0 + Math.max(moved, 0));
        const now = mean * keep;
        decayed += mean - now;
        c[i] = now;
        dose[i] += halfH * (c0 + now);
      } else {
        start[i] = old;
        c[i] = Math.max(moved, 0);
      }
    }
    const f = fluxN;
    fluxN = fluxS;
    fluxS = f;
    const o = oldAbove;
    oldAbove = oldHere;
    oldHere = o;
  }
  totals[0] = out;
  totals[1] = decayed;
}
