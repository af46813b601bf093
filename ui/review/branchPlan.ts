import type { Command } from '../../sim/index';
import type { CompareJob } from '../../workers/compareJob';
import type { ReplayEntry } from '../../workers/replayCommands';
import type { ReviewedRun } from './compareVariants';

/** A branch of a replay: from `tick`, the given commands on top of what the run did up to then. */
export interface BranchPlan {
  tick: number;
  commands: readonly Command[];
  /** Keep the record's commands after `tick` as well (else the branch's future has none of them). */
  keepLater: boolean;
}

/**
 * The branch's commands: the record's up to and including `tick` (those the replay at `tick` has applied),
 * the new ones at `tick`, and with `keepLater` the record's after it. With no new command and nothing later,
 * the branch is the original run, so both end in the same state.
 */
export function branchEntries(entries: readonly ReplayEntry[], plan: BranchPlan): ReplayEntry[] {
  const upTo = entries.filter((e) => e.tick <= plan.tick);
  const added = plan.commands.map((command) => ({ tick: plan.tick, command }));
  const later = plan.keepLater ? entries.filter((e) => e.tick > plan.tick) : [];
  return [...upTo, ...added, ...later];
}

/** Record commands after `tick`: what a branch there leaves out unless it keeps them. */
export function laterEntries(entries: readonly ReplayEntry[], tick: number): number {
  return entries.filter((e) => e.tick > tick).length;
}

/** Indices, in the branch's entries, of the commands the branch adds. */
export function addedRange(entries: readonly ReplayEntry[], plan: BranchPlan): { from: number; to: number } {
  const from = entries.filter((e) => e.tick <= plan.tick).length;
  return { from, to: from + plan.commands.length };
}

/** The two futures: the original run to its end, and the branch to the same end. */
export function branchJobs(run: ReviewedRun, plan: BranchPlan): [CompareJob, CompareJob] {
  if (!Number.isInteger(plan.tick) || plan.tick < 0 || plan.tick > run.endTick) {
    throw new RangeError(`a branch starts at a whole tick from 0 to ${run.endTick}, not ${plan.tick}`);
  }
  const base = { strategy: run.strategy, seed: run.seed, endTick: run.endTick, withMetrics: true };
  return [
    { ...base, variant: 'original', entries: run.entries },
    { ...base, variant: 'branch', entries: branchEntries(run.entries, plan) },
  ];
}
