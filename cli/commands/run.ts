import { createSimulation, type Metrics, type Scenario, type Simulation, type TrailEntry } from '../../sim/index';
import { oneScenarioPath, parseArgs, parseSeconds, parseSeed, UsageError } from '../args';
import { loadOrReport } from '../loadOrReport';
import { formatNumber, formatPercent, formatSeconds, formatTable, out, printJson } from '../output';
import { createProgress } from '../progress';
import { addStrategyFile } from '../strategyFile';
import { hasWarningPhase } from '../warningPhase';
import { summarizeGovernance } from './runGovernance';
import { summarizeWarningPhase } from './runWarning';

const FLAGS = { seed: 'string', strategy: 'string', 'strategy-file': 'string', 'until-s': 'string', json: 'boolean' } as const;
const DEFAULT_SEED = 1;
/** Ticks per step call between progress redraws: small enough to redraw often, large enough to cost nothing. */
const CHUNK_TICKS = 50;

/** What `drill run --json` prints. */
export interface RunReport {
  scenario: string;
  seed: number;
  strategy: string | null;
  ticks: number;
  simTimeS: number;
  stateHash: string;
  metrics: Metrics;
  /** The accountability trail (empty without organisations). */
  trail: readonly TrailEntry[];
}

/**
 * `drill run SCENARIO [--seed N] [--strategy NAME | --strategy-file FILE] [--until-s SECONDS] [--json]`: run one
 * scenario headless to `--until-s` (default: the scenario's simulation.durationS) and print a summary or, with
 * --json, a RunReport. A strategy file holds one strategy written for the scenario (see loadStrategyText).
 */
export function runCommand(argv: readonly string[]): number {
  const { positionals, flags } = parseArgs('drill run', argv, FLAGS);
  const file = oneScenarioPath('run', positionals);
  const seed = parseSeed(flags.seed, DEFAULT_SEED);
  const untilS = parseSeconds('until-s', flags['until-s'], 1e7);
  let scenario = loadOrReport(file, 'run');
  let strategy = checkStrategy(scenario, flags.strategy as string | undefined);
  const strategyFile = flags['strategy-file'] as string | undefined;
  if (strategyFile !== undefined) {
    if (flags.strategy !== undefined) throw new UsageError('give either --strategy or --strategy-file, not both');
    ({ scenario, strategy } = addStrategyFile(scenario, strategyFile, 'run'));
  }

  const sim = createSimulation(scenario, { seed, strategy });
  const ticks = Math.round((untilS ?? scenario.simulation.durationS) / sim.tickS);
  const started = performance.now();
  stepWithProgress(sim, ticks, `${scenario.id} seed ${seed}`);
  const wallS = (performance.now() - started) / 1000;

  const report: RunReport = {
    scenario: scenario.id,
    seed: sim.seed,
    strategy: sim.strategy,
    ticks: sim.tick,
    simTimeS: sim.timeS,
    stateHash: sim.hash(),
    metrics: sim.metrics(),
    trail: sim.trail(),
  };
  if (flags.json) printJson(report);
  else for (const line of summarize(report, scenario, wallS)) out(line);
  return 0;
}

function checkStrategy(scenario: Scenario, id: string | undefined): string | undefined {
  if (id === undefined || scenario.strategies.some((s) => s.id === id)) return id;
  const known = scenario.strategies.map((s) => s.id);
  throw new UsageError(
    known.length
      ? `scenario "${scenario.id}" has no strategy "${id}"; choose one of: ${known.join(', ')}`
      : `scenario "${scenario.id}" defines no strategies; leave out --strategy`,
  );
}

function stepWithProgress(sim: Simulation, ticks: number, label: string): void {
  const progress = createProgress(ticks, label);
  for (let done = 0; done < ticks; ) {
    const n = Math.min(CHUNK_TICKS, ticks - done);
    sim.step(n);
    done += n;
    progress.update(done);
  }
  progress.finish();
}

function summarize(report: RunReport, scenario: Scenario, wallS: number): string[] {
  const m = report.metrics;
  const rows = [
    ['Scenario', `${scenario.id} — ${scenario.title}`],
    ['Seed', String(report.seed)],
    ['Strategy', report.strategy ?? '(none)'],
    ['Simulated', `${formatNumber(report.simTimeS)} s in ${formatNumber(report.ticks, 0)} ticks (computed in ${formatDuration(wallS)})`],
    ['Residents', formatNumber(m.residents, 0)],
    ['Safe', `${formatNumber(m.safe, 0)} (${formatPercent(m.safeShare)})`],
    ['Not yet safe', notYetSafe(m)],
    ['First order', formatSeconds(m.firstOrderS)],
    ['50% safe', formatSeconds(m.timeTo50PctSafeS)],
    ['90% safe', formatSeconds(m.timeTo90PctSafeS)],
    ['100% safe', formatSeconds(m.timeTo100PctSafeS)],
  ];
  const byPlace = Object.entries(m.safeByPlace).map(([id, n]) => [`  ${id}`, formatNumber(n, 0)]);
  rows.push(['Safe by exit', byPlace.length ? '' : '(no exits or shelters)'], ...byPlace, ['State hash', report.stateHash]);
  const lines = formatTable(rows);
  if (hasWarningPhase(scenario)) lines.push(...summarizeWarningPhase(m));
  if (scenario.governance) lines.push(...summarizeGovernance(m));
  return lines;
}

function notYetSafe(m: Metrics): string {
  const parts = [`${formatNumber(m.moving, 0)} moving`, `${formatNumber(m.preparing, 0)} preparing`, `${formatNumber(m.idle, 0)} not ordered`];
  if (m.sheltering) parts.push(`${formatNumber(m.sheltering, 0)} sheltering in place`);
  if (m.awaitingHelp) parts.push(`${formatNumber(m.awaitingHelp, 0)} waiting for help`);
  return parts.join(', ');
}

function formatDuration(seconds: number): string {
  return seconds < 1 ? `${Math.round(seconds * 1000)} ms` : `${formatNumber(seconds, 1)} s`;
}
