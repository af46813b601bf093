import type { World } from '../core/World';
import { authorisePending } from '../governance/authority';
import { startGovernedResponse } from '../governance/respond';
import type { ScenarioAction } from '../scenario/schema';

/** Schedule an action `afterS` seconds from now (rounded to the nearest tick, never earlier than the next). */
export function scheduleAction(world: World, action: ScenarioAction, afterS: number): void {
  const tick = world.tick + Math.max(1, Math.round(afterS / world.tickS));
  const queue = world.scheduled;
  let at = queue.length;
  while (at > 0 && queue[at - 1].tick > tick) at--;
  queue.splice(at, 0, { tick, action });
}

/**
 * The community decides to warn: the strategy's warning plan, volunteer tasks and update cadence start
 * now, or, when the scenario has organisations, each goes through the community's authority first (see
 * sim/governance). Only the first decision counts; later ones (more alerts, a second order) change
 * nothing. Returns whether this call started the plan.
 */
export function activateWarningPlan(world: World, orderedBy: string | null = null): boolean {
  const w = world.warning;
  if (w.planStartedS >= 0) {
    // An order from above settles the approvals the community is still waiting for.
    if (world.governance && orderedBy !== null) authorisePending(world, world.governance, orderedBy, ['orderEvacuation', 'mobiliseVolunteers']);
    return false;
  }
  w.planStartedS = world.tick * world.tickS;
  if (world.governance) {
    startGovernedResponse(world, world.governance, orderedBy);
    return true;
  }
  scheduleWarnings(world);
  startVolunteerPlan(world);
  scheduleUpdates(world);
  return true;
}

/** The warnings of the strategy's plan and their official updates, timed from now. */
export function startWarningPlan(world: World): void {
  scheduleWarnings(world);
  scheduleUpdates(world);
}

function scheduleWarnings(world: World): void {
  const levers = world.warning.levers;
  for (const step of levers.warningPlan) {
    const action: ScenarioAction = { kind: 'warn', channel: step.channel, content: step.content, zone: step.zone, target: step.target };
    scheduleAction(world, action, step.afterS);
    if (step.repeatEveryS) {
      // Repeats are scheduled for the run's length at once: few actions, and no state to carry.
      for (let t = step.afterS + step.repeatEveryS; t <= world.scenario.simulation.durationS; t += step.repeatEveryS) scheduleAction(world, action, t);
    }
  }
}

function scheduleUpdates(world: World): void {
  const levers = world.warning.levers;
  const first = levers.warningPlan[0];
  if (levers.officialUpdatesEveryS && first) {
    for (let t = first.afterS + levers.officialUpdatesEveryS; t <= world.scenario.simulation.durationS; t += levers.officialUpdatesEveryS) {
      scheduleAction(world, { kind: 'officialUpdate', channel: first.channel }, t);
    }
  }
}

/** The volunteer tasks of the strategy's plan, timed from now. */
export function startVolunteerPlan(world: World): void {
  for (const task of world.warning.levers.volunteerPlan)
    scheduleAction(world, { kind: 'assignVolunteers', team: task.team, task: task.task, zone: task.zone }, task.afterS);
}
