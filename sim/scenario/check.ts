import { assignPersonCells, householdSizesOf, placementCells } from '../agents/placement';
import { cellCapacityPersons } from '../agents/speedDensity';
import { maxSpeedOf, speedDistributionOf } from '../agents/speeds';
import { isWalkableKind } from '../space/CellKind';
import { computeDistanceField, createDistanceField } from '../space/distanceField';
import { buildGrid, type Grid } from '../space/Grid';
import { LIMITS } from './limits';
import type { ScenarioError } from './ScenarioError';
import type { Rect, Scenario, TimelineEvent } from './schema';

const MAX_ERRORS = 50;

/**
 * Checks that need more than the schema: the map's shape and legend, references between ids, room for
 * everyone, routes to safety, and a tick short enough for the fastest walker. Returns [] when all is well.
 */
export function checkScenario(scenario: Scenario): ScenarioError[] {
  const errors: ScenarioError[] = [];
  checkMap(scenario, errors);
  checkPlaces(scenario, errors);
  if (errors.length) return errors.slice(0, MAX_ERRORS);
  const grid = buildGrid(scenario);
  checkDrawnPlaces(scenario, grid, errors);
  checkTimeline(scenario.timeline, 'timeline', grid, errors);
  scenario.strategies.forEach((s, i) => {
    checkTimeline(s.timeline, `strategies[${i}].timeline`, grid, errors);
  });
  checkUnique(
    scenario.strategies.map((s) => s.id),
    'strategies',
    'strategy',
    errors,
  );
  checkPopulation(scenario, grid, errors);
  checkTick(scenario, errors);
  return errors.slice(0, MAX_ERRORS);
}

function checkMap(scenario: Scenario, errors: ScenarioError[]): void {
  const { rows, legend } = scenario.map;
  const width = rows[0].length;
  if (rows.length * width > LIMITS.mapCells) {
    errors.push({
      path: 'map.rows',
      message: `the map has ${rows.length * width} cells, more than the ${LIMITS.mapCells} allowed`,
      hint: 'use a larger map.cellSizeM',
    });
    return;
  }
  for (let y = 0; y < rows.length && errors.length < MAX_ERRORS; y++) {
    const row = rows[y];
    if (row.length !== width) {
      errors.push({ path: `map.rows[${y}]`, message: `row ${y} has ${row.length} characters but row 0 has ${width}`, hint: 'make every row the same length' });
      continue;
    }
    for (let x = 0; x < row.length; x++) {
      if (!(row[x] in legend)) {
        errors.push({
          path: `map.rows[${y}]`,
          message: `character ${JSON.stringify(row[x])} at column ${x} is not in map.legend`,
          hint: `add ${JSON.stringify(row[x])} to map.legend, or fix the typo`,
        });
        break;
      }
    }
  }
}

function checkPlaces(scenario: Scenario, errors: ScenarioError[]): void {
  checkUnique(
    scenario.places.map((p) => p.id),
    'places',
    'place',
    errors,
  );
  const kinds = new Map(scenario.places.map((p) => [p.id, p.kind]));
  for (const [ch, entry] of Object.entries(scenario.map.legend)) {
    if (typeof entry === 'string') continue;
    const path = `map.legend[${JSON.stringify(ch)}].place`;
    const kind = kinds.get(entry.place);
    if (!kind)
      errors.push({ path, message: `no place has the id "${entry.place}"`, hint: `add { "id": "${entry.place}", "kind": "${entry.cell}" } to places` });
    else if (kind !== entry.cell)
      errors.push({
        path,
        message: `"${entry.place}" is a ${kind} but these cells are drawn as ${entry.cell}`,
        hint: 'make the legend cell kind and the place kind the same',
      });
  }
}

