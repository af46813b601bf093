import type { World } from '../core/World';
import type { GovernanceState, TrailEntry } from './GovernanceState';

/** Run `run` at `dueS` (after everything already due no later). */
export function at(g: GovernanceState, dueS: number, run: () => void): void {
  const due = { dueS, seq: g.seq++, run };
  const q = g.queue;
  let lo = 0;
  let hi = q.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (q[mid].dueS <= dueS) lo = mid + 1;
    else hi = mid;
  }
  q.splice(lo, 0, due);
}

/** Run everything due by the end of this tick's first half, in time order. */
export function runDue(world: World, g: GovernanceState): void {
  const dueBy = (world.tick + 0.5) * world.tickS;
  while (g.queue.length && g.queue[0].dueS <= dueBy) (g.queue.shift() as GovernanceState['queue'][number]).run();
}

/** Add a line to the accountability trail and to the event feed. */
export function record(world: World, g: GovernanceState, entry: Omit<TrailEntry, 'timeS'>): void {
  const timeS = world.tick * world.tickS;
  g.trail.push({ timeS, ...entry });
  const who = nameOf(g, entry.author);
  const to = entry.to ? ` → ${nameOf(g, entry.to)}` : '';
  world.events.push({ tick: world.tick, timeS, kind: `gov:${entry.kind}`, title: `${who}${to}: ${entry.content}` });
}

/** Display name of an organisation id. */
export function nameOf(g: GovernanceState, id: string): string {
  const index = g.orgIndex.get(id);
  return index === undefined ? id : (g.orgs[index].name ?? id);
}
