import type { World } from '../core/World';
import type { Decision } from '../scenario/schemaGovernance';
import type { DecisionRecord, GovernanceState } from './GovernanceState';
import { at, record } from './queue';
import { approverAbove, sendReport } from './reports';

const DECISION_WORDS: Record<Decision, string> = {
  orderEvacuation: 'order the evacuation (start the warning plan)',
  mobiliseVolunteers: 'mobilise the volunteers',
  openShelter: 'open a shelter',
  releaseSupplies: 'release stored supplies',
  requestSupport: 'request outside support',
};

/**
 * The organisation that approves `decision` for the community: the first one up the community's
 * reporting chain that `approves` it; -1 when none does (the scenario check reports that).
 */
export function approverOf(g: GovernanceState, decision: Decision): number {
  return approverAbove(g.orgs, g.parent, g.community, decision);
}

/** Whether the community may take `decision` now without asking, or it waits for an approval under way. */
export function decisionStatus(g: GovernanceState, decision: Decision, subject: string | null): 'autonomous' | 'pending' | 'needsApproval' {
  if (g.autonomous.has(decision)) return 'autonomous';
  const open = g.decisions.some((d) => d.decision === decision && d.subject === subject && d.authorisedS < 0);
  return open ? 'pending' : 'needsApproval';
}

/**
 * The community wants to take `decision` (about `subject`). On its own authority it acts after its
 * response delay; otherwise it asks the approver up its chain (a report there and back, the approver's
 * delay, perhaps a refusal and a new request) and acts once the approval arrives. `act` carries it out.
 * A request already under way for the same decision and subject is not repeated. An order from an
 * organisation above (`orderedBy`) is its own approval.
 */
export function requestDecision(
  world: World,
  g: GovernanceState,
  decision: Decision,
  subject: string | null,
  act: () => void,
  orderedBy: string | null = null,
): DecisionRecord {
  const existing = g.decisions.find((d) => d.decision === decision && d.subject === subject && d.effectiveS < 0);
  if (existing) return existing;
  const nowS = world.tick * world.tickS;
  const community = g.orgs[g.community];
  const what = `${DECISION_WORDS[decision]}${subject ? ` (${subject})` : ''}`;
  let carried = false;
  const carryOut = () => {
    if (carried) return;
    carried = true;
    at(g, world.tick * world.tickS + community.responseDelayS, () => {
      d.effectiveS = world.tick * world.tickS;
      record(world, g, { kind: 'action', author: community.id, content: what });
      act();
    });
  };
  const d: DecisionRecord = { decision, subject, requestedS: nowS, authorisedS: -1, effectiveS: -1, approver: null, refusals: 0, carryOut };
  g.decisions.push(d);
  if (orderedBy !== null && g.orgIndex.has(orderedBy)) {
    d.authorisedS = nowS;
    d.approver = orderedBy;
    record(world, g, { kind: 'decision', author: orderedBy, to: community.id, content: `orders the community to ${what}` });
    carryOut();
    return d;
  }
  if (g.autonomous.has(decision)) {
    d.authorisedS = nowS;
    record(world, g, { kind: 'decision', author: community.id, content: `decides to ${what} on its own authority` });
    carryOut();
    return d;
  }
  const approver = approverOf(g, decision);
  if (approver < 0) {
    record(world, g, { kind: 'request', author: community.id, content: `wants to ${what}, but no organisation may approve it` });
    return d;
  }
  d.approver = g.orgs[approver].id;
  const ask = () => {
    sendReport(world, g, g.community, approver, `requests approval to ${what}`, (request) => {
      // A garbled request costs a round of questions before the approver can consider it.
      const considerS = g.orgs[approver].approvalDelayS + (request.wrong ? g.spec.reporting.wrongReportDelayS : 0);
      at(g, world.tick * world.tickS + considerS, () => {
        const refused = g.random.next() < g.orgs[approver].refusalProbability;
        const answer = refused ? `refuses: ${what}` : `approves: ${what}`;
        record(world, g, { kind: refused ? 'refusal' : 'approval', author: g.orgs[approver].id, to: community.id, content: answer });
        sendReport(world, g, approver, g.community, answer, () => {
          // An order from above may have settled it meanwhile.
          if (d.authorisedS >= 0) return;
          if (refused) {
            d.refusals++;
            at(g, world.tick * world.tickS + community.responseDelayS, ask);
            return;
          }
          d.authorisedS = world.tick * world.tickS;
          carryOut();
        });
      });
    });
  };
  ask();
  return d;
}

/**
 * An organisation above orders what the community is still waiting to have approved: its order is the
 * approval, and the community acts on it now.
 */
export function authorisePending(world: World, g: GovernanceState, orderedBy: string, decisions: readonly Decision[]): void {
  for (const d of g.decisions) {
    if (d.authorisedS >= 0 || !decisions.includes(d.decision)) continue;
    d.authorisedS = world.tick * world.tickS;
    d.approver = orderedBy;
    record(world, g, { kind: 'decision', author: orderedBy, to: g.orgs[g.community].id, content: `orders the community to ${DECISION_WORDS[d.decision]}` });
    d.carryOut();
  }
}