function checkDrawnPlaces(scenario: Scenario, grid: Grid, errors: ScenarioError[]): void {
  scenario.places.forEach((place, i) => {
    if (place.kind === 'zone') {
      checkRect(place.rect, `places[${i}].rect`, grid, errors);
    } else if (grid.places[i].cells.length === 0) {
      errors.push({
        path: `places[${i}]`,
        message: `${place.kind} "${place.id}" is not drawn on the map`,
        hint: `give it a legend character, for example "X": { "cell": "${place.kind}", "place": "${place.id}" }, and draw it`,
      });
    }
  });
  if (!grid.places.some((p) => (p.kind === 'exit' || p.kind === 'shelter') && p.cells.length > 0)) {
    errors.push({ path: 'places', message: 'the scenario has no exit and no shelter', hint: 'add a place of kind "exit" or "shelter" and draw it on the map' });
  }
}

function checkRect(rect: Rect, path: string, grid: Grid, errors: ScenarioError[]): void {
  if (rect.x + rect.w > grid.width || rect.y + rect.h > grid.height) {
    errors.push({
      path,
      message: `the rectangle reaches beyond the map (${grid.width} × ${grid.height} cells)`,
      hint: 'x + w must be at most the row length and y + h at most the number of rows',
    });
  }
}

function checkTimeline(events: readonly TimelineEvent[], base: string, grid: Grid, errors: ScenarioError[]): void {
  events.forEach((event, i) => {
    const path = `${base}[${i}]`;
    switch (event.kind) {
      case 'evacuate': {
        if (event.zone !== 'all') requirePlace(grid, event.zone, ['zone', 'building'], `${path}.zone`, errors);
        if (!event.target.startsWith('nearest-')) requirePlace(grid, event.target, ['exit', 'shelter'], `${path}.target`, errors);
        break;
      }
      case 'closeExit':
      case 'openExit':
        requirePlace(grid, event.place, ['exit', 'shelter'], `${path}.place`, errors);
        break;
      case 'blockArea':
      case 'unblockArea':
        checkRect(event.rect, `${path}.rect`, grid, errors);
        break;
      case 'message':
        break;
    }
  });
}

function requirePlace(grid: Grid, id: string, kinds: readonly string[], path: string, errors: ScenarioError[]): void {
  const place = grid.placeById.get(id);
  if (!place) {
    const known = grid.places.filter((p) => kinds.includes(p.kind)).map((p) => p.id);
    errors.push({
      path,
      message: `no ${kinds.join(' or ')} has the id "${id}"`,
      hint: known.length ? `use one of: ${known.slice(0, 10).join(', ')}` : `add a ${kinds[0]} to places`,
    });
  } else if (!kinds.includes(place.kind)) {
    errors.push({ path, message: `"${id}" is a ${place.kind}, but a ${kinds.join(' or ')} is needed here` });
  }
}

