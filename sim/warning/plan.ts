import type { World } from '../core/World';
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
 * now. Only the first decision counts; later ones (more alerts, a second order) change nothing.
 * Returns whether this call started the plan.
 */
export function activateWarningPlan(world: World): boolean {
  const w = world.warning;
  if (w.planStartedS >= 0) return false;
  w.planStartedS = world.tick * world.tickS;
  const levers = w.levers;
  for (const step of levers.warningPlan) {
    const action: ScenarioAction = { kind: 'warn', channel: step.channel, content: step.content, zone: step.zone, target: step.target };
    scheduleAction(world, action, step.afterS);
    if (step.repeatEveryS) {
      // Repeats are scheduled for the run's length at once: few actions, and no state to carry.
      for (let t = step.afterS + step.repeatEveryS; t <= world.scenario.simulation.durationS; t += step.repeatEveryS) scheduleAction(world, action, t);
    }
  }
  for (const task of levers.volunteerPlan) scheduleAction(world, { kind: 'assignVolunteers', team: task.team, task: task.task, zone: task.zone }, task.afterS);
  const first = levers.warningPlan[0];
  if (levers.officialUpdatesEveryS && first) {
    for (let t = first.afterS + levers.officialUpdatesEveryS; t <= world.scenario.simulation.durationS; t += levers.officialUpdatesEveryS) {
      scheduleAction(world, { kind: 'officialUpdate', channel: first.channel }, t);
    }
  }
  return true;
}
