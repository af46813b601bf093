import { type SweepRow, scalarMetrics } from '../cli/sweep/sweepJob';
import { CommandError, createSimulation, type Metrics, type Scenario } from '../sim/index';
import type { ReplayEntry } from './replayCommands';

/**
 * One headless run of a comparison: a strategy (null: the scenario's default) with a seed, and commands to
 * give at their ticks (a drill record's, or a branch's), run to `endTick`.
 */
export interface CompareJob {
  /** Which variant of the comparison the run belongs to (a strategy, the drill, a branch). */
  variant: string;
  strategy: string | null;
  seed: number;
  endTick: number;
  /** In tick order, each given at the start of its tick, as a drill record replays. */
  entries: readonly ReplayEntry[];
  /** Send back the metrics at the end with their time series, for charts. */
  withMetrics?: boolean;
}

/** A command the run refused (or that fell after the end): its index in the job's entries and why. */
export interface RefusedEntry {
  entry: number;
  reason: string;
}

/** A comparison row: a `drill compare` row (the same columns) with its variant and the commands left out. */
export interface CompareRow extends SweepRow {
  variant: string;
  refusedCommands: number;
}

export interface CompareResult {
  row: CompareRow;
  refused: RefusedEntry[];
  metrics?: Metrics;
}

/**
 * Run a job to its end. Commands are given as the live drill gave them: the run steps to the command's tick
 * and applies it before that tick's step. A command the run refuses (it may, with another seed: an inject
 * already fired, a request nobody waits for) is left out and listed, so one seed's refusal does not end a
 * sweep; a branch checks the list for its own commands. Without commands the row equals `drill compare`'s.
 */
export function runCompareJob(scenario: Scenario, job: CompareJob): CompareResult {
  const problem = compareJobProblem(scenario, job);
  if (problem) throw new RangeError(problem);
  const sim = createSimulation(scenario, { seed: job.seed, strategy: job.strategy ?? undefined });
  const refused: RefusedEntry[] = [];
  job.entries.forEach(({ tick, command }, entry) => {
    if (tick > job.endTick) {
      refused.push({ entry, reason: `its tick ${tick} is after the end of the run at tick ${job.endTick}` });
      return;
    }
    sim.step(tick - sim.tick);
    try {
      sim.apply([command]);
    } catch (error) {
      if (!(error instanceof CommandError)) throw error;
      refused.push({ entry, reason: error.message });
    }
  });
  sim.step(job.endTick - sim.tick);
  const metrics = sim.metrics();
  const row: CompareRow = {
    scenario: scenario.id,
    strategy: sim.strategy ?? '',
    seed: sim.seed,
    ticks: sim.tick,
    simTimeS: sim.timeS,
    stateHash: sim.hash(),
    ...scalarMetrics(metrics),
    variant: job.variant,
    refusedCommands: refused.length,
  };
  return { row, refused, ...(job.withMetrics ? { metrics } : {}) };
}

/** Most ticks a comparison run may last (as a review). */
export const MAX_COMPARE_TICKS = 2_000_000;

/** Why a job cannot run with a scenario, naming the field and the fix, or null when it can. */
export function compareJobProblem(scenario: Scenario, job: CompareJob): string | null {
  if (job.strategy !== null && !scenario.strategies.some((s) => s.id === job.strategy)) {
    return `strategy: scenario "${scenario.id}" has no strategy "${job.strategy}"; choose one of: ${scenario.strategies.map((s) => s.id).join(', ')}`;
  }
  if (!Number.isInteger(job.seed) || job.seed < -(2 ** 31) || job.seed > 2 ** 32 - 1)
    return `seed: ${job.seed} is not a whole number from -2147483648 to 4294967295`;
  if (!Number.isInteger(job.endTick) || job.endTick < 0 || job.endTick > MAX_COMPARE_TICKS) {
    return `endTick: the run must end at a whole tick from 0 to ${MAX_COMPARE_TICKS}, not ${job.endTick}`;
  }
  for (let i = 1; i < job.entries.length; i++) {
    if (job.entries[i].tick < job.entries[i - 1].tick) return `entries[${i}]: commands must be in tick order; sort them by tick`;
  }
  if (job.entries.some((e) => !Number.isInteger(e.tick) || e.tick < 0)) return 'entries: every command needs a whole tick of at least 0';
  return null;
}
