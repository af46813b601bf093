import type { CompareJob } from '../../workers/compareJob';
import type { ReplayEntry } from '../../workers/replayCommands';

/** A way the reviewed scenario can run: the trainees' decisions (the drill record), or a strategy alone. */
export interface CompareVariant {
  /** 'drill', or 'strategy:<id>' ('strategy:' for a scenario without strategies). */
  id: string;
  kind: 'drill' | 'strategy';
  strategy: string | null;
  /** Commands at their ticks: the record's for the drill, none for a strategy. */
  entries: readonly ReplayEntry[];
  /** Strategy name from the scenario (untrusted text, shown as text), or null for the drill. */
  name: string | null;
  /** This variant is the run under review. */
  reviewed: boolean;
}

/** What the review replays: a strategy and seed, with a drill record's commands or none. */
export interface ReviewedRun {
  strategy: string | null;
  seed: number;
  entries: readonly ReplayEntry[];
  endTick: number;
}

/**
 * The variants to compare: the drill (when the run under review has commands: the trainees' decisions on
 * top of its strategy), then every strategy of the scenario on its own. A run without commands is the
 * strategy it ran, marked as reviewed; with no strategies the scenario runs as it is.
 */
export function variantsOf(run: ReviewedRun, strategies: readonly { id: string; name?: string }[], defaultStrategy: string | null): CompareVariant[] {
  const variants: CompareVariant[] = [];
  const reviewedStrategy = run.strategy ?? defaultStrategy;
  const isDrill = run.entries.length > 0;
  if (isDrill) variants.push({ id: 'drill', kind: 'drill', strategy: run.strategy, entries: run.entries, name: null, reviewed: true });
  for (const s of strategies) {
    variants.push({
      id: `strategy:${s.id}`,
      kind: 'strategy',
      strategy: s.id,
      entries: [],
      name: s.name ?? s.id,
      reviewed: !isDrill && s.id === reviewedStrategy,
    });
  }
  if (!strategies.length) variants.push({ id: 'strategy:', kind: 'strategy', strategy: null, entries: [], name: null, reviewed: !isDrill });
  return variants;
}

/** One run per variant with the reviewed run's seed and length, with metrics for the charts. */
export function sameSeedJobs(run: ReviewedRun, variants: readonly CompareVariant[]): CompareJob[] {
  return variants.map((v) => ({ variant: v.id, strategy: v.strategy, seed: run.seed, endTick: run.endTick, entries: v.entries, withMetrics: true }));
}

/** Most seeds per variant the page runs. */
export const MAX_SEEDS = 1000;

/** Seeds 1 to `count` for every variant, variant by variant (the seeds of `drill compare --seeds N`). */
export function manySeedJobs(run: ReviewedRun, variants: readonly CompareVariant[], count: number): CompareJob[] {
  if (!Number.isInteger(count) || count < 1 || count > MAX_SEEDS)
    throw new RangeError(`seeds per strategy must be a whole number from 1 to ${MAX_SEEDS}, not ${count}`);
  const jobs: CompareJob[] = [];
  for (const v of variants) {
    for (let seed = 1; seed <= count; seed++) jobs.push({ variant: v.id, strategy: v.strategy, seed, endTick: run.endTick, entries: v.entries });
  }
  return jobs;
}