function checkPopulation(scenario: Scenario, grid: Grid, errors: ScenarioError[]): void {
  const groups = scenario.population.groups;
  checkUnique(
    groups.map((g) => g.id),
    'population.groups',
    'group',
    errors,
  );
  const total = groups.reduce((sum, g) => sum + g.count, 0);
  if (total > LIMITS.residents) {
    errors.push({ path: 'population.groups', message: `${total} residents in all, more than the ${LIMITS.residents} allowed` });
    return;
  }
  const passable = new Uint8Array(grid.baseKinds.length);
  for (let c = 0; c < passable.length; c++) passable[c] = isWalkableKind(grid.baseKinds[c]) ? 1 : 0;
  const goals: number[] = [];
  for (const p of grid.places) if (p.kind === 'exit' || p.kind === 'shelter') goals.push(...p.cells);
  const field = createDistanceField(passable.length);
  computeDistanceField(grid.width, grid.height, grid.cellSizeM, passable, goals, field);
  const room = new Uint16Array(passable.length).fill(cellCapacityPersons(grid.cellSizeM * grid.cellSizeM));
  groups.forEach((group, i) => {
    const path = `population.groups[${i}].placement`;
    const placement = group.placement;
    let cells: ArrayLike<number>;
    if (placement.kind === 'points') {
      if (placement.pointsM.length !== group.count) {
        errors.push({
          path: `${path}.pointsM`,
          message: `${placement.pointsM.length} points for ${group.count} people`,
          hint: 'give exactly one point per person, or change count',
        });
        return;
      }
      const pointCells: number[] = [];
      for (let k = 0; k < placement.pointsM.length; k++) {
        const [xm, ym] = placement.pointsM[k];
        const x = Math.floor(xm / grid.cellSizeM);
        const y = Math.floor(ym / grid.cellSizeM);
        const cell = y * grid.width + x;
        if (x >= grid.width || y >= grid.height || !passable[cell] || room[cell] === 0) {
          const why = x >= grid.width || y >= grid.height ? 'is outside the map' : passable[cell] ? 'is in a full cell' : 'is in a wall or water';
          errors.push({ path: `${path}.pointsM[${k}]`, message: `point (${xm}, ${ym}) m ${why}`, hint: 'move it onto walkable ground' });
          return;
        }
        room[cell]--;
        pointCells.push(cell);
      }
      cells = pointCells;
    } else {
      if (placement.kind === 'buildings') {
        placement.buildings.forEach((id, k) => {
          requirePlace(grid, id, ['building'], `${path}.buildings[${k}]`, errors);
        });
      }
      if (placement.kind === 'rect') checkRect(placement.rect, `${path}.rect`, grid, errors);
      const candidates = placementCells(grid, placement);
      if (group.count > 0 && candidates.length === 0) {
        errors.push({ path, message: `group "${group.id}" has nowhere to stand`, hint: 'place it in buildings or an area with walkable cells' });
        return;
      }
      const assigned = assignPersonCells(candidates, householdSizesOf(group.count, group.householdSize), room);
      if (!assigned) {
        errors.push({
          path,
          message: `not enough room for the ${group.count} people of group "${group.id}"`,
          hint: `each ${grid.cellSizeM} m cell holds at most ${cellCapacityPersons(grid.cellSizeM ** 2)} people: draw larger buildings, add buildings or lower count`,
        });
        return;
      }
      cells = assigned;
    }
    for (let k = 0; k < cells.length; k++) {
      const cell = cells[k];
      if (!Number.isFinite(field.distanceM[cell])) {
        const x = cell % grid.width;
        errors.push({
          path,
          message: `people of group "${group.id}" stand where no exit or shelter can be reached (column ${x}, row ${(cell - x) / grid.width})`,
          hint: 'open a way out on the map (a door in the wall) or place them elsewhere',
        });
        return;
      }
    }
  });
  scenario.volunteers.forEach((team, i) => {
    if (team.placement.kind === 'buildings') {
      team.placement.buildings.forEach((id, k) => {
        requirePlace(grid, id, ['building'], `volunteers[${i}].placement.buildings[${k}]`, errors);
      });
    }
    if (team.placement.kind === 'points' && team.placement.pointsM.length !== team.count) {
      errors.push({
        path: `volunteers[${i}].placement.pointsM`,
        message: `${team.placement.pointsM.length} points for ${team.count} volunteers`,
        hint: 'give exactly one point per volunteer',
      });
    }
  });
}

function checkTick(scenario: Scenario, errors: ScenarioError[]): void {
  const fastest = Math.max(...scenario.population.groups.map((g) => maxSpeedOf(speedDistributionOf(g))));
  const stepM = fastest * scenario.simulation.tickS;
  if (stepM > scenario.map.cellSizeM) {
    errors.push({
      path: 'simulation.tickS',
      message: `the fastest walker (${fastest} m/s) would cross more than one ${scenario.map.cellSizeM} m cell per ${scenario.simulation.tickS} s tick`,
      hint: `use a tickS of at most ${Math.floor((scenario.map.cellSizeM / fastest) * 100) / 100}`,
    });
  }
}

function checkUnique(ids: readonly string[], path: string, what: string, errors: ScenarioError[]): void {
  const seen = new Set<string>();
  ids.forEach((id, i) => {
    if (seen.has(id)) errors.push({ path: `${path}[${i}].id`, message: `another ${what} already has the id "${id}"`, hint: 'give each one its own id' });
    seen.add(id);
  });
}
