import type { SpreadTable } from './Fire';
import { spreadRateMps, windVelocity } from './wind';

/**
 * Offsets of the round model: the 8 neighbours and the 8 knight's steps. Shortest paths over these 16
 * directions (at most 26.6° apart) are at most 1/cos(13.3°) = 2.8% longer than straight lines, so a front
 * from a point stays round (an 8-neighbour front is an octagon, 8.2% off; a 4-neighbour one a diamond, 41%).
 * Columns: dx, dy, mid1x, mid1y, mid2x, mid2y, rule (see `SpreadTable.rule`).
 */
const ROUND: readonly (readonly number[])[] = [
  [1, 0, 0, 0, 0, 0, 0],
  [-1, 0, 0, 0, 0, 0, 0],
  [0, 1, 0, 0, 0, 0, 0],
  [0, -1, 0, 0, 0, 0, 0],
  [1, 1, 1, 0, 0, 1, 1],
  [1, -1, 1, 0, 0, -1, 1],
  [-1, 1, -1, 0, 0, 1, 1],
  [-1, -1, -1, 0, 0, -1, 1],
  // A knight's step (2, 1) crosses the cells (1, 0) and (1, 1) on its way: both must have fuel.
  [2, 1, 1, 0, 1, 1, 2],
  [2, -1, 1, 0, 1, -1, 2],
  [-2, 1, -1, 0, -1, 1, 2],
  [-2, -1, -1, 0, -1, -1, 2],
  [1, 2, 0, 1, 1, 1, 2],
  [-1, 2, 0, 1, -1, 1, 2],
  [1, -2, 0, -1, 1, -1, 2],
  [-1, -2, 0, -1, -1, -1, 2],
];
/** The 4 neighbours sharing an edge: site percolation's rule. */
const GRID4 = ROUND.slice(0, 4);

/** Build the spread table of a model with its front speed (m/s) and wind. */
export function createSpreadTable(
  model: 'round' | 'grid4',
  cellSizeM: number,
  rateMps: number,
  windSpeedMps: number,
  windFromDeg: number,
  windFactorPerMps: number,
): SpreadTable {
  const rows = model === 'round' ? ROUND : GRID4;
  const column = (k: number) => Int8Array.from(rows, (r) => r[k]);
  const table: SpreadTable = {
    count: rows.length,
    dx: column(0),
    dy: column(1),
    mid1x: column(2),
    mid1y: column(3),
    mid2x: column(4),
    mid2y: column(5),
    rule: Uint8Array.from(rows, (r) => r[6]),
    timeS: new Float64Array(rows.length),
    minTimeS: 0,
    rateMps,
    windSpeedMps,
    windFromDeg,
    windFactorPerMps,
  };
  updateSpreadTimes(table, cellSizeM);
  return table;
}

/**
 * Recompute the time of each step, s, from the table's front speed and wind: step length over the front
 * speed in the step's direction (`spreadRateMps`).
 */
export function updateSpreadTimes(table: SpreadTable, cellSizeM: number): void {
  const wind = windVelocity(1, table.windFromDeg, new Float64Array(2));
  for (let k = 0; k < table.count; k++) {
    const length = Math.hypot(table.dx[k], table.dy[k]);
    const cosAngle = table.windSpeedMps > 0 ? (table.dx[k] * wind[0] + table.dy[k] * wind[1]) / length : 0;
    table.timeS[k] = (length * cellSizeM) / spreadRateMps(table.rateMps, table.windSpeedMps, table.windFactorPerMps, cosAngle);
  }
  table.minTimeS = Math.min(...table.timeS);
}
