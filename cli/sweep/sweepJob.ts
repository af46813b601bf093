import { createSimulation, type Metrics, type Scenario } from '../../sim/index';

/** One run of a sweep: the scenario's strategy (null: the scenario's default) with one seed. */
export interface SweepJob {
  strategy: string | null;
  seed: number;
  /** Simulated seconds to run; undefined: the scenario's simulation.durationS, as `drill run` does. */
  untilS?: number;
}

/** Columns every row starts with; metric columns follow in the order the simulation lists its metrics. */
export const IDENTITY_COLUMNS = ['scenario', 'strategy', 'seed', 'ticks', 'simTimeS', 'stateHash'] as const;

/**
 * One run as one flat row, ready for a spreadsheet or a data frame: who ran, the final state hash, and
 * every numeric scalar metric (null when not reached, for example timeTo90PctSafeS).
 */
export interface SweepRow {
  scenario: string;
  strategy: string;
  seed: number;
  ticks: number;
  simTimeS: number;
  stateHash: string;
  [metric: string]: string | number | null;
}

/** Run one job to its end, exactly as `drill run` does (same tick count, no early stop), and flatten it. */
export function runSweepJob(scenario: Scenario, job: SweepJob): SweepRow {
  const sim = createSimulation(scenario, { seed: job.seed, strategy: job.strategy ?? undefined });
  sim.step(Math.round((job.untilS ?? scenario.simulation.durationS) / sim.tickS));
  return {
    scenario: scenario.id,
    strategy: sim.strategy ?? '',
    seed: sim.seed,
    ticks: sim.tick,
    simTimeS: sim.timeS,
    stateHash: sim.hash(),
    ...scalarMetrics(sim.metrics()),
  };
}

/**
 * The numeric scalar metrics of a run, in the simulation's order, so metrics added to the simulation
 * become columns without a change here. Lists and records (time series, figures by place, team or hazard)
 * are left out. Adds vulnerableSafeShare (vulnerableSafe / vulnerable; null without vulnerable residents).
 */
export function scalarMetrics(metrics: Metrics): Record<string, number | null> {
  const scalars: Record<string, number | null> = {};
  for (const [name, value] of Object.entries(metrics)) {
    if ((IDENTITY_COLUMNS as readonly string[]).includes(name)) continue;
    // Nullable metrics are numbers not reached yet; a non-finite number would not survive JSON either.
    if (value === null) scalars[name] = null;
    else if (typeof value === 'number') scalars[name] = Number.isFinite(value) ? value : null;
  }
  const { vulnerable, vulnerableSafe } = scalars;
  if (typeof vulnerable === 'number' && typeof vulnerableSafe === 'number') {
    scalars.vulnerableSafeShare = vulnerable > 0 ? vulnerableSafe / vulnerable : null;
  }
  return scalars;
}
