import { resourceUsage } from 'node:process';
import { parseArgs, UsageError } from '../cli/args';
import { BROWSER_SIZES, type BrowserRow, formatBrowser, measureBrowser } from './browserFps';
import { HAZARD_MODELS } from './hazardCommunity';
import { formatLongRun, LONG_RUN, type LongRunResult } from './longRun';
import { BENCH_MODELS, type BenchModel, isHazardModel, isWarnedModel, type MeasureRequest, type MeasureResult } from './measureRun';
import { PEER_MODELS } from './peers/peerModels';
import { type BenchRow, compareWithEvacuation, formatReport, machineInfo, summarizeRuns } from './report';
import { spawnLongRun, spawnMeasurement } from './spawnMeasurement';
import { formatSweeps, measureSweeps } from './sweeps';

/**
 * `npm run bench [-- --json] [--models evacuation,warning,hazards] [--sizes 1000,10000] [--runs N] [--timeout-s S]`:
 * ticks per second and memory of
 * - "evacuation", everyone ordered out and walking, at 1,000 to 1,000,000 residents;
 * - its peers on the same work at 10,000 and 100,000: "baseline-objects", the same model written the usual
 *   way (an object per resident in an array, a Map from cell to head count), and "agentscript", the same
 *   model in the agentscript framework from npm (turtles on patches, stepped headless with model.step());
 *   their rows carry `vsEvacuation`, our evacuation's ticks/s as a multiple of theirs at the same size in
 *   the same run (see peers/; their bytes/agent is the heap's growth, ours the state's typed arrays);
 * - "warning", warnings and behaviour, at 10,000 and 100,000;
 * - "whole", the warning model with a spreading fire, a patrol and organisations (see wholeCommunity.ts), at 100,000 (and
 *   1,000,000 on request: --models whole --sizes 1000000 --timeout-s 600);
 * - each hazard engine (fire, gas, flood, and all three) on a 512 × 512 map with 10,000 residents;
 * - "sweep": runs per minute of drill compare's worker pool with 1 and 2 workers (sweeps.ts);
 * - "longrun": the whole model at 10,000 residents for two simulated hours, its memory at 0, 1 and 2 h
 *   (longRun.ts);
 * - "browser": the drill app in headless Chromium, frames per second at 20,000 and 100,000 residents
 *   (browserFps.ts), as rows with model "browser".
 * --sizes sets the sizes of every model it runs (the browser's too); "hazards" in --models stands for the four
 * hazard models and "peers" for the two peers. Progress goes to stderr; stdout holds only the tables, or with
 * --json one object { machine, rows, sweeps, longRun, peakRssMB }. Rows give wall time (ticksPerS, msPerTick:
 * the targets) and CPU time per tick (cpuMsPerTick), which stays meaningful when other work shares the
 * cores, and the state memory per resident in all (bytesPerAgent) and by part (bytesPerAgentByPart).
 */
const DEFAULT_SIZES: Record<BenchModel, number[]> = {
  evacuation: [1_000, 10_000, 100_000, 1_000_000],
  // Not 1,000,000 by default: its one run takes about 2.5 minutes on a shared 2-core machine (90 s of
  // warm-up to the warning phase, then about 280 ms a tick), which would double the whole bench. Time it
  // on its own with --models warning --sizes 1000000 --timeout-s 400.
  warning: [10_000, 100_000],
  'baseline-objects': [10_000, 100_000],
  agentscript: [10_000, 100_000],
  // Not 1,000,000 by default either, for the same reason: --models whole --sizes 1000000 --timeout-s 600.
  whole: [100_000],
  // The map (512 × 512 cells) is the size that matters here; a modest population walks out meanwhile.
  'hazard-fire': [10_000],
  'hazard-gas': [10_000],
  'hazard-flood': [10_000],
  'hazard-combined': [10_000],
};

