import { inverseCbrt as inverseCbrtImported } from './cbrt';
import { FLOW_DEPTH_MIN_M, type Flood, GRAVITY_MPS2, Side } from './Flood';

// Imports copied into module constants: when the module is loaded through a CommonJS transform (tsx,
// vitest), every use of an imported name is a getter call, which costs a third of the hot loop.
const inverseCbrt = inverseCbrtImported;
const G = GRAVITY_MPS2;
const MIN_FLOW_DEPTH_M = FLOW_DEPTH_MIN_M;

/**
 * Weight θ of a face's own flow against its neighbours' in a sub-step of the full stable length (de Almeida
 * et al. 2012 use 0.7 to 0.9). Shorter sub-steps blend less, in proportion (see `computeFluxes`).
 */
export const THETA = 0.8;

/** √g·(2/3)^(3/2): free outfall over the map edge at critical depth, q = WEIR·h^(3/2) in m²/s. */
const WEIR = Math.sqrt(G) * (2 / 3) * Math.sqrt(2 / 3); // not `**`, whose last bit may differ between engines

/** Inclusive cell bounds of the part of the grid a sub-step computes. */
export interface Region {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/**
 * Flow across one face between cells L and R (L west or north of R), by the local inertial approximation of
 * the shallow-water equations (Bates, Horritt & Fewtrell 2010, Journal of Hydrology 387, 33-45):
 *
 *   q⁺ = (q − g·h_f·Δt·(η_R − η_L)/Δx) / (1 + g·Δt·n²·|q| / h_f^(7/3))
 *
 * q is the discharge per metre of face (m²/s), η = bed + depth the water surface. The flow depth
 * h_f = max(η_L, η_R) − max(bed_L, bed_R) is the water above the higher bed (the caller computes it and
 * skips faces where it is under `FLOW_DEPTH_MIN_M`): it is zero at the shore of still water and the surface
 * gradient is zero inside it, which is what keeps a lake still (well-balanced).
 * Friction is implicit (stable for any depth); the result is capped at Froude number 1, the edge of what
 * the inertial approximation describes. In the numerator q is `qMixed`, the face's flow blended with its
 * two neighbours along the flow direction, θ·q_i + (1 − θ)/2·(q_(i−1) + q_(i+1)) (de Almeida, Bates, Freer &
 * Souvignet 2012, Water Resources Research 48, W05528): a little diffusion that damps the checkerboard
 * oscillations the plain scheme shows at low friction. The friction term keeps the face's own `q`.
 */
function faceFlow(q: number, qMixed: number, etaL: number, etaR: number, hf: number, gDtOverDx: number, frictionDt: number): number {
  const r = inverseCbrt(hf);
  const r2 = r * r;
  const hfPowMinus7Thirds = r2 * r2 * r2 * r;
  const next = (qMixed - gDtOverDx * hf * (etaR - etaL)) / (1 + frictionDt * (q < 0 ? -q : q) * hfPowMinus7Thirds);
  const cap = hf * Math.sqrt(G * hf);
  return Math.min(cap, Math.max(next, -cap));
}

/** Outward discharge (m²/s) over an open map edge from a cell of depth `depthM`. */
function edgeFlow(depthM: number): number {
  return depthM > MIN_FLOW_DEPTH_M ? WEIR * depthM * Math.sqrt(depthM) : 0;
}

/**
 * Compute the flow across every face of `region` for a sub-step of `dtS` seconds, then the share of its
 * planned outflow each cell can afford (`outflowScale`, 1 unless the outflows would take more water than it
 * holds). One pass: a cell computes its east and south faces; its west and north faces were computed by the
 * cells before it. Faces touching a wall stay 0, and so do faces on the region's outer boundary (both cells
 * there are dry: the region is the wet box plus a dry margin).
 */
export function computeFluxes(f: Flood, dtS: number, stableS: number, r: Region): void {
  const { width, height, cellSizeM } = f;
  const w1 = width + 1;
  // Hoisted into locals: the loop below runs for every cell of every sub-step.
  const depth = f.depthM;
  const rest = f.depthRestM;
  const bed = f.bedElevationM;
  const wall = f.wall;
  const qx = f.flowXM2s;
  const qy = f.flowYM2s;
  const scale = f.outflowScale;
  const gDt = G * dtS;
  const gDtOverDx = gDt / cellSizeM;
  const frictionDt = gDt * f.manningN2;
  const dtOverDx = dtS / cellSizeM;
  const openN = (f.openSides & Side.North) !== 0;
  const openS = (f.openSides & Side.South) !== 0;
  const openE = (f.openSides & Side.East) !== 0;
  const openW = (f.openSides & Side.West) !== 0;
  const { x0, y0, x1, y1 } = r;
  // Weight of each neighbour in the θ blend, (1 − θ)/2 for a full-length sub-step and less for a shorter
  // one: the blend is a diffusion of the flows, and a fixed weight per sub-step would make it stronger the
  // shorter the simulation's ticks. A neighbour face that cannot carry flow (beside a wall, on a closed
  // map edge) is stood in for by the face itself (a zero-gradient condition), so the blend does not act as a
  // drag on the flow next to walls and at sources on the map edge. Dry faces are real neighbours.
  const sideWeight = ((1 - THETA) / 2) * Math.min(1, dtS / stableS);
  // The θ blend needs each face's flow from before this sub-step, but faces are overwritten as the pass
  // goes: the last west face's old flow is kept in `oldW`, the row above's old south faces in `oldNorth`.
  const oldNorth = f.flowRowScratch;
  for (let x = x0; x <= x1; x++) oldNorth[x] = qy[y0 * width + x];
  for (let y = y0; y <= y1; y++) {
    const row = y * width;
    const rowX = y * w1;
    const lastRow = y === height - 1;
    const innerRow = y < y1;
    let oldW = qx[rowX + x0];
    for (let x = x0; x <= x1; x++) {
      const c = row + x;
      const oldE = qx[rowX + x + 1];
      const oldS = qy[row + width + x];
      const oldWest = oldW;
      const oldN = oldNorth[x];
      oldW = oldE;
      oldNorth[x] = oldS;
      if (wall[c]) continue;
      const h = depth[c];
      const b = bed[c];
      const eta = b + h;
      if (x === 0) qx[rowX] = openW ? -edgeFlow(h) : 0;
      if (y === 0) qy[x] = openN ? -edgeFlow(h) : 0;
      let qE = 0;
      if (x === width - 1) {
        qE = openE ? Math.fround(edgeFlow(h)) : 0;
        qx[rowX + width] = qE;
      } else if (x < x1 && !wall[c + 1]) {
        const bE = bed[c + 1];
        const etaE = bE + depth[c + 1];
        const hf = Math.max(eta, etaE) - Math.max(b, bE);
        if (hf > MIN_FLOW_DEPTH_M) {
          // A neighbour face that cannot carry flow (beside a wall, a closed edge) is stood in for by this one.
          const west = x === 0 ? (openW ? oldWest : oldE) : wall[c - 1] ? oldE : oldWest;
          const east = x + 2 === width ? (openE ? qx[rowX + width] : oldE) : wall[c + 2] ? oldE : qx[rowX + x + 2];
          qE = Math.fround(faceFlow(oldE, oldE + sideWeight * (west + east - 2 * oldE), eta, etaE, hf, gDtOverDx, frictionDt));
        }
        qx[rowX + x + 1] = qE;
      }
      let qS = 0;
      if (lastRow) {
        qS = openS ? Math.fround(edgeFlow(h)) : 0;
        qy[row + width + x] = qS;
      } else if (innerRow && !wall[c + width]) {
        const bS = bed[c + width];
        const etaS = bS + depth[c + width];
        const hf = Math.max(eta, etaS) - Math.max(b, bS);
        if (hf > MIN_FLOW_DEPTH_M) {
          const north = y === 0 ? (openN ? oldN : oldS) : wall[c - width] ? oldS : oldN;
          const south = y + 2 === height ? (openS ? qy[row + 2 * width + x] : oldS) : wall[c + 2 * width] ? oldS : qy[row + 2 * width + x];
          qS = Math.fround(faceFlow(oldS, oldS + sideWeight * (north + south - 2 * oldS), eta, etaS, hf, gDtOverDx, frictionDt));
        }
        qy[row + width + x] = qS;
      }
      // Flows as stored (Float32), so the scale below matches what `updateDepths` will move exactly.
      const qW = qx[rowX + x];
      const qN = qy[row + x];
      // Outflow planned this sub-step as a depth; scale it down if the cell holds less.
      const outDepth = (Math.max(qE, 0) + Math.max(qS, 0) + Math.max(-qW, 0) + Math.max(-qN, 0)) * dtOverDx;
      const available = h + rest[c];
      scale[c] = outDepth > available ? available / outDepth : 1;
    }
  }
}
