import { approverAbove, chainFrom, routeBetween } from '../governance/reports';
import type { Grid } from '../space/Grid';
import { checkUnique, requirePlace } from './checkRefs';
import { checkPoint, requireId } from './checkWarning';
import type { ScenarioError } from './ScenarioError';
import type { Scenario } from './schema';
import { AUTONOMOUS_DECISIONS, type Decision, type Governance } from './schemaGovernance';

/**
 * Check the organisations: ids, the reporting chains (no unknown link, no loop), stores and shelters on
 * the map, and for every strategy that each decision it needs can be taken (by the community, or with an
 * approval some organisation up its chain gives) and each support unit it asks for can be reached.
 */
export function checkGovernance(scenario: Scenario, grid: Grid, errors: ScenarioError[]): void {
  const gov = scenario.governance;
  if (!gov) {
    scenario.strategies.forEach((s, i) => {
      const l = s.levers;
      const uses = [l.shelterPlan.length ? 'shelterPlan' : '', l.supportPlan.length ? 'supportPlan' : '', l.releaseSupplies ? 'releaseSupplies' : ''].filter(
        Boolean,
      );
      if (uses.length)
        errors.push({
          path: `strategies[${i}].levers.${uses[0]}`,
          message: `the strategy uses ${uses.join(', ')}, but the scenario has no organisations`,
          hint: 'add a "governance" section with the organisations, stores and shelters (see the scenario guide)',
        });
    });
    return;
  }
  const ids = gov.organisations.map((o) => o.id);
  checkUnique(ids, 'governance.organisations', 'organisation', errors);
  requireId(gov.community, ids, 'organisation', 'governance.community', errors);
  const index = new Map(ids.map((id, i) => [id, i]));
  gov.organisations.forEach((o, i) => {
    const path = `governance.organisations[${i}]`;
    if (o.reportsTo !== undefined) {
      if (o.reportsTo === o.id)
        errors.push({
          path: `${path}.reportsTo`,
          message: `"${o.id}" reports to itself`,
          hint: 'name the organisation above it, or leave reportsTo out at the top of the chain',
        });
      else requireId(o.reportsTo, ids, 'organisation', `${path}.reportsTo`, errors);
    }
    if (o.at) checkPoint(o.at, `${path}.at`, grid, errors);
  });
  const parent = Int32Array.from(gov.organisations, (o) => (o.reportsTo && o.reportsTo !== o.id ? (index.get(o.reportsTo) ?? -1) : -1));
  checkLoops(gov, parent, errors);
  checkUnique(
    gov.organisations.flatMap((o) => o.support.map((u) => u.id)),
    'governance.organisations[].support',
    'support unit',
    errors,
  );
  checkUnique(
    gov.stores.map((s) => s.id),
    'governance.stores',
    'store',
    errors,
  );
  gov.stores.forEach((s, i) => {
    checkPoint(s.at, `governance.stores[${i}].at`, grid, errors);
    requireId(s.owner, ids, 'organisation', `governance.stores[${i}].owner`, errors);
  });
  gov.shelters.forEach((s, i) => {
    requirePlace(grid, s.place, ['shelter'], `governance.shelters[${i}].place`, errors);
  });
  if (errors.length) return;
  const community = index.get(gov.community) ?? 0;
  scenario.strategies.forEach((s, i) => {
    checkStrategy(scenario, gov, parent, community, s, `strategies[${i}]`, grid, errors);
  });
}

function checkLoops(gov: Governance, parent: Int32Array, errors: ScenarioError[]): void {
  const reported = new Set<number>();
  for (let start = 0; start < parent.length; start++) {
    const path: number[] = [];
    const at = new Map<number, number>();
    for (let o = start; o >= 0; o = parent[o]) {
      const k = at.get(o);
      if (k !== undefined) {
        const loop = path.slice(k);
        if (!loop.some((x) => reported.has(x))) {
          for (const x of loop) reported.add(x);
          const names = [...loop, loop[0]].map((x) => gov.organisations[x].id).join(' → ');
          errors.push({
            path: `governance.organisations[${loop[0]}].reportsTo`,
            message: `the reporting chain goes round in a loop: ${names}`,
            hint: 'one organisation of the loop must be the top of its chain: leave its reportsTo out',
          });
        }
        break;
      }
      at.set(o, path.length);
      path.push(o);
    }
  }
}

