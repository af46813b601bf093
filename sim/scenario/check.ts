import { maxSpeedOf, speedDistributionOf } from '../agents/speeds';
import { buildGrid, type Grid } from '../space/Grid';
import { checkGovernance } from './checkGovernance';
import { checkInjects } from './checkInjects';
import { checkObjectives } from './checkObjectives'; // objectives (after-action report): one line
import { checkPopulation } from './checkPopulation';
import { checkRect, checkUnique, MAX_CHECK_ERRORS, requirePlace } from './checkRefs';
import { checkWarningEvent, checkWarningSetup, type WarningIds, warningIdsOf } from './checkWarning';
import type { DurationDistribution, SpeedDistribution } from './distributions';
import { LIMITS } from './limits';
import { formatPath, type ScenarioError } from './ScenarioError';
import type { Scenario, ScenarioAction, TimelineEvent } from './schema';

/**
 * Checks that need more than the schema: the map's shape and legend, references between ids, room for
 * everyone, routes to safety, and a tick short enough for the fastest walker. Returns [] when all is well.
 */
export function checkScenario(scenario: Scenario): ScenarioError[] {
  const errors: ScenarioError[] = [];
  checkMap(scenario, errors);
  checkPlaces(scenario, errors);
  if (errors.length) return errors.slice(0, MAX_CHECK_ERRORS);
  const grid = buildGrid(scenario);
  checkDrawnPlaces(scenario, grid, errors);
  const ids = warningIdsOf(scenario);
  checkTimeline(scenario.timeline, 'timeline', grid, ids, errors);
  scenario.strategies.forEach((s, i) => {
    checkTimeline(s.timeline, `strategies[${i}].timeline`, grid, ids, errors);
  });
  checkWarningSetup(scenario, grid, errors);
  checkGovernance(scenario, grid, errors);
  // injects: begin
  checkInjects(scenario, grid, errors);
  scenario.injects.forEach((inject, i) => {
    inject.effects.forEach((effect, k) => {
      checkActionRefs(effect, `injects[${i}].effects[${k}]`, grid, ids, errors);
    });
  });
  // injects: end
  checkObjectives(scenario, errors); // objectives (after-action report): one line
  checkUnique(
    scenario.strategies.map((s) => s.id),
    'strategies',
    'strategy',
    errors,
  );
  checkTargetCount(scenario, errors);
  checkDistributions(scenario, errors);
  checkPopulation(scenario, grid, errors);
  checkTick(scenario, errors);
  return errors.slice(0, MAX_CHECK_ERRORS);
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
  for (let y = 0; y < rows.length && errors.length < MAX_CHECK_ERRORS; y++) {
    const row = rows[y];
    if (row.length !== width) {
      errors.push({ path: `map.rows[${y}]`, message: `row ${y} has ${row.length} characters but row 0 has ${width}`, hint: 'make every row the same length' });
      continue;
    }
    for (let x = 0; x < row.length; x++) {
      if (Object.hasOwn(legend, row[x])) continue;
      const code = row.charCodeAt(x);
      if (code >= 0xd800 && code <= 0xdfff) {
        // Emoji and other symbols beyond the basic range are two UTF-16 units: never a single legend key.
        errors.push({
          path: `map.rows[${y}]`,
          message: `the symbol ${row.slice(x, x + 2)} at column ${x} cannot be used in a map (it counts as two characters)`,
          hint: 'draw with letters, digits or signs such as # . = ~ and explain them in map.legend',
        });
      } else {
        errors.push({
          path: `map.rows[${y}]`,
          message: `character ${JSON.stringify(row[x])} at column ${x} is not in map.legend`,
          hint: `add ${JSON.stringify(row[x])} to map.legend, or fix the typo`,
        });
      }
      break;
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
  // First place wins, as in the duplicate-id error, so a repeated id is reported once, not again here.
  const kinds = new Map<string, string>();
  for (const p of scenario.places) if (!kinds.has(p.id)) kinds.set(p.id, p.kind);
  for (const [ch, entry] of Object.entries(scenario.map.legend)) {
    if (typeof entry === 'string') {
      // Safety comes from places: a bare exit or shelter cell would look like a way out but lead nowhere.
      if (entry === 'exit' || entry === 'shelter') {
        errors.push({
          path: formatPath(['map', 'legend', ch]),
          message: `${entry} cells must belong to a place, or nobody is safe when they reach them`,
          hint: `write { "cell": "${entry}", "place": "${entry === 'exit' ? 'main-gate' : 'hall'}" } and add that id to places with "kind": "${entry}"`,
        });
      }
      continue;
    }
    const path = formatPath(['map', 'legend', ch, 'place']);
    const kind = kinds.get(entry.place);
    if (!kind)
      errors.push({ path, message: `no place has the id "${entry.place}"`, hint: `add { "id": "${entry.place}", "kind": "${entry.cell}" } to places` });
    else if (kind === 'zone')
      errors.push({
        path,
        message: `"${entry.place}" is a zone; zones are not drawn with map characters`,
        hint: 'give the zone a "rect" in places and remove "place" here (write the cell kind alone)',
      });
    else if (kind !== entry.cell)
      errors.push({
        path,
        message: `"${entry.place}" is a ${kind} but these cells are drawn as ${entry.cell}`,
        hint: `make them the same: "cell": "${kind}", or change the place's kind`,
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

function checkTimeline(events: readonly TimelineEvent[], base: string, grid: Grid, ids: WarningIds, errors: ScenarioError[]): void {
  events.forEach((event, i) => {
    checkActionRefs(event, `${base}[${i}]`, grid, ids, errors);
  });
}

/** Check the places and ids an action (a timeline event or a live command) names. */
export function checkActionRefs(event: ScenarioAction, path: string, grid: Grid, ids: WarningIds, errors: ScenarioError[]): void {
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
    default:
      checkWarningEvent(event, path, grid, ids, errors);
  }
}

function checkTick(scenario: Scenario, errors: ScenarioError[]): void {
  // Nobody walks: any tick is fine.
  if (!scenario.simulation.movement) return;
  // Volunteers walk too: the fastest of anyone sets the longest safe tick.
  const fastest = Math.max(...scenario.population.groups.map((g) => maxSpeedOf(speedDistributionOf(g))), ...scenario.volunteers.map((v) => v.speedMps));
  const stepM = fastest * scenario.simulation.tickS;
  if (stepM > scenario.map.cellSizeM) {
    errors.push({
      path: 'simulation.tickS',
      message: `the fastest walker (${fastest} m/s) would cross more than one ${scenario.map.cellSizeM} m cell per ${scenario.simulation.tickS} s tick`,
      hint: `use a tickS of at most ${Math.floor((scenario.map.cellSizeM / fastest) * 100) / 100}`,
    });
  }
}

/** Lowest and highest values of a range distribution, when it has one. */
function rangeOf(dist: DurationDistribution | SpeedDistribution): { min: number; max: number; unit: string } | null {
  if (dist.kind === 'uniform' && 'minS' in dist) return { min: dist.minS, max: dist.maxS, unit: 'S' };
  if (dist.kind === 'uniform' || dist.kind === 'normal') return { min: dist.minMps, max: dist.maxMps, unit: 'Mps' };
  return null;
}

/** A range written backwards (minS above maxS) is almost always a swap; say so instead of guessing. */
function checkDistributions(scenario: Scenario, errors: ScenarioError[]): void {
  const check = (dist: DurationDistribution | SpeedDistribution | undefined, path: string) => {
    const range = dist && rangeOf(dist);
    if (range && range.min > range.max) {
      errors.push({
        path: `${path}.max${range.unit}`,
        message: `max${range.unit} (${range.max}) is below min${range.unit} (${range.min})`,
        hint: 'swap the two values',
      });
    }
  };
  check(scenario.population.defaultPreMovementS, 'population.defaultPreMovementS');
  scenario.population.groups.forEach((g, i) => {
    check(g.preMovementS, `population.groups[${i}].preMovementS`);
    check(g.speedMps, `population.groups[${i}].speedMps`);
  });
}

/**
 * Each distinct evacuation target of a run needs its own distance field; bound them so a run cannot
 * exhaust the simulation's field slots.
 */
function checkTargetCount(scenario: Scenario, errors: ScenarioError[]): void {
  const targetsOf = (events: readonly TimelineEvent[]) => events.flatMap((e) => (e.kind === 'evacuate' ? [e.target] : []));
  const shared = targetsOf(scenario.timeline);
  const runs = scenario.strategies.length
    ? scenario.strategies.map((s, i) => ({ path: `strategies[${i}].timeline`, events: s.timeline }))
    : [{ path: 'timeline', events: [] }];
  for (const run of runs) {
    const distinct = new Set([...shared, ...targetsOf(run.events)]).size;
    if (distinct > LIMITS.evacuationTargets) {
      errors.push({
        path: run.path,
        message: `a run of this scenario uses ${distinct} different evacuation targets, more than the ${LIMITS.evacuationTargets} allowed`,
        hint: 'send people to "nearest-safe", "nearest-exit" or "nearest-shelter" instead of naming every place',
      });
    }
  }
}
