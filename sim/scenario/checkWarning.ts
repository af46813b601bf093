import { checkEarthquakeSpec } from '../hazards/earthquake/checkEarthquake';
import { checkFireSpec } from '../hazards/fire/checkFire';
import { fuelFromCellKinds } from '../hazards/fire/fuel';
import { checkFloodSpec } from '../hazards/flood/checkFloodSpec';
import { checkPlumeSpec } from '../hazards/plume/check';
import { CellKind } from '../space/CellKind';
import type { Grid } from '../space/Grid';
import { checkUnique, requirePlace } from './checkRefs';
import type { ScenarioError } from './ScenarioError';
import type { Scenario, ScenarioAction } from './schema';

/** Ids the warning phase refers to: channels, hazards, volunteer teams. */
export interface WarningIds {
  outages: readonly string[];
  channels: readonly string[];
  hazards: readonly string[];
  teams: readonly string[];
  /** Support units of the organisations. */
  units: readonly string[];
  /** Organisations of the governance section. */
  organisations: readonly string[];
  /** Whether the scenario has organisations (a governance section). */
  governed: boolean;
  stores: number;
}

export function warningIdsOf(scenario: Scenario): WarningIds {
  return {
    outages: scenario.outages.map((o) => o.id),
    channels: scenario.channels.map((c) => c.id),
    hazards: scenario.hazards.map((h) => h.id),
    teams: scenario.volunteers.map((v) => v.id),
    governed: scenario.governance !== undefined,
    organisations: (scenario.governance?.organisations ?? []).map((o) => o.id),
    stores: scenario.governance?.stores.length ?? 0,
    units: (scenario.governance?.organisations ?? []).flatMap((o) => o.support.map((u) => u.id)),
  };
}

/**
 * Check channels, sensors, hazards and volunteer teams: unique ids, positions on the map, and the ids
 * that strategies' levers name.
 */
export function checkWarningSetup(scenario: Scenario, grid: Grid, errors: ScenarioError[]): void {
  const ids = warningIdsOf(scenario);
  checkUnique(ids.channels, 'channels', 'channel', errors);
  checkUnique(
    scenario.sensors.map((s) => s.id),
    'sensors',
    'sensor',
    errors,
  );
  checkUnique(ids.hazards, 'hazards', 'hazard', errors);
  checkUnique(ids.teams, 'volunteers', 'volunteer team', errors);
  scenario.channels.forEach((c, i) => {
    if (c.speakers && c.kind !== 'loudspeaker') {
      errors.push({
        path: `channels[${i}].speakers`,
        message: `a ${c.kind} channel has no speakers`,
        hint: 'remove "speakers", or make the channel "kind": "loudspeaker"',
      });
    }
    c.speakers?.forEach((p, k) => {
      checkPoint(p, `channels[${i}].speakers[${k}]`, grid, errors);
    });
  });
  scenario.sensors.forEach((s, i) => {
    checkPoint(s.at, `sensors[${i}].at`, grid, errors);
    s.outages.forEach((o, k) => {
      if (o.toS < o.fromS)
        errors.push({ path: `sensors[${i}].outages[${k}]`, message: 'the outage ends before it starts', hint: 'toS must be at least fromS' });
    });
  });
  scenario.hazards.forEach((h, i) => {
    const path = `hazards[${i}]`;
    if (h.kind === 'area') checkPoint(h.origin, `${path}.origin`, grid, errors);
    else if (h.kind === 'fire') errors.push(...checkFireSpec(h.fire, grid, fuelFromCellKinds(grid.baseKinds, grid.width, grid.height, h.fire), `${path}.fire`));
    else if (h.kind === 'epidemic') return;
    else if (h.kind === 'gas') checkPlumeSpec({ width: grid.width, height: grid.height, cellSizeM: grid.cellSizeM }, h.plume, `${path}.plume`, errors);
    else if (h.kind === 'earthquake') {
      const buildingIds = grid.places.filter((p) => p.kind === 'building').map((p) => p.id);
      errors.push(...checkEarthquakeSpec(h.earthquake, buildingIds, `${path}.earthquake`));
    } else errors.push(...checkFloodSpec(h.flood, { width: grid.width, height: grid.height, wall: wallsOf(grid) }, ['hazards', i, 'flood']));
  });
  checkUnique(ids.outages, 'outages', 'outage', errors);
  scenario.outages.forEach((o, i) => {
    const path = `outages[${i}]`;
    if (o.zone !== 'all') requirePlace(grid, o.zone, ['zone', 'building'], `${path}.zone`, errors);
    if (o.trigger) {
      requireId(o.trigger.hazard, ids.hazards, 'hazard', `${path}.trigger.hazard`, errors);
      checkPoint(o.trigger.at, `${path}.trigger.at`, grid, errors);
    }
  });
  scenario.strategies.forEach((strategy, i) => {
    const base = `strategies[${i}].levers`;
    strategy.levers.warningPlan.forEach((step, k) => {
      const path = `${base}.warningPlan[${k}]`;
      requireId(step.channel, ids.channels, 'channel', `${path}.channel`, errors);
      if (step.zone !== 'all') requirePlace(grid, step.zone, ['zone', 'building'], `${path}.zone`, errors);
      checkTarget(step.target, `${path}.target`, grid, errors);
    });
    strategy.levers.volunteerPlan.forEach((task, k) => {
      const path = `${base}.volunteerPlan[${k}]`;
      requireId(task.team, ids.teams, 'volunteer team', `${path}.team`, errors);
      if (task.zone !== 'all') requirePlace(grid, task.zone, ['zone', 'building'], `${path}.zone`, errors);
    });
  });
}

