import { resourceUsage } from 'node:process';
import { parseArgs, UsageError } from '../cli/args';
import type { MeasureResult } from './measureRun';
import { type BenchRow, formatReport, machineInfo, summarizeRuns } from './report';
import { spawnMeasurement } from './spawnMeasurement';

/**
 * `npm run bench [-- --json] [--sizes 1000,10000] [--runs N] [--timeout-s S]`: ticks per second and memory
 * of the evacuation model at 1,000 to 1,000,000 residents. Progress goes to stderr; stdout holds only the
 * table, or with --json one object { machine, rows }.
 */
const DEFAULT_SIZES = [1_000, 10_000, 100_000, 1_000_000];
/** Everyone walks from tick 0; 20 warm-up ticks (5 s) let the kernel optimise and people leave their doors. */
const WARMUP_TICKS = 20;
/** 80 timed ticks (20 simulated s): long enough to time, short enough that most are still walking. */
const TIMED_TICKS = 80;
/** Small sizes are fast and noisy, so they get more runs; the median needs at least three. */
const runsFor = (agents: number) => (agents <= 10_000 ? 5 : 3);
/** Stop repeating a size once its runs have taken this long (1,000,000 residents may get fewer runs). */
const SIZE_BUDGET_MS = 90_000;

async function main(argv: readonly string[]): Promise<number> {
  const { flags } = parseArgs('npm run bench --', argv, { json: 'boolean', sizes: 'string', runs: 'string', 'timeout-s': 'string' });
  const sizes = flags.sizes === undefined ? DEFAULT_SIZES : String(flags.sizes).split(',').map(Number);
  if (sizes.some((n) => !Number.isInteger(n) || n < 1 || n > 2_000_000))
    throw new UsageError('--sizes takes whole numbers from 1 to 2000000, for example --sizes 1000,10000');
  const runs = flags.runs === undefined ? undefined : Number(flags.runs);
  if (runs !== undefined && !(Number.isInteger(runs) && runs >= 1)) throw new UsageError('--runs takes a whole number of at least 1');
  const timeoutMs = Number(flags['timeout-s'] ?? 180) * 1000;

  const rows: BenchRow[] = [];
  for (const agents of sizes) rows.push(await measureSize(agents, runs ?? runsFor(agents), timeoutMs));
  const machine = machineInfo();
  if (flags.json) {
    const peakRssMB = Math.round(resourceUsage().maxRSS / 1024);
    process.stdout.write(`${JSON.stringify({ machine, rows, peakRssMB }, null, 2)}\n`);
  } else {
    process.stdout.write(`${formatReport(machine, rows).join('\n')}\n`);
  }
  return rows.some((r) => r.error) ? 1 : 0;
}

async function measureSize(agents: number, runs: number, timeoutMs: number): Promise<BenchRow> {
  const results: MeasureResult[] = [];
  const started = performance.now();
  for (let run = 1; run <= runs; run++) {
    const outcome = await spawnMeasurement({ agents, warmupTicks: WARMUP_TICKS, timedTicks: TIMED_TICKS, seed: 1 }, timeoutMs);
    if (!outcome.ok) {
      process.stderr.write(`${agents} residents, run ${run}: ${outcome.error}\n`);
      return summarizeRuns(agents, results, outcome.error);
    }
    const r = outcome.result;
    results.push(r);
    process.stderr.write(
      `${agents} residents, run ${run}/${runs}: ${r.ticksPerS.toFixed(0)} ticks/s, setup ${(r.setupMs / 1000).toFixed(1)} s, ` +
        `walking ${(r.movingShareStart * 100).toFixed(0)}% → ${(r.movingShareEnd * 100).toFixed(0)}%\n`,
    );
    if (run >= 1 && performance.now() - started > SIZE_BUDGET_MS && run < runs) {
      process.stderr.write(`${agents} residents: stopping after ${run} runs (time budget)\n`);
      break;
    }
  }
  return summarizeRuns(agents, results);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = error instanceof UsageError ? 2 : 1;
  },
);