/**
 * Warm-up and timed ticks (of 0.25 s). Evacuation: everyone walks from tick 0; 20 warm-up ticks (5 s) let
 * the kernel optimise and people leave their doors, and 80 timed ticks (20 s) keep most still walking.
 * Warning: the warm-up runs to the first official warning (about 75 s: the sensor next to the hazard
 * trips, the desk takes 60 s to decide) and 90 s beyond, when the first households are on their way;
 * the 60 timed seconds then hold the warnings spreading (informed about 65% → 80%) and walking rising
 * to about half of all residents. Whole: the same, its first warning later (about 210 s: the desk decides at
 * about 70 s, then the street office's approval comes back), with the fire still spreading and routes
 * repaired around it every 5 s.
 * Peers: the evacuation's ticks, so they time the same phase of the same walk.
 * Hazards (ticks of 0.5 s): the warm-up runs until the hazard covers a sizeable area (about 12% of the map
 * for the fire with its smoke at 300 s, 12% for the gas at 150 s, before its plume reaches the map's edge,
 * 13% for the flood at 300 s, 34% for all three at 300 s); everyone is ordered out as timing starts, and the
 * 60 timed seconds hold the hazard still spreading, routes rebuilt around it every 5 s and most residents
 * walking. The whole bench takes about 3 minutes on 2 cores, a third of it the combined model's warm-up.
 */
const TICKS: Record<BenchModel, { warmupTicks: number; timedTicks: number }> = {
  evacuation: { warmupTicks: 20, timedTicks: 80 },
  'baseline-objects': { warmupTicks: 20, timedTicks: 80 },
  agentscript: { warmupTicks: 20, timedTicks: 80 },
  warning: { warmupTicks: 360, timedTicks: 240 },
  whole: { warmupTicks: 360, timedTicks: 240 },
  'hazard-fire': { warmupTicks: 600, timedTicks: 120 },
  'hazard-gas': { warmupTicks: 300, timedTicks: 120 },
  'hazard-flood': { warmupTicks: 600, timedTicks: 120 },
  'hazard-combined': { warmupTicks: 600, timedTicks: 120 },
};
/**
 * Small sizes are fast and noisy, so they get more runs; the median needs at least three. One run at
 * 1,000,000 of the warned models. Hazard runs spend most of their time warming up: three each. agentscript
 * at 100,000 takes about 20 s a run (100 ticks at some 6 ticks/s, timed over the same ticks as ours so it
 * runs the same phase of the evacuation); the size budget below caps its runs.
 */
const runsFor = (model: BenchModel, agents: number) => (isHazardModel(model) ? 3 : agents <= 10_000 ? 5 : isWarnedModel(model) && agents > 100_000 ? 1 : 3);
/** Names --models accepts besides the models: a group of models. */
const MODEL_GROUPS: Record<string, readonly BenchModel[]> = { hazards: HAZARD_MODELS, peers: PEER_MODELS };
/** `--models sweep`: runs per minute of the sweep worker pool with 1 and 2 workers (see sweeps.ts); in the default run. */
const SWEEP = 'sweep';
/** `--models longrun` and `--models browser` (see longRun.ts, browserFps.ts); both in the default run. */
const LONGRUN = 'longrun';
const BROWSER = 'browser';
const EXTRAS = [SWEEP, LONGRUN, BROWSER];
/** Stop repeating a size once its runs have taken this long (1,000,000 residents may get fewer runs). */
const SIZE_BUDGET_MS = 90_000;