/** The decisions a strategy will take and the support units it asks for, with where they are named. */
function checkStrategy(
  scenario: Scenario,
  gov: Governance,
  parent: Int32Array,
  community: number,
  strategy: Scenario['strategies'][number],
  path: string,
  grid: Grid,
  errors: ScenarioError[],
): void {
  const l = strategy.levers;
  const wanted: { decision: Decision; path: string }[] = [];
  if (l.warningPlan.length) wanted.push({ decision: 'orderEvacuation', path: `${path}.levers.warningPlan` });
  if (l.volunteerPlan.length) wanted.push({ decision: 'mobiliseVolunteers', path: `${path}.levers.volunteerPlan` });
  if (l.shelterPlan.length) wanted.push({ decision: 'openShelter', path: `${path}.levers.shelterPlan` });
  if (l.releaseSupplies) wanted.push({ decision: 'releaseSupplies', path: `${path}.levers.releaseSupplies` });
  if (l.supportPlan.length) wanted.push({ decision: 'requestSupport', path: `${path}.levers.supportPlan` });
  [...scenario.timeline.map((e, k) => ({ e, p: `timeline[${k}]` })), ...strategy.timeline.map((e, k) => ({ e, p: `${path}.timeline[${k}]` }))].forEach(
    ({ e, p }) => {
      if (e.kind === 'openShelter' || e.kind === 'releaseSupplies' || e.kind === 'requestSupport') {
        wanted.push({ decision: e.kind === 'openShelter' ? 'openShelter' : e.kind, path: p });
      }
    },
  );
  const autonomous = new Set<Decision>(l.autonomousDecisions ?? AUTONOMOUS_DECISIONS[l.autonomy]);
  const done = new Set<Decision>();
  for (const w of wanted) {
    if (autonomous.has(w.decision) || done.has(w.decision)) continue;
    done.add(w.decision);
    if (approverAbove(gov.organisations, parent, community, w.decision) >= 0) continue;
    const chain = chainOf(gov, parent, community);
    errors.push({
      path: w.path,
      message: `no organisation may take the decision "${w.decision}": under autonomy "${l.autonomy}" the community (${gov.community}) needs an approval, and nobody up its chain (${chain}) approves it`,
      hint: `add "${w.decision}" to "approves" of an organisation on that chain, or list it in levers.autonomousDecisions`,
    });
  }
  const unitIds = gov.organisations.flatMap((o) => o.support.map((u) => u.id));
  l.supportPlan.forEach((step, k) => {
    const p = `${path}.levers.supportPlan[${k}].unit`;
    if (!unitIds.includes(step.unit)) {
      requireId(step.unit, unitIds, 'support unit', p, errors);
      return;
    }
    const owner = gov.organisations.findIndex((o) => o.support.some((u) => u.id === step.unit));
    if (l.platform || routeBetween(parent, community, owner) !== null) return;
    errors.push({
      path: p,
      message: `the report chain from ${gov.community} to ${gov.organisations[owner].id} leads nowhere: ${chainOf(gov, parent, community)} ends without reaching it, and ${chainOf(gov, parent, owner)} does not join it`,
      hint: `set reportsTo of the top of one chain to an organisation on the other, or turn the shared data platform on (levers.platform)`,
    });
  });
  l.shelterPlan.forEach((step, k) => {
    requirePlace(grid, step.shelter, ['shelter'], `${path}.levers.shelterPlan[${k}].shelter`, errors);
  });
  if (l.releaseSupplies && gov.stores.length === 0) {
    errors.push({
      path: `${path}.levers.releaseSupplies`,
      message: 'the strategy releases stored supplies, but there are no stores',
      hint: 'add stores to governance.stores',
    });
  }
}

function chainOf(gov: Governance, parent: Int32Array, from: number): string {
  return chainFrom(parent, from)
    .map((o) => gov.organisations[o].id)
    .join(' → ');
}
