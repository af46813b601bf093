import type { Random } from '../../random/Random';
import type { Earthquake, EarthquakeGrid, Shock } from './Earthquake';
import type { EarthquakeSpec } from './earthquakeSpec';

/**
 * Create an earthquake over `grid` from a validated spec. Draws one uniform number per building and
 * shock from `random` now (buildings in list order, main shock first), none while stepping, so a
 * scenario change elsewhere never shifts the damage. Throws if the spec names a building or class the
 * grid or spec lacks (run `checkEarthquakeSpec` first to give authors a readable error).
 * @example createEarthquake(grid, earthquakeSpecSchema.parse({ pgaAtEpicentreG: 0.35, epicentre: { x: 0, y: 0 } }), createRandom(seed, 'earthquake:q1'))
 */
export function createEarthquake(grid: EarthquakeGrid, spec: EarthquakeSpec, random: Random): Earthquake {
  const { width, height, cellSizeM, buildings, walkable } = grid;
  const cellCount = width * height;
  if (walkable.length !== cellCount) throw new Error(`createEarthquake: walkable has ${walkable.length} cells, the grid ${width} × ${height}`);
  if (buildings.length > 32_767) throw new Error(`createEarthquake: ${buildings.length} buildings, at most 32,767`);

  const classNames = Object.keys(spec.vulnerability.classes);
  const classIndex = new Map(classNames.map((name, k) => [name, k]));
  const medianPgaG = new Float64Array(classNames.length * 4);
  const beta = new Float64Array(classNames.length);
  classNames.forEach((name, k) => {
    const f = spec.vulnerability.classes[name];
    medianPgaG.set([f.medianPgaG.slight, f.medianPgaG.moderate, f.medianPgaG.heavy, f.medianPgaG.collapse], k * 4);
    beta[k] = f.beta;
  });

  const byId = new Map(buildings.map((b, k) => [b.id, k]));
  const defaultClass = classIndex.get(spec.vulnerability.defaultClass);
  if (defaultClass === undefined) throw new Error(`createEarthquake: no vulnerability class "${spec.vulnerability.defaultClass}"`);
  const classOf = new Uint8Array(buildings.length).fill(defaultClass);
  for (const [building, cls] of Object.entries(spec.vulnerability.byBuilding)) {
    const b = byId.get(building);
    const c = classIndex.get(cls);
    if (b === undefined) throw new Error(`createEarthquake: vulnerability.byBuilding names "${building}", which is not a building of the map`);
    if (c === undefined) throw new Error(`createEarthquake: no vulnerability class "${cls}"`);
    classOf[b] = c;
  }

  // Horizontal distance from the epicentre cell's centre to each building's centroid (mean of cell centres).
  const buildingCell = new Uint8Array(cellCount);
  const attenuation = new Float64Array(buildings.length);
  const { depthM, exponent } = spec.attenuation;
  for (let b = 0; b < buildings.length; b++) {
    const cells = buildings[b].cells;
    let sx = 0;
    let sy = 0;
    for (let k = 0; k < cells.length; k++) {
      const c = cells[k];
      if (c < 0 || c >= cellCount) throw new Error(`createEarthquake: building "${buildings[b].id}" has cell ${c}, off the ${width} × ${height} grid`);
      buildingCell[c] = 1;
      const x = c % width;
      sx += x;
      sy += (c - x) / width;
    }
    const n = Math.max(1, cells.length);
    const dx = (sx / n - spec.epicentre.x) * cellSizeM;
    const dy = (sy / n - spec.epicentre.y) * cellSizeM;
    attenuation[b] = (depthM / Math.sqrt(dx * dx + dy * dy + depthM * depthM)) ** exponent;
  }

  const shocks: Shock[] = [{ atS: spec.atS, pgaAtEpicentreG: spec.pgaAtEpicentreG }, ...spec.aftershocks.map((a) => ({ ...a }))].sort((p, q) => p.atS - q.atS);
  const draw = new Float64Array(shocks.length * buildings.length);
  for (let k = 0; k < draw.length; k++) draw[k] = random.next();

  const t = spec.trappedShare;
  return {
    width,
    height,
    cellSizeM,
    timeS: -Infinity,
    shocks,
    shocksApplied: 0,
    attenuation,
    classOf,
    classNames,
    medianPgaG,
    beta,
    draw,
    pgaG: new Float64Array(buildings.length),
    damage: new Uint8Array(buildings.length),
    trappedByState: Float64Array.of(t.none, t.slight, t.moderate, t.heavy, t.collapse),
    heavyReachCells: spec.debris.heavyReachCells,
    collapseReachCells: spec.debris.collapseReachCells,
    buildingCell,
    walkable: walkable.slice(),
    buildingCells: buildings.map((b) => b.cells),
    debris: new Uint8Array(cellCount),
    debrisCells: new Int32Array(0),
    debrisCount: 0,
    perceived: new Uint8Array(cellCount),
    changedCells: new Int32Array(0),
    changedCount: 0,
  };
}
