import { createRandom } from '../random/Random';
import { sampleDuration, sampleSpeed } from '../random/sample';
import { AGE_GROUPS, MOBILITY, type Placement, type Scenario } from '../scenario/schema';
import type { Grid } from '../space/Grid';
import { assignPersonCells, householdSizesOf, placementCells } from './placement';
import { createResidents, createVolunteers, type Residents, type Volunteers } from './Residents';
import { cellCapacityPersons } from './speedDensity';
import { speedDistributionOf } from './speeds';

/**
 * Create residents and volunteers of a checked scenario: cells by the seed-independent placement, then
 * position within the cell, speed and pre-movement time from separate random streams.
 */
export function populate(scenario: Scenario, grid: Grid, seed: number): { residents: Residents; volunteers: Volunteers } {
  const groups = scenario.population.groups;
  const total = groups.reduce((sum, g) => sum + g.count, 0);
  const residents = createResidents(total);
  const room = new Uint16Array(grid.width * grid.height).fill(cellCapacityPersons(grid.cellSizeM ** 2));
  const jitter = createRandom(seed, 'placement');
  const speeds = createRandom(seed, 'speed');
  const preMovement = createRandom(seed, 'pre-movement');
  const floors = createRandom(seed, 'floors');
  let i = 0;
  let household = 0;
  groups.forEach((group, g) => {
    const cells = cellsOf(grid, group.placement, group.count, group.householdSize, room, `population.groups[${g}]`);
    const speedDist = speedDistributionOf(group);
    const preDist = group.preMovementS ?? scenario.population.defaultPreMovementS;
    const ageGroup = AGE_GROUPS.indexOf(group.ageGroup);
    for (let k = 0; k < group.count; k++, i++) {
      placeAt(residents, i, grid, cells[k], group.placement, k, jitter.next(), jitter.next());
      residents.household[i] = household + Math.floor(k / group.householdSize);
      residents.group[i] = g;
      residents.ageGroup[i] = ageGroup;
      residents.mobility[i] = MOBILITY.indexOf(group.mobility);
      const home = grid.placeOfCell[cells[k]];
      residents.homeBuilding[i] = home >= 0 && grid.places[home].kind === 'building' ? home : -1;
      const homePlace = home >= 0 ? grid.places[home].place : null;
      const storeys = homePlace?.kind === 'building' ? (homePlace.floors ?? 1) : 1;
      // Households share a floor: the first member's draw, kept for the others.
      residents.floor[i] = k % group.householdSize === 0 || i === 0 ? Math.min(255, Math.floor(floors.next() * storeys)) : residents.floor[i - 1];
      residents.speedMps[i] = sampleSpeed(speeds, speedDist);
      residents.preMovementS[i] = sampleDuration(preMovement, preDist);
    }
    household += Math.ceil(group.count / group.householdSize);
  });
  const teamTotal = scenario.volunteers.reduce((sum, t) => sum + t.count, 0);
  const volunteers = createVolunteers(teamTotal);
  // Volunteers stand among residents without taking their room: they do not walk yet.
  const volunteerRoom = new Uint16Array(room.length).fill(cellCapacityPersons(grid.cellSizeM ** 2));
  let v = 0;
  scenario.volunteers.forEach((team, t) => {
    const cells = cellsOf(grid, team.placement, team.count, 1, volunteerRoom, `volunteers[${t}]`);
    for (let k = 0; k < team.count; k++, v++) {
      placeAt(volunteers, v, grid, cells[k], team.placement, k, jitter.next(), jitter.next());
      volunteers.team[v] = t;
    }
  });
  return { residents, volunteers };
}

function cellsOf(grid: Grid, placement: Placement, count: number, householdSize: number, room: Uint16Array, path: string): Int32Array {
  if (placement.kind === 'points') {
    const cells = Int32Array.from(placement.pointsM, ([xm, ym]) => Math.floor(ym / grid.cellSizeM) * grid.width + Math.floor(xm / grid.cellSizeM));
    // Exact positions use up room too, so later groups do not overfill their cells.
    for (const cell of cells) if (room[cell] > 0) room[cell]--;
    return cells;
  }
  const cells = assignPersonCells(placementCells(grid, placement), householdSizesOf(count, householdSize), room);
  if (!cells) throw new Error(`${path}: not enough room (the scenario check should have caught this)`);
  return cells;
}

function placeAt(
  agents: { x: Float32Array; y: Float32Array; cell: Int32Array },
  i: number,
  grid: Grid,
  cell: number,
  placement: Placement,
  k: number,
  u: number,
  v: number,
): void {
  agents.cell[i] = cell;
  if (placement.kind === 'points') {
    agents.x[i] = placement.pointsM[k][0];
    agents.y[i] = placement.pointsM[k][1];
    return;
  }
  const cs = grid.cellSizeM;
  const cx = cell % grid.width;
  const cy = (cell - cx) / grid.width;
  // Keep a margin from the cell's edges so Float32 rounding never puts someone in the next cell.
  agents.x[i] = (cx + 0.05 + 0.9 * u) * cs;
  agents.y[i] = (cy + 0.05 + 0.9 * v) * cs;
}
