import { availableParallelism } from 'node:os';
import type { Scenario } from '../../sim/index';
import { oneScenarioPath, parseArgs, parseSeconds, UsageError } from '../args';
import { loadOrReport } from '../loadOrReport';
import { formatNumber, formatTable, out, printJson } from '../output';
import { createProgress } from '../progress';
import { rowsToCsv } from '../sweep/csv';
import { renderSweepReport, strategyLabel } from '../sweep/htmlReport';
import { formatSummaryCell, KEY_METRICS } from '../sweep/keyMetrics';
import { runSweep, type SweepResult, strategyProblem } from '../sweep/runSweep';
import { summarizeRows } from '../sweep/stats';
import { IDENTITY_COLUMNS } from '../sweep/sweepJob';
import { checkWritable, writeFileAtomic } from '../writeAtomic';

const FLAGS = {
  strategies: 'string',
  seeds: 'string',
  'first-seed': 'string',
  workers: 'string',
  'until-s': 'string',
  json: 'boolean',
  csv: 'string',
  report: 'string',
} as const;
const MAX_SEEDS = 100_000;
const MAX_WORKERS = 1024;
const MIN_SEED = -(2 ** 31);
const MAX_SEED = 2 ** 32 - 1;

/**
 * `drill compare SCENARIO --seeds N [--strategies a,b] [--first-seed S] [--workers K] [--until-s T]
 * [--json] [--csv FILE] [--report FILE.html]`: run every strategy with seeds S to S+N-1 in a pool of worker
 * threads and print the mean and 95% confidence interval of the key metrics per strategy.
 */
export async function compareCommand(argv: readonly string[]): Promise<number> {
  const { positionals, flags } = parseArgs('drill compare', argv, FLAGS);
  const file = oneScenarioPath('compare', positionals);
  if (flags.seeds === undefined) throw new UsageError('"drill compare" needs --seeds N, the number of seeds each strategy runs with; for example --seeds 20');
  const count = parseWhole('seeds', flags.seeds, 1, MAX_SEEDS, '20');
  const firstSeed = flags['first-seed'] === undefined ? 1 : parseWhole('first-seed', flags['first-seed'], MIN_SEED, MAX_SEED, '1');
  if (firstSeed + count - 1 > MAX_SEED) {
    throw new UsageError(`--first-seed ${firstSeed} with --seeds ${count} goes past the largest seed, ${MAX_SEED}; choose a smaller --first-seed`);
  }
  const workers = flags.workers === undefined ? availableParallelism() : parseWhole('workers', flags.workers, 1, MAX_WORKERS, '2');
  const untilS = parseSeconds('until-s', flags['until-s'], 1e7);
  const csvFile = flags.csv as string | undefined;
  const reportFile = flags.report as string | undefined;
  if (csvFile !== undefined && csvFile === reportFile) throw new UsageError(`--csv and --report both name ${csvFile}; give them different files`);

  const scenario = loadOrReport(file, 'compare');
  const strategies = parseStrategies(scenario, flags.strategies);
  if (csvFile !== undefined) checkWritable(csvFile, '--csv');
  if (reportFile !== undefined) checkWritable(reportFile, '--report');

  const seeds = Array.from({ length: count }, (_, i) => firstSeed + i);
  const total = Math.max(1, strategies?.length ?? scenario.strategies.length) * count;
  const progress = createProgress(total, `${scenario.id}: ${total} runs`);
  // Drawn empty at once: starting the workers takes a moment before the first run ends.
  progress.update(0);
  let result: SweepResult;
  try {
    result = await runSweep({ scenarioPath: file, strategies, seeds, workers, untilS, onProgress: (done) => progress.update(done) });
  } finally {
    progress.finish();
  }

  const summary = summarizeRows(result.rows, result.strategies, result.metricColumns);
  const simulatedS = untilS ?? scenario.simulation.durationS;
  const runsPerMinute = (result.rows.length / result.wallS) * 60;
  const written: string[] = [];
  if (csvFile !== undefined) {
    writeFileAtomic(csvFile, rowsToCsv(result.rows, result.metricColumns));
    written.push(`Wrote ${result.rows.length} rows to ${csvFile}`);
  }
  if (reportFile !== undefined) {
    writeFileAtomic(
      reportFile,
      renderSweepReport({ scenario: scenario.id, title: scenario.title, seeds, untilS: simulatedS, summary, metricColumns: result.metricColumns }),
    );
    written.push(`Wrote the report to ${reportFile}`);
  }

  if (flags.json) {
    printJson({
      scenario: result.scenario,
      strategies: result.strategies,
      seeds: result.seeds,
      untilS: simulatedS,
      columns: [...IDENTITY_COLUMNS, ...result.metricColumns],
      rows: result.rows,
      summary,
      timing: { workers: result.workers, wallS: result.wallS, runsPerMinute },
    });
    return 0;
  }
  const seedText = count === 1 ? `${firstSeed}` : `${firstSeed} to ${firstSeed + count - 1}`;
  const header = formatTable([
    ['Scenario', `${scenario.id} — ${scenario.title}`],
    ['Strategies', result.strategies.map(strategyLabel).join(', ')],
    ['Seeds', `${seedText} (${count} ${count === 1 ? 'run' : 'runs'} per strategy)`],
    ['Simulated', `${formatNumber(simulatedS)} s per run`],
  ]);
  const table = [
    ['Mean ± 95% CI', ...result.strategies.map(strategyLabel)],
    ['Runs', ...summary.map((s) => String(s.runs))],
  ];
  for (const metric of KEY_METRICS) {
    if (!result.metricColumns.includes(metric.column)) continue;
    table.push([metric.label, ...summary.map((s) => formatSummaryCell(metric, s.metrics[metric.column], s.runs))]);
  }
  const right = summary.map((_, i) => i + 1);
  for (const line of [...header, '', ...formatTable(table, right), '']) out(line);
  out(
    `${result.rows.length} runs on ${result.workers} ${result.workers === 1 ? 'worker' : 'workers'} in ${formatNumber(result.wallS, 1)} s: ` +
      `${formatNumber(runsPerMinute, 1)} runs per minute`,
  );
  for (const line of written) out(line);
  return 0;
}

/** The strategies named by --strategies, checked against the scenario; undefined (all of them) without it. */
function parseStrategies(scenario: Scenario, value: string | boolean | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const ids = String(value)
    .split(',')
    .map((id) => id.trim());
  if (ids.some((id) => id === ''))
    throw new UsageError(`--strategies takes ids separated by commas, got "${value}"; for example --strategies ${example(scenario)}`);
  const twice = ids.find((id, i) => ids.indexOf(id) !== i);
  if (twice !== undefined) throw new UsageError(`--strategies names "${twice}" twice; name each strategy once`);
  for (const id of ids) {
    const problem = strategyProblem(scenario, id);
    if (problem) throw new UsageError(problem);
  }
  return ids;
}

function example(scenario: Scenario): string {
  return scenario.strategies.length
    ? scenario.strategies
        .slice(0, 2)
        .map((s) => s.id)
        .join(',')
    : 'a,b';
}

/** A whole number from `min` to `max` for `--flag`; the message shows an example. */
function parseWhole(flag: string, value: string | boolean, min: number, max: number, sample: string): number {
  const text = String(value).trim();
  const n = Number(text);
  if (!/^[+-]?\d+$/.test(text) || n < min || n > max) {
    throw new UsageError(`--${flag} must be a whole number from ${min} to ${max}, got "${value}"; for example --${flag} ${sample}`);
  }
  return n;
}