/** Check the ids named by a warning-phase action (timeline event or command). */
export function checkWarningEvent(event: ScenarioAction, path: string, grid: Grid, ids: WarningIds, errors: ScenarioError[]): void {
  switch (event.kind) {
    case 'warn':
      requireId(event.channel, ids.channels, 'channel', `${path}.channel`, errors);
      if (event.zone !== 'all') requirePlace(grid, event.zone, ['zone', 'building'], `${path}.zone`, errors);
      checkTarget(event.target, `${path}.target`, grid, errors);
      break;
    case 'officialUpdate':
      requireId(event.channel, ids.channels, 'channel', `${path}.channel`, errors);
      break;
    case 'rumour':
      if (event.zone !== 'all') requirePlace(grid, event.zone, ['zone', 'building'], `${path}.zone`, errors);
      break;
    case 'startHazard':
      requireId(event.hazard, ids.hazards, 'hazard', `${path}.hazard`, errors);
      break;
    case 'startOutage':
    case 'endOutage':
      requireId(event.outage, ids.outages, 'outage', `${path}.outage`, errors);
      break;
    case 'assignVolunteers':
      requireId(event.team, ids.teams, 'volunteer team', `${path}.team`, errors);
      if (event.zone !== 'all') requirePlace(grid, event.zone, ['zone', 'building'], `${path}.zone`, errors);
      break;
    case 'openShelter':
      requirePlace(grid, event.shelter, ['shelter'], `${path}.shelter`, errors);
      break;
    case 'activatePlan':
      if (event.by !== undefined) requireId(event.by, ids.organisations, 'organisation', `${path}.by`, errors);
      break;
    case 'releaseSupplies':
      if (!ids.governed || ids.stores === 0)
        errors.push({ path, message: 'there are no stored supplies to release', hint: 'add stores to the governance section of the scenario' });
      break;
    case 'requestSupport':
      requireId(event.unit, ids.units, 'support unit', `${path}.unit`, errors);
      break;
    default:
      break;
  }
}

/** 1 for wall cells: water does not cross them. */
export function wallsOf(grid: Grid): Uint8Array {
  return Uint8Array.from(grid.baseKinds, (k) => (k === CellKind.Wall ? 1 : 0));
}

function checkTarget(target: string, path: string, grid: Grid, errors: ScenarioError[]): void {
  if (target === 'nearest-safe' || target === 'nearest-exit' || target === 'nearest-shelter') return;
  requirePlace(grid, target, ['exit', 'shelter'], path, errors);
}

export function requireId(id: string, known: readonly string[], what: string, path: string, errors: ScenarioError[]): void {
  if (known.includes(id)) return;
  errors.push({
    path,
    message: `no ${what} has the id "${id}"`,
    hint: known.length ? `use one of: ${[...new Set(known)].slice(0, 10).join(', ')}` : `define the ${what} first (see the scenario guide)`,
  });
}

export function checkPoint(point: { x: number; y: number }, path: string, grid: Grid, errors: ScenarioError[]): void {
  if (point.x < grid.width && point.y < grid.height) return;
  errors.push({
    path,
    message: `the point (${point.x}, ${point.y}) is outside the map (${grid.width} columns × ${grid.height} rows)`,
    hint: 'x counts columns and y rows, from 0 at the top-left',
  });
}
