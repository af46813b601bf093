import type { World } from '../core/World';
import type { Decision } from '../scenario/schemaGovernance';
import { startVolunteerPlan, startWarningPlan } from '../warning/plan';
import { requestDecision } from './authority';
import type { GovernanceState } from './GovernanceState';
import { at, record } from './queue';
import { chainFrom } from './reports';
import { requestUnit } from './support';

/**
 * The community decides to act (the duty desk's decision, or a facilitator's `activatePlan`): each part
 * of the strategy's plan becomes a decision that goes through the community's authority — the warning
 * plan, the volunteer plan, each shelter of the shelter plan, the release of supplies and each unit of
 * the support plan — and the situation is reported up the chain. When an organisation above orders it
 * (`orderedBy`), its order stands for the approvals of the warning and volunteer plans.
 */
export function startGovernedResponse(world: World, g: GovernanceState, orderedBy: string | null = null): void {
  const levers = g.levers;
  const nowS = world.tick * world.tickS;
  markResponse(world, g);
  const chain = chainFrom(g.parent, g.community);
  const top = chain[chain.length - 1];
  if (top !== g.community)
    record(world, g, {
      kind: 'report',
      author: g.orgs[g.community].id,
      to: g.orgs[top].id,
      content: 'situation report: a hazard is confirmed and the community acts',
    });
  if (levers.warningPlan.length) requestDecision(world, g, 'orderEvacuation', null, () => startWarningPlan(world), orderedBy);
  if (levers.volunteerPlan.length) requestDecision(world, g, 'mobiliseVolunteers', null, () => startVolunteerPlan(world), orderedBy);
  for (const step of levers.shelterPlan) later(world, g, nowS + step.afterS, 'openShelter', step.shelter);
  if (levers.releaseSupplies) requestDecision(world, g, 'releaseSupplies', null, () => releaseSupplies(world, g));
  for (const step of levers.supportPlan) later(world, g, nowS + step.afterS, 'requestSupport', step.unit);
}

function later(world: World, g: GovernanceState, atS: number, decision: Decision, subject: string): void {
  const go = () => governedAction(world, g, decision, subject);
  if (atS <= world.tick * world.tickS) go();
  else at(g, atS, go);
}

/** A decision given by the timeline or a trainee's command: it goes through the community's authority. */
export function governedAction(world: World, g: GovernanceState, decision: Decision, subject: string | null): void {
  markResponse(world, g);
  switch (decision) {
    case 'openShelter':
      requestDecision(world, g, decision, subject, () => openShelter(world, subject ?? ''));
      return;
    case 'releaseSupplies':
      requestDecision(world, g, decision, null, () => releaseSupplies(world, g));
      return;
    case 'requestSupport':
      requestDecision(world, g, decision, subject, () => requestUnit(world, g, subject ?? ''));
      return;
    case 'orderEvacuation':
      requestDecision(world, g, decision, null, () => startWarningPlan(world));
      return;
    case 'mobiliseVolunteers':
      requestDecision(world, g, decision, null, () => startVolunteerPlan(world));
  }
}

/** Open a shelter (a closed one opens; people may go in). */
export function openShelter(world: World, shelter: string): void {
  const place = world.grid.placeById.get(shelter);
  if (!place) return;
  if (world.placeClosed[place.index]) {
    world.placeClosed[place.index] = 0;
    world.geometryDirty = true;
  }
  world.events.push({ tick: world.tick, timeS: world.tick * world.tickS, kind: 'openShelter', title: `Shelter open: ${place.place.name ?? place.id}` });
}

function releaseSupplies(world: World, g: GovernanceState): void {
  g.suppliesReleased = true;
  world.events.push({
    tick: world.tick,
    timeS: world.tick * world.tickS,
    kind: 'releaseSupplies',
    title: 'Stored supplies released: staff carry them to shelters and households',
  });
}

/** The response starts at the first decision to act; households' needs are counted from then on. */
export function markResponse(world: World, g: GovernanceState): void {
  if (g.phase !== 'monitoring') return;
  const nowS = world.tick * world.tickS;
  g.phase = 'response';
  g.responseStartS = nowS;
  g.nextHouseholdCheckS = nowS + g.spec.needs.householdFirstAfterS;
  record(world, g, { kind: 'phase', author: g.orgs[g.community].id, content: 'response phase begins' });
}
