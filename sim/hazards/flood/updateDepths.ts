import type { Flood } from './Flood';
import type { Region } from './fluxes';

/**
 * Move water across the faces computed by `computeFluxes` and add `rainDepthM` to every open cell of
 * `region` (finite volumes: each face's flow leaves one cell and enters the other in the same amount, so
 * water is neither made nor lost). A face's flow is first scaled by the `outflowScale` of the cell it
 * leaves, so no cell gives more than it holds and no depth goes negative; the scaled flow is written back,
 * so the momentum carried to the next sub-step is the flow that happened. Water over open map edges is
 * added to `volumeOutM3`; `maxDepthM` is updated for the next time step.
 */
export function updateDepths(f: Flood, dtS: number, r: Region, rainDepthM: number): void {
  const { width, height, cellSizeM } = f;
  const w1 = width + 1;
  const depth = f.depthM;
  const rest = f.depthRestM;
  const wall = f.wall;
  const qx = f.flowXM2s;
  const qy = f.flowYM2s;
  const scale = f.outflowScale;
  const dtOverDx = dtS / cellSizeM;
  const { x0, y0, x1, y1 } = r;
  let edgeOut = 0;
  let maxDepth = 0;
  for (let y = y0; y <= y1; y++) {
    const row = y * width;
    const rowX = y * w1;
    for (let x = x0; x <= x1; x++) {
      const c = row + x;
      if (wall[c]) continue;
      // The upstream cell of each face scales it. At map edges the flow only ever leaves (upstream = c).
      let qW = qx[rowX + x];
      if (qW > 0) qW *= scale[c - 1];
      else if (qW < 0) qW *= scale[c];
      let qE = qx[rowX + x + 1];
      if (qE > 0) qE *= scale[c];
      else if (qE < 0) qE *= scale[c + 1];
      let qN = qy[row + x];
      if (qN > 0) qN *= scale[c - width];
      else if (qN < 0) qN *= scale[c];
      let qS = qy[row + width + x];
      if (qS > 0) qS *= scale[c];
      else if (qS < 0) qS *= scale[c + width];
      // Each face is written back once: by the cell east or south of it, or by the edge cell.
      qx[rowX + x] = qW;
      qy[row + x] = qN;
      if (x === 0) edgeOut -= qW;
      if (y === 0) edgeOut -= qN;
      if (x === width - 1) {
        qx[rowX + width] = qE;
        edgeOut += qE;
      }
      if (y === height - 1) {
        qy[row + width + x] = qS;
        edgeOut += qS;
      }
      const net = (qW - qE + qN - qS) * dtOverDx + rainDepthM;
      let h = depth[c];
      if (net !== 0) {
        // Compensated update: the true depth is depth + rest; keep what Float32 rounding cuts off in rest.
        let exact = h + rest[c] + net;
        if (exact < 0) exact = 0;
        h = Math.fround(exact);
        depth[c] = h;
        rest[c] = exact - h;
      }
      if (h > maxDepth) maxDepth = h;
    }
  }
  f.volumeOutM3 += edgeOut * dtS * cellSizeM;
  f.maxDepthM = maxDepth;
}
