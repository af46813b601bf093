import { assignPersonCells, householdSizesOf, placementCells } from '../agents/placement';
import { cellCapacityPersons } from '../agents/speedDensity';
import { isWalkableKind } from '../space/CellKind';
import { computeDistanceField, createDistanceField } from '../space/distanceField';
import type { Grid } from '../space/Grid';
import { checkRect, checkUnique, requirePlace } from './checkRefs';
import { LIMITS } from './limits';
import type { ScenarioError } from './ScenarioError';
import type { Placement, Scenario } from './schema';

/** Candidate cells per distinct placement, so groups that share one (a common case) cost one computation. */
type CandidateCache = Map<string, number[]>;

/**
 * Check that every group and volunteer team has room where it is placed, exactly as `populate` will place
 * them, and that every resident can reach an exit or shelter.
 */
export function checkPopulation(scenario: Scenario, grid: Grid, errors: ScenarioError[]): void {
  const groups = scenario.population.groups;
  checkUnique(
    groups.map((g) => g.id),
    'population.groups',
    'group',
    errors,
  );
  checkUnique(
    scenario.volunteers.map((t) => t.id),
    'volunteers',
    'volunteer team',
    errors,
  );
  const total = groups.reduce((sum, g) => sum + g.count, 0);
  if (total > LIMITS.residents) {
    errors.push({ path: 'population.groups', message: `${total} residents in all, more than the ${LIMITS.residents} allowed`, hint: 'lower the counts' });
    return;
  }
  if (!checkPlacementWork(scenario, grid, errors)) return;
  const passable = new Uint8Array(grid.baseKinds.length);
  for (let c = 0; c < passable.length; c++) passable[c] = isWalkableKind(grid.baseKinds[c]) ? 1 : 0;
  const goals: number[] = [];
  for (const p of grid.places) if (p.kind === 'exit' || p.kind === 'shelter') for (const c of p.cells) goals.push(c);
  const field = createDistanceField(passable.length);
  computeDistanceField(grid.width, grid.height, grid.cellSizeM, passable, goals, field);
  const capacity = cellCapacityPersons(grid.cellSizeM * grid.cellSizeM);
  const cache: CandidateCache = new Map();
  const room = new Uint16Array(passable.length).fill(capacity);
  groups.forEach((group, i) => {
    const path = `population.groups[${i}].placement`;
    const cells = placeGroup(grid, passable, group.placement, group.count, group.householdSize, room, cache, path, group.id, 'people', errors);
    if (!cells) return;
    for (let k = 0; k < cells.length; k++) {
      const cell = cells[k];
      if (Number.isFinite(field.distanceM[cell])) continue;
      const x = cell % grid.width;
      errors.push({
        path,
        message: `people of group "${group.id}" stand where no exit or shelter can be reached (column ${x}, row ${(cell - x) / grid.width})`,
        hint: 'open a way out on the map (an exit in the wall, or a gap) or place them elsewhere',
      });
      return;
    }
  });
  // Volunteers stand among residents without taking their room (as in populate), but share their own.
  const volunteerRoom = new Uint16Array(passable.length).fill(capacity);
  scenario.volunteers.forEach((team, i) => {
    placeGroup(grid, passable, team.placement, team.count, 1, volunteerRoom, cache, `volunteers[${i}].placement`, team.id, 'volunteers', errors);
  });
}

/**
 * The cell of each person of one group or team, or null after reporting why they cannot be placed.
 * Points use their own cells; other placements use the same seed-independent assignment as `populate`.
 */
