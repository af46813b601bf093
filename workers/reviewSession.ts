import { createSimulation, type Scenario, type Simulation } from '../sim/index';
import { type ReplayEntry, replayCommands } from './replayCommands';

/** A run to review: a scenario, seed and strategy, and a drill record's commands (none for a headless run). */
export interface ReviewRun {
  scenario: Scenario;
  seed: number;
  strategy: string | null;
  /** In tick order, each at the tick at whose start it took effect. */
  entries: readonly ReplayEntry[];
  /** The last tick of the review: the record's end, or the headless run's length. */
  endTick: number;
}

/** A record command the simulation refused on replay: which one and why. */
export class ReplayFailure extends Error {
  constructor(
    readonly entry: number,
    reason: string,
  ) {
    super(reason);
  }
}

/** A run at some tick, with the index of the first record entry not yet applied to it. */
interface Positioned {
  sim: Simulation;
  next: number;
}

/** Checkpoints a review keeps at most: each is a whole run, about a megabyte for 3,000 residents. */
export const MAX_CHECKPOINTS = 8;
/** Checkpoints closer than this many ticks cost more to build than they save. */
const MIN_CHECKPOINT_TICKS = 100;

/**
 * Seeking in a deterministic replay. A run only goes forward, so the review keeps a cursor (the run on screen)
 * and runs parked at checkpoint ticks: seeking steps forward from the cursor or from the nearest checkpoint
 * before the target, never more than one checkpoint interval once they are built. A checkpoint used for a
 * seek becomes the cursor; `buildSome` builds missing ones again from the start, a slice at a time.
 * Every position is reached by replaying the record's commands at their ticks, so its hash equals a
 * straight replay to the same tick.
 */
export function createReviewSession(run: ReviewRun, checkpointEveryTicks = defaultCheckpointTicks(run.endTick)) {
  const { entries, endTick } = run;
  const checkpointTicks: number[] = [];
  for (let tick = checkpointEveryTicks; tick < endTick; tick += checkpointEveryTicks) checkpointTicks.push(tick);
  checkpointTicks.push(endTick);
  const parked = new Map<number, Positioned>();
  /** The run being built toward a missing checkpoint, a slice at a time. */
  let builder: (Positioned & { target: number }) | null = null;

  const fresh = (): Positioned => ({
    sim: createSimulation(run.scenario, { seed: run.seed, strategy: run.strategy ?? undefined, recordHeat: true }),
    next: 0,
  });

  /** Step `p` to `tick`, applying the record's commands up to that tick; throws ReplayFailure for a refused one. */
  function advance(p: Positioned, tick: number): void {
    let end = p.next;
    while (end < entries.length && entries[end].tick <= tick) end++;
    const result = replayCommands(p.sim, entries.slice(p.next, end), tick);
    if (!result.ok) throw new ReplayFailure(p.next + result.entry, result.error);
    p.next = end;
  }

  // The first pass runs the whole review once: it checks every command and gives the figures of the run.
  const survey = fresh();
  advance(survey, endTick);
  parked.set(endTick, survey);
  let cursor = fresh();
  advance(cursor, 0);

  const clamp = (tick: number) => Math.min(endTick, Math.max(0, Math.round(tick)));

  function park(p: Positioned): void {
    if (checkpointTicks.includes(p.sim.tick) && !parked.has(p.sim.tick)) parked.set(p.sim.tick, p);
  }

  return {
    endTick,
    checkpointEveryTicks,
    /** The run as it ended (the first pass): its metrics, events and alerts cover the whole review. */
    get final(): Simulation {
      // It stays at the end: as the cursor it can only be left for another run (and parked again).
      return survey.sim;
    },
    /** The run on screen. */
    get cursor(): Simulation {
      return cursor.sim;
    },
    /** Move the cursor to `tick` (clamped to the review) by the shortest replay available. */
    seek(target: number): Simulation {
      const tick = clamp(target);
      if (tick === cursor.sim.tick) return cursor.sim;
      let from = cursor.sim.tick <= tick ? cursor.sim.tick : -1;
      let checkpoint = -1;
      for (const at of parked.keys()) if (at <= tick && at > from) checkpoint = at;
      let next = cursor;
      if (checkpoint > from) {
        next = parked.get(checkpoint) as Positioned;
        parked.delete(checkpoint);
        from = checkpoint;
      } else if (from < 0) {
        next = fresh();
      }
      if (next !== cursor) park(cursor);
      cursor = next;
      advance(cursor, tick);
      return cursor.sim;
    },
    /** Move the cursor on by up to `ticks`, stopping at the end; returns the ticks moved. */
    forward(ticks: number): number {
      const tick = Math.min(endTick, cursor.sim.tick + ticks);
      const moved = tick - cursor.sim.tick;
      advance(cursor, tick);
      return moved;
    },
    /**
     * Build missing checkpoints, at most `budgetTicks` ticks of simulation; false once all are built.
     * Call it when idle, so seeks stay short.
     */
    buildSome(budgetTicks: number): boolean {
      let left = budgetTicks;
      while (left > 0) {
        // The cursor may have been parked at the target meanwhile.
        if (builder && parked.has(builder.target)) builder = null;
        if (!builder) {
          const target = checkpointTicks.find((tick) => !parked.has(tick) && tick !== cursor.sim.tick);
          if (target === undefined) return false;
          builder = { ...fresh(), target };
        }
        const step = Math.min(left, builder.target - builder.sim.tick);
        advance(builder, builder.sim.tick + step);
        left -= step;
        if (builder.sim.tick === builder.target) {
          parked.set(builder.target, builder);
          builder = null;
        }
      }
      return true;
    },
    /** Ticks that hold a parked run now (for tests and the status line). */
    checkpoints: (): number[] => [...parked.keys()].sort((a, b) => a - b),
  };
}

export type ReviewSession = ReturnType<typeof createReviewSession>;

/** About MAX_CHECKPOINTS checkpoints over the review, at least MIN_CHECKPOINT_TICKS apart. */
function defaultCheckpointTicks(endTick: number): number {
  return Math.max(MIN_CHECKPOINT_TICKS, Math.ceil(endTick / MAX_CHECKPOINTS));
}