async function main(argv: readonly string[]): Promise<number> {
  const { flags } = parseArgs('npm run bench --', argv, { json: 'boolean', models: 'string', sizes: 'string', runs: 'string', 'timeout-s': 'string' });
  const asked =
    flags.models === undefined
      ? [...BENCH_MODELS, ...EXTRAS]
      : String(flags.models)
          .split(',')
          .flatMap((m) => MODEL_GROUPS[m] ?? [m]);
  const withSweeps = asked.includes(SWEEP);
  const models = asked.filter((m) => !EXTRAS.includes(m));
  const unknown = models.filter((m) => !(BENCH_MODELS as readonly string[]).includes(m));
  if (unknown.length || (models.length === 0 && !asked.some((m) => EXTRAS.includes(m)))) {
    const names = [...BENCH_MODELS, ...EXTRAS, ...Object.keys(MODEL_GROUPS)];
    throw new UsageError(
      `--models takes ${names.join(', ')} (hazards: all four hazard models; peers: baseline-objects and agentscript), comma-separated, for example --models warning,hazard-fire`,
    );
  }
  const sizes = flags.sizes === undefined ? undefined : String(flags.sizes).split(',').map(Number);
  if (sizes?.some((n) => !Number.isInteger(n) || n < 1 || n > 2_000_000))
    throw new UsageError('--sizes takes whole numbers from 1 to 2000000, for example --sizes 1000,10000');
  const runs = flags.runs === undefined ? undefined : Number(flags.runs);
  if (runs !== undefined && !(Number.isInteger(runs) && runs >= 1)) throw new UsageError('--runs takes a whole number of at least 1');
  const timeoutMs = Number(flags['timeout-s'] ?? 180) * 1000;

  const rows: BenchRow[] = [];
  for (const model of BENCH_MODELS.filter((m) => models.includes(m))) {
    for (const agents of sizes ?? DEFAULT_SIZES[model]) {
      rows.push(await measureSize(model, agents, runs ?? runsFor(model, agents), timeoutMs));
    }
  }
  compareWithEvacuation(rows);
  const sweeps = withSweeps ? await measureSweeps() : null;
  const longRun = asked.includes(LONGRUN) ? await measureLongRun(timeoutMs) : null;
  const browserRows: BrowserRow[] = asked.includes(BROWSER) ? await measureBrowser(sizes ?? BROWSER_SIZES) : [];
  const machine = machineInfo();
  const failed = rows.some((r) => r.error) || browserRows.some((r) => r.error) || (longRun !== null && 'error' in longRun);
  if (flags.json) {
    const peakRssMB = Math.round(resourceUsage().maxRSS / 1024);
    const all = [...rows, ...browserRows];
    process.stdout.write(`${JSON.stringify({ machine, rows: all, ...(sweeps ? { sweeps } : {}), ...(longRun ? { longRun } : {}), peakRssMB }, null, 2)}\n`);
  } else {
    const longRunLines = longRun === null ? [] : 'error' in longRun ? ['', `Long run: ${longRun.error}`] : formatLongRun(longRun);
    const browserLines = browserRows.length ? formatBrowser(browserRows) : [];
    process.stdout.write(`${[...formatReport(machine, rows), ...(sweeps ? formatSweeps(sweeps) : []), ...longRunLines, ...browserLines].join('\n')}\n`);
  }
  return failed ? 1 : 0;
}

/** The long run in its own worker thread; an error object when it fails or runs out of time. */
async function measureLongRun(timeoutMs: number): Promise<LongRunResult | { error: string }> {
  // Two simulated hours at 10,000 residents take a minute or two; give it at least ten.
  const outcome = await spawnLongRun({ kind: 'longrun', ...LONG_RUN, seed: 1 }, Math.max(timeoutMs, 600_000));
  if (!outcome.ok) {
    process.stderr.write(`long run: ${outcome.error}\n`);
    return { error: outcome.error };
  }
  process.stderr.write(`long run: ${outcome.result.simulatedS / 3600} h in ${outcome.result.wallS} s\n`);
  return outcome.result;
}

async function measureSize(model: BenchModel, agents: number, runs: number, timeoutMs: number): Promise<BenchRow> {
  const results: MeasureResult[] = [];
  const started = performance.now();
  const request: MeasureRequest = { model, agents, ...TICKS[model], seed: 1 };
  for (let run = 1; run <= runs; run++) {
    const outcome = await spawnMeasurement(request, timeoutMs);
    if (!outcome.ok) {
      process.stderr.write(`${model}, ${agents} residents, run ${run}: ${outcome.error}\n`);
      return summarizeRuns(model, agents, results, outcome.error);
    }
    const r = outcome.result;
    results.push(r);
    const informed = isWarnedModel(model) ? `, informed ${pct(r.informedShareStart)} → ${pct(r.informedShareEnd)}` : '';
    const cover = r.hazardShareStart !== null ? `, hazard cover ${pct(r.hazardShareStart)} → ${pct(r.hazardShareEnd ?? 0)}` : '';
    process.stderr.write(
      `${model}, ${agents} residents, run ${run}/${runs}: ${r.ticksPerS.toFixed(0)} ticks/s, setup ${(r.setupMs / 1000).toFixed(1)} s, ` +
        `warm-up ${(r.warmupMs / 1000).toFixed(1)} s, walking ${pct(r.movingShareStart)} → ${pct(r.movingShareEnd)}${informed}${cover}\n`,
    );
    if (performance.now() - started > SIZE_BUDGET_MS && run < runs) {
      process.stderr.write(`${model}, ${agents} residents: stopping after ${run} runs (time budget)\n`);
      break;
    }
  }
  return summarizeRuns(model, agents, results);
}

function pct(share: number): string {
  return `${(share * 100).toFixed(0)}%`;
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
