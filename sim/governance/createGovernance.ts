import { createRandom } from '../random/Random';
import type { Scenario } from '../scenario/schema';
import { AUTONOMOUS_DECISIONS, CARRYING_KINDS, SUPPLY_ITEMS, type Supplies } from '../scenario/schemaGovernance';
import type { Levers } from '../scenario/schemaWarning';
import type { Grid } from '../space/Grid';
import type { GovernanceState } from './GovernanceState';

/** Untrained volunteers and staff walk at this share of their speed and take this much longer per task. */
export const UNTRAINED_SPEED_FACTOR = 0.75;
export const UNTRAINED_WORK_FACTOR = 1.5;

/** Supplies as a vector in SUPPLY_ITEMS order. */
export function suppliesVector(s: Supplies | undefined): Float64Array {
  const v = new Float64Array(SUPPLY_ITEMS.length);
  if (s) for (let k = 0; k < SUPPLY_ITEMS.length; k++) v[k] = s[SUPPLY_ITEMS[k]] ?? 0;
  return v;
}

/** The organisations of a checked scenario under a strategy's levers; null when the scenario has none. */
export function createGovernance(scenario: Scenario, grid: Grid, levers: Levers, seed: number): GovernanceState | null {
  const spec = scenario.governance;
  if (!spec) return null;
  const orgIndex = new Map(spec.organisations.map((o, i) => [o.id, i]));
  const parent = Int32Array.from(spec.organisations, (o) => (o.reportsTo ? (orgIndex.get(o.reportsTo) ?? -1) : -1));
  const units = new Map<string, { unit: (typeof spec.organisations)[number]['support'][number]; owner: number }>();
  spec.organisations.forEach((o, owner) => {
    for (const unit of o.support) units.set(unit.id, { unit, owner });
  });
  const cellOf = (p: { x: number; y: number }) => Math.min(grid.height - 1, p.y) * grid.width + Math.min(grid.width - 1, p.x);
  const storeCell = Int32Array.from(spec.stores, (s) => cellOf(s.at));
  const untrained = levers.volunteerTraining === 'untrained';
  const speedFactor = untrained ? UNTRAINED_SPEED_FACTOR : 1;
  const carriers: GovernanceState['carriers'] = [];
  for (const o of spec.organisations) {
    if (!CARRYING_KINDS.has(o.kind)) continue;
    const cell = o.at ? cellOf(o.at) : (storeCell[0] ?? 0);
    for (let k = 0; k < o.staff; k++) carriers.push({ org: o.id, cell, freeAtS: 0 });
  }
  return {
    spec,
    levers,
    orgs: spec.organisations,
    orgIndex,
    parent,
    community: orgIndex.get(spec.community) ?? 0,
    units,
    random: createRandom(seed, 'governance'),
    autonomous: new Set(levers.autonomousDecisions ?? AUTONOMOUS_DECISIONS[levers.autonomy]),
    speedFactor,
    workFactor: untrained ? UNTRAINED_WORK_FACTOR : 1,
    queue: [],
    seq: 0,
    trail: [],
    reports: [],
    decisions: [],
    support: [],
    atWork: [],
    storeStock: spec.stores.map((s) => suppliesVector(s.supplies)),
    storeCell,
    suppliesReleased: false,
    shelters: spec.shelters.map((s) => ({ place: grid.placeById.get(s.place)?.index ?? -1, stock: suppliesVector(s.supplies), need: null })),
    needs: [],
    carriers,
    suppliesNeeded: 0,
    suppliesDelivered: 0,
    shelterPersonS: 0,
    shelterUnmetPersonS: 0,
    overTime: [],
    nextHouseholdCheckS: Infinity,
    caredFor: new Uint8Array(0),
    injuredCaredFor: 0,
    careTaken: 0,
    rescueBooked: new Set(),
    repairing: new Set(),
    servicesRestored: 0,
    phase: 'monitoring',
    responseStartS: -1,
    recoveryStartS: -1,
    nextStepS: 0,
  };
}
