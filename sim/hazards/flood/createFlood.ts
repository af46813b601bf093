import type { Rect } from '../../scenario/primitives';
import { type Flood, type FloodDrainRuntime, type FloodGrid, type FloodSourceRuntime, Side } from './Flood';
import type { FloodSpec } from './schema';

const SIDE_BITS = { north: Side.North, south: Side.South, east: Side.East, west: Side.West } as const;

/**
 * Create a flood on `grid` from a validated spec: dry ground except `spec.initialWater`, sources, rain,
 * drains and open map edges resolved to cells. The grid's arrays are kept, not copied (the flood never
 * writes them). `spec.elevation` is not read here: the caller builds `grid.bedElevationM` from it with
 * `buildBedElevation`, so other systems can share the same ground.
 *
 * Throws on programmer errors (array sizes, a source or drain with no open cell): run `checkFloodSpec` on
 * the scenario first so authors get those as messages.
 *
 * @example
 * const bed = buildBedElevation(spec.elevation, w, h);
 * const flood = createFlood({ width: w, height: h, cellSizeM: 2, bedElevationM: bed, wall }, spec);
 * stepFlood(flood, 0.25);
 */
export function createFlood(grid: FloodGrid, spec: FloodSpec): Flood {
  const { width, height, cellSizeM, bedElevationM, wall } = grid;
  const cells = width * height;
  if (!(Number.isInteger(width) && Number.isInteger(height) && width > 0 && height > 0)) throw new Error(`createFlood: bad grid size ${width} × ${height}`);
  if (!(cellSizeM > 0 && Number.isFinite(cellSizeM))) throw new Error(`createFlood: bad cellSizeM ${cellSizeM}`);
  if (bedElevationM.length !== cells) throw new Error(`createFlood: bedElevationM has ${bedElevationM.length} cells, the grid ${cells}`);
  if (wall.length !== cells) throw new Error(`createFlood: wall has ${wall.length} cells, the grid ${cells}`);
  const areaM2 = cellSizeM * cellSizeM;

  const sources: FloodSourceRuntime[] = spec.sources.map((s) => ({
    id: s.id,
    cells: openCells(s.rect, grid, `source "${s.id}"`),
    peakM3s: s.inflowM3s,
    startS: s.startS,
    riseS: s.riseS,
    endS: s.endS ?? Infinity,
    fallS: s.fallS,
  }));
  const drains: FloodDrainRuntime[] = [];
  let openSides = 0;
  for (const o of spec.outflows) {
    if (o.kind === 'edge') {
      for (const side of o.sides) openSides |= SIDE_BITS[side];
    } else {
      const drainCells = openCells(o.rect, grid, `drain "${o.id}"`);
      drains.push({ id: o.id, cells: drainCells, depthRateMps: o.capacityM3s / (drainCells.length * areaM2) });
    }
  }
  let rainCells = 0;
  for (let c = 0; c < cells; c++) if (!wall[c]) rainCells++;
  const rain = spec.rain ? { depthRateMps: spec.rain.mmPerH / 3.6e6, startS: spec.rain.startS, endS: spec.rain.endS ?? Infinity } : null;

  const depthM = new Float32Array(cells);
  const depthRestM = new Float32Array(cells);
  for (const area of spec.initialWater) fillToSurface(grid, area.rect, area.surfaceM, depthM, depthRestM);
  let initialVolumeM3 = 0;
  let maxDepthM = 0;
  const wetBox = { x0: width, y0: height, x1: -1, y1: -1 };
  for (let c = 0; c < cells; c++) {
    if (depthM[c] === 0 && depthRestM[c] === 0) continue;
    initialVolumeM3 += (depthM[c] + depthRestM[c]) * areaM2;
    maxDepthM = Math.max(maxDepthM, depthM[c]);
    growBox(wetBox, c % width, Math.floor(c / width));
  }
  for (const s of sources) for (const c of s.cells) growBox(wetBox, c % width, Math.floor(c / width));

  return {
    width,
    height,
    cellSizeM,
    bedElevationM,
    wall,
    depthM,
    depthRestM,
    speedMps: new Float32Array(cells),
    flowXM2s: new Float32Array((width + 1) * height),
    flowYM2s: new Float32Array(width * (height + 1)),
    flowRowScratch: new Float32Array(width),
    outflowScale: new Float64Array(cells).fill(1),
    manningN2: spec.manningN * spec.manningN,
    openSides,
    sources,
    drains,
    rain,
    rainCells,
    timeS: 0,
    volumeInM3: 0,
    volumeOutM3: 0,
    initialVolumeM3,
    wetBox,
    maxDepthM,
    subSteps: 0,
    changedCells: new Int32Array(cells),
    changedCount: 0,
    listedIntensity: new Float32Array(cells),
  };
}

/** Grow an inclusive bounding box to hold cell (x, y). */
export function growBox(box: Flood['wetBox'], x: number, y: number): void {
  if (x < box.x0) box.x0 = x;
  if (x > box.x1) box.x1 = x;
  if (y < box.y0) box.y0 = y;
  if (y > box.y1) box.y1 = y;
}

/** Cells of a rectangle inside the map that are not walls; throws when there are none. */
function openCells(rect: Rect, grid: FloodGrid, what: string): Int32Array {
  const out: number[] = [];
  const x1 = Math.min(grid.width, rect.x + rect.w);
  const y1 = Math.min(grid.height, rect.y + rect.h);
  for (let y = rect.y; y < y1; y++) for (let x = rect.x; x < x1; x++) if (!grid.wall[y * grid.width + x]) out.push(y * grid.width + x);
  if (out.length === 0) throw new Error(`createFlood: ${what} has no open cell in the map (run checkFloodSpec first)`);
  return Int32Array.from(out);
}

/** Fill the open cells of `rect` whose ground is below `surfaceM` up to it, exactly (depth + rest). */
function fillToSurface(grid: FloodGrid, rect: Rect, surfaceM: number, depthM: Float32Array, depthRestM: Float32Array): void {
  const x1 = Math.min(grid.width, rect.x + rect.w);
  const y1 = Math.min(grid.height, rect.y + rect.h);
  for (let y = rect.y; y < y1; y++) {
    for (let x = rect.x; x < x1; x++) {
      const c = y * grid.width + x;
      if (grid.wall[c]) continue;
      const depth = Math.max(depthM[c] + depthRestM[c], surfaceM - grid.bedElevationM[c]);
      if (depth <= 0) continue;
      depthM[c] = depth;
      depthRestM[c] = depth - depthM[c];
    }
  }
}
