import { createSimulation, type InjectView, type Metrics, type Scenario, type SimEvent, type TrailEntry } from '../../sim/index';
import { metricValue } from '../../sim/review/objectives';
import type { ObjectiveMetric } from '../../sim/scenario/schemaObjectives';
import { type ReplayEntry, replayCommands } from '../../workers/replayCommands';

/** One run the report needs: a strategy with a seed, and a drill's commands (none for a strategy's own run). */
export interface RunSpec {
  scenario: Scenario;
  seed: number;
  strategy: string | null;
  entries: readonly ReplayEntry[];
  untilTick: number;
  /** Ticks at which to keep the metrics (the times objectives are judged at). */
  atTicks: readonly number[];
}

export interface RunOutcome {
  strategy: string | null;
  seed: number;
  ticks: number;
  timeS: number;
  tickS: number;
  stateHash: string;
  metrics: Metrics;
  /** Metrics at the ticks asked for, by tick. */
  at: Map<number, { timeS: number; metrics: Metrics }>;
  events: SimEvent[];
  injects: InjectView[];
  trail: TrailEntry[];
}

/** A drill command the simulation refused on replay: the record does not fit the scenario. */
export class ReportRunError extends Error {
  override name = 'ReportRunError';
  constructor(
    readonly entry: number,
    reason: string,
  ) {
    super(reason);
  }
}

/**
 * Run a strategy to `untilTick`, applying the drill's commands at their ticks exactly as the live drill did
 * (so the run passes through the drill's states and hashes), and keep the metrics at `atTicks`.
 * @throws ReportRunError for a command the run refuses.
 */
export function runOutcome(spec: RunSpec): RunOutcome {
  const sim = createSimulation(spec.scenario, { seed: spec.seed, strategy: spec.strategy ?? undefined });
  const at = new Map<number, { timeS: number; metrics: Metrics }>();
  const stops = [...new Set(spec.atTicks.filter((t) => t >= 0 && t <= spec.untilTick)), spec.untilTick].sort((a, b) => a - b);
  let next = 0;
  for (const stop of stops) {
    const last = stop === spec.untilTick;
    let end = next;
    // A command takes effect in the step after its tick, so a reading at its tick comes before it; at the
    // end the last commands are applied as `drill replay` applies them, so the hashes agree.
    while (end < spec.entries.length && (spec.entries[end].tick < stop || (last && spec.entries[end].tick === stop))) end++;
    const result = replayCommands(sim, spec.entries.slice(next, end), stop);
    if (!result.ok) throw new ReportRunError(next + result.entry, result.error);
    next = end;
    at.set(stop, { timeS: sim.timeS, metrics: sim.metrics() });
  }
  if (next < spec.entries.length) {
    throw new ReportRunError(next, `its tick ${spec.entries[next].tick} is after the end of the run, tick ${spec.untilTick}`);
  }
  const final = at.get(spec.untilTick) as { timeS: number; metrics: Metrics };
  return {
    strategy: sim.strategy,
    seed: sim.seed,
    ticks: sim.tick,
    timeS: sim.timeS,
    tickS: sim.tickS,
    stateHash: sim.hash(),
    metrics: final.metrics,
    at,
    events: [...sim.events()],
    injects: sim.injects(),
    trail: [...sim.trail()],
  };
}

/** A figure of a run at the end, or at `byS` when that was one of the run's reading times (else null). */
export function valueAt(outcome: RunOutcome, metric: ObjectiveMetric, byS: number | null): number | null {
  if (byS === null) return metricValue(outcome.metrics, metric);
  const reading = outcome.at.get(Math.round(byS / outcome.tickS));
  return reading ? metricValue(reading.metrics, metric) : null;
}
