import type { Flood } from './Flood';

/** Water accounts of a flood, m³ (Float64). */
export interface FloodBalance {
  /** On the grid at the start. */
  initialM3: number;
  /** Came in from sources and rain. */
  inM3: number;
  /** Left over map edges and through drains. */
  outM3: number;
  /** On the grid now, from the exact depths (depthM + depthRestM). */
  onGridM3: number;
  /** initial + in − out − on grid: what the scheme made (+) or lost (−). */
  errorM3: number;
  /** |errorM3| over the water that entered the grid (initial + in), 0 when none did. */
  relativeError: number;
}

/** Water on the grid now, m³, summed in Float64 from the exact depths (`depthM + depthRestM`). */
export function volumeOnGridM3(f: Flood): number {
  const depth = f.depthM;
  const rest = f.depthRestM;
  let sum = 0;
  for (let c = 0; c < depth.length; c++) sum += depth[c] + rest[c];
  return sum * f.cellSizeM * f.cellSizeM;
}

/**
 * The flood's water accounts (VALIDATION V13: in = on grid + out). O(cells): for checks and reports, not
 * for every tick.
 */
export function floodBalance(f: Flood): FloodBalance {
  const onGridM3 = volumeOnGridM3(f);
  const errorM3 = f.initialVolumeM3 + f.volumeInM3 - f.volumeOutM3 - onGridM3;
  const entered = f.initialVolumeM3 + f.volumeInM3;
  return {
    initialM3: f.initialVolumeM3,
    inM3: f.volumeInM3,
    outM3: f.volumeOutM3,
    onGridM3,
    errorM3,
    relativeError: entered > 0 ? Math.abs(errorM3) / entered : 0,
  };
}
