import { availableParallelism } from 'node:os';
import { runSweep } from '../cli/sweep/runSweep';

/** One sweep configuration: how many runs a pool of `workers` threads finishes per minute. */
export interface SweepFigure {
  scenario: string;
  workers: number;
  runs: number;
  wallS: number;
  runsPerMin: number;
}

export interface SweepFigures {
  rows: SweepFigure[];
  /** Runs per minute with two workers over one, minus one: 0.8 means the second worker adds 80%. */
  secondWorkerGain: number | null;
  cores: number;
}

/**
 * Runs per minute of `drill compare`'s worker pool with 1 and 2 workers on the same sweep: the default
 * community's four strategies × 30 seeds (a Monte Carlo comparison with confidence intervals worth quoting),
 * each its whole 45 simulated minutes: 120 runs of about 0.3 s each. Each pool bundles its worker and starts
 * its own workers (about 0.8 s to a worker's first result, a second when two start together), so both pay the
 * same start-up; the runs are the same, so the ratio is the pool's scaling. Short sweeps scale less: besides
 * the start-up, V8 keeps optimising code on a background thread over a worker's first dozens of runs (50 to
 * 80 ms of compiling per 0.3 s run, `node --trace-opt`), which one worker does on the idle core and two
 * workers must share; at 40 runs the second worker adds about 65%, at 120 runs over 80%.
 */
export const SWEEP_SEEDS = 30;

export async function measureSweeps(scenarioPath = 'scenarios/old-compound.json', seeds = SWEEP_SEEDS, untilS?: number): Promise<SweepFigures> {
  const rows: SweepFigure[] = [];
  for (const workers of [1, 2]) {
    const result = await runSweep({ scenarioPath, seeds: Array.from({ length: seeds }, (_, k) => k + 1), workers, untilS });
    const runs = result.rows.length;
    rows.push({ scenario: result.scenario, workers, runs, wallS: round(result.wallS), runsPerMin: round((runs / result.wallS) * 60) });
    process.stderr.write(`sweep, ${workers} worker${workers === 1 ? '' : 's'}: ${runs} runs in ${result.wallS.toFixed(1)} s\n`);
  }
  const [one, two] = rows;
  return { rows, secondWorkerGain: one.runsPerMin > 0 ? round(two.runsPerMin / one.runsPerMin - 1) : null, cores: availableParallelism() };
}

/** The sweep figures as lines of the bench's text report. */
export function formatSweeps(s: SweepFigures): string[] {
  const lines = ['', `Sweeps (drill compare's worker pool, ${s.rows[0]?.scenario ?? ''}, ${s.rows[0]?.runs ?? 0} runs; ${s.cores} cores)`];
  for (const r of s.rows) lines.push(`  ${r.workers} worker${r.workers === 1 ? ' ' : 's'}  ${r.runsPerMin.toFixed(1).padStart(7)} runs/min  (${r.wallS} s)`);
  if (s.secondWorkerGain !== null) lines.push(`  the second worker adds ${(s.secondWorkerGain * 100).toFixed(0)}% (target: at least 80%)`);
  return lines;
}

function round(v: number): number {
  return Math.round(v * 100) / 100;
}