function placeGroup(
  grid: Grid,
  passable: Uint8Array,
  placement: Placement,
  count: number,
  householdSize: number,
  room: Uint16Array,
  cache: CandidateCache,
  path: string,
  id: string,
  who: 'people' | 'volunteers',
  errors: ScenarioError[],
): ArrayLike<number> | null {
  if (placement.kind === 'points') {
    if (placement.pointsM.length !== count) {
      errors.push({
        path: `${path}.pointsM`,
        message: `${placement.pointsM.length} point${placement.pointsM.length === 1 ? '' : 's'} for ${count} ${who}`,
        hint: `give exactly one point [x, y] in metres per person, or change count to ${placement.pointsM.length}`,
      });
      return null;
    }
    const cells: number[] = [];
    for (let k = 0; k < placement.pointsM.length; k++) {
      const [xm, ym] = placement.pointsM[k];
      const x = Math.floor(xm / grid.cellSizeM);
      const y = Math.floor(ym / grid.cellSizeM);
      const cell = y * grid.width + x;
      const outside = x >= grid.width || y >= grid.height;
      if (outside || !passable[cell] || room[cell] === 0) {
        const why = outside
          ? `is outside the map (${grid.width * grid.cellSizeM} m × ${grid.height * grid.cellSizeM} m)`
          : passable[cell]
            ? 'is in a cell that is already full'
            : 'is in a wall or water';
        errors.push({
          path: `${path}.pointsM[${k}]`,
          message: `point (${xm}, ${ym}) m ${why}`,
          hint: 'move it onto walkable ground; x is metres from the left, y from the top',
        });
        return null;
      }
      room[cell]--;
      cells.push(cell);
    }
    return cells;
  }
  let ok = true;
  if (placement.kind === 'buildings') {
    placement.buildings.forEach((building, k) => {
      ok = requirePlace(grid, building, ['building'], `${path}.buildings[${k}]`, errors) && ok;
    });
  }
  if (placement.kind === 'rect') ok = checkRect(placement.rect, `${path}.rect`, grid, errors) && ok;
  if (!ok) return null;
  const key = placementKey(placement);
  let candidates = cache.get(key);
  if (!candidates) {
    candidates = placementCells(grid, placement);
    cache.set(key, candidates);
  }
  if (count > 0 && candidates.length === 0) {
    errors.push({ path, message: `group "${id}" has nowhere to stand`, hint: 'place it in buildings or an area with walkable cells' });
    return null;
  }
  const assigned = assignPersonCells(candidates, householdSizesOf(count, householdSize), room);
  if (!assigned) {
    const capacity = cellCapacityPersons(grid.cellSizeM ** 2);
    errors.push({
      path,
      message: `not enough room for the ${count} ${who} of "${id}" (${candidates.length} cells, at most ${capacity} people each)`,
      hint: `each ${grid.cellSizeM} m cell holds at most ${capacity} people: draw larger buildings, add buildings or lower count`,
    });
    return null;
  }
  return assigned;
}

function placementKey(placement: Exclude<Placement, { kind: 'points' }>): string {
  switch (placement.kind) {
    case 'buildings':
      return `buildings:${placement.buildings.join(',')}`;
    case 'allBuildings':
      return 'allBuildings';
    case 'rect':
      return `rect:${placement.rect.x},${placement.rect.y},${placement.rect.w},${placement.rect.h}`;
  }
}

/**
 * Bound the cells all placements will scan before scanning any, so a file with many groups spread over a
 * huge map is refused quickly instead of running for minutes.
 */
function checkPlacementWork(scenario: Scenario, grid: Grid, errors: ScenarioError[]): boolean {
  const seen = new Set<string>();
  let work = 0;
  let buildingCells = -1;
  for (const { placement } of [...scenario.population.groups, ...scenario.volunteers]) {
    if (placement.kind === 'points') continue;
    const key = placementKey(placement);
    if (seen.has(key)) continue;
    seen.add(key);
    if (placement.kind === 'rect') work += Math.min(placement.rect.w, grid.width) * Math.min(placement.rect.h, grid.height);
    else if (placement.kind === 'buildings') for (const id of placement.buildings) work += grid.placeById.get(id)?.cells.length ?? 0;
    else {
      if (buildingCells < 0) buildingCells = grid.places.reduce((sum, p) => sum + (p.kind === 'building' ? p.cells.length : 0), 0);
      work += buildingCells;
    }
  }
  if (work <= LIMITS.placementCells) return true;
  errors.push({
    path: 'population.groups',
    message: `the groups' placements cover ${work} cells in all, more than the ${LIMITS.placementCells} this check allows`,
    hint: 'let groups share placements (the same buildings list), or use fewer, smaller areas',
  });
  return false;
}
