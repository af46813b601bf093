import type { Scenario } from '../../sim/index';
import { OBJECTIVE_METRIC_NAMES, OBJECTIVE_METRICS, type ObjectiveMetric } from '../../sim/scenario/schemaObjectives';
import { parseArgs, parseSeconds, parseSeed, UsageError } from '../args';
import { InputError, loadOrReport } from '../loadOrReport';
import { err, out, printJson } from '../output';
import { createProgress } from '../progress';
import { buildReport, ReportInputError, type ReportRequest } from '../report/buildReport';
import { formatClock } from '../report/format';
import { renderReportHtml } from '../report/renderHtml';
import { reportToCsv } from '../report/reportCsv';
import type { AfterActionReport } from '../report/reportTypes';
import { ReportRunError } from '../report/runs';
import { addStrategyFile } from '../strategyFile';
import { checkWritable, writeFileAtomic } from '../writeAtomic';
import { checkScenario as checkRecordScenario, findScenario, readRecord } from './replay';

const FLAGS = {
  scenario: 'string',
  strategy: 'string',
  'strategy-file': 'string',
  seed: 'string',
  'until-s': 'string',
  'key-metric': 'string',
  reference: 'string',
  html: 'string',
  csv: 'string',
  json: 'boolean',
  'save-strategy': 'string',
  out: 'string',
  quick: 'boolean',
} as const;

/**
 * `drill report RECORD.json [--scenario FILE]` or `drill report --scenario FILE [--strategy ID | --strategy-file
 * FILE] [--seed N]`, with `[--until-s T] [--key-metric NAME] [--reference ID] [--html FILE] [--csv FILE] [--json]
 * [--save-strategy N --out FILE.json] [--quick]`: the after-action report of a drill (or of a plain run): objectives,
 * the timeline of key decisions measured against the best other strategy with the same seed, strengths, gaps
 * and an improvement plan. `--save-strategy N` writes item N of the plan as a strategy file.
 */
export function reportCommand(argv: readonly string[]): number {
  const { positionals, flags } = parseArgs('drill report', argv, FLAGS);
  if (positionals.length > 1) throw new UsageError(`"drill report" takes one drill record file, got ${positionals.length}: ${positionals.join(' ')}`);
  const recordFile = positionals[0];
  const scenarioFile = flags.scenario as string | undefined;
  if (recordFile === undefined && scenarioFile === undefined) {
    throw new UsageError('"drill report" needs a drill record (drill report drill.json) or a scenario (drill report --scenario FILE --strategy ID --seed N)');
  }
  if (recordFile !== undefined && (flags.strategy !== undefined || flags.seed !== undefined)) {
    throw new UsageError('a drill record names its strategy and seed; leave out --strategy and --seed, or report on a scenario without the record');
  }
  if (flags.strategy !== undefined && flags['strategy-file'] !== undefined) throw new UsageError('give either --strategy or --strategy-file, not both');
  const untilS = parseSeconds('until-s', flags['until-s'], 1e7);
  const keyMetric = parseKeyMetric(flags['key-metric']);
  const save = parseSave(flags['save-strategy'], flags.out);
  const html = flags.html as string | undefined;
  const csv = flags.csv as string | undefined;
  const outputs = [html, csv, save?.out].filter((f): f is string => f !== undefined);
  if (new Set(outputs).size < outputs.length) throw new UsageError('--html, --csv and --out must name different files');
  if (html !== undefined) checkWritable(html, '--html');
  if (csv !== undefined) checkWritable(csv, '--csv');
  if (save) checkWritable(save.out, '--out');

  const request =
    recordFile !== undefined ? fromRecord(recordFile, scenarioFile, flags['strategy-file'] as string | undefined) : fromScenario(scenarioFile as string, flags);
  const progress = createProgress(1, `${request.scenario.id}: report`);
  progress.update(0);
  let report: AfterActionReport;
  try {
    report = buildReport({
      ...request,
      untilS,
      keyMetric,
      reference: flags.reference as string | undefined,
      checkPlan: !flags.quick,
      onProgress: (done, total) => progress.update(done / total),
    });
  } catch (error) {
    if (error instanceof ReportInputError) throw usageOrInput(error);
    if (error instanceof ReportRunError) {
      err(
        `${recordFile ?? scenarioFile}: entries[${error.entry}]: this command could not be replayed: ${error.message} — the record does not fit the scenario`,
      );
      throw new InputError(`cannot report on ${recordFile ?? scenarioFile}`);
    }
    throw error;
  } finally {
    progress.finish();
  }

  if (save) {
    const item = report.plan[save.index - 1];
    if (!item) {
      err(
        report.plan.length
          ? `--save-strategy ${save.index}: the improvement plan has ${report.plan.length} items; give a number from 1 to ${report.plan.length}`
          : `--save-strategy ${save.index}: the improvement plan is empty (no gaps a lever could close)`,
      );
      throw new InputError('no strategy written');
    }
  }
  const written: string[] = [];
  if (html !== undefined) {
    writeFileAtomic(html, renderReportHtml(report));
    written.push(`Wrote the report to ${html}`);
  }
  if (csv !== undefined) {
    writeFileAtomic(csv, reportToCsv(report));
    written.push(`Wrote the report's figures and series to ${csv}`);
  }
  if (save) {
    const item = report.plan[save.index - 1];
    writeFileAtomic(save.out, `${JSON.stringify(item.strategyFile, null, 2)}\n`);
    written.push(
      `Wrote strategy "${item.strategyFile.strategy.id}" (item ${item.index}: ${item.lever.label} ${item.lever.from} → ${item.lever.to}) to ${save.out}`,
    );
  }
  if (flags.json) {
    printJson(report);
    for (const line of written) err(line);
    return 0;
  }
  for (const line of summarize(report)) out(line);
  if (written.length) out();
  for (const line of written) out(line);
  return 0;
}

type Request = Pick<ReportRequest, 'scenario' | 'seed' | 'strategy' | 'entries' | 'drillEndTick' | 'session'>;

function fromRecord(file: string, scenarioFile: string | undefined, strategyFile: string | undefined): Request {
  const record = readRecord(file);
  const path = scenarioFile ?? findScenario(record);
  let scenario: Scenario = loadOrReport(path, 'report on');
  checkRecordScenario(record, scenario, path);
  if (strategyFile !== undefined) scenario = addStrategyFile(scenario, strategyFile, 'report on').scenario;
  if (record.strategy !== null && !scenario.strategies.some((s) => s.id === record.strategy)) {
    err(`${file}: strategy: the scenario ${path} has no strategy "${record.strategy}" — give the strategy file the drill ran with --strategy-file FILE`);
    throw new InputError(`cannot report on ${file}`);
  }
  const lastEntry = record.entries[record.entries.length - 1]?.tick ?? 0;
  return {
    scenario,
    seed: record.seed,
    strategy: record.strategy,
    entries: record.entries.map((e) => ({ tick: e.tick, command: e.command, role: e.role })),
    drillEndTick: Math.max(record.reached?.tick ?? 0, lastEntry),
    session: { name: record.session.name, startedAt: record.session.startedAt },
  };
}

function fromScenario(file: string, flags: Record<string, string | boolean | undefined>): Request {
  let scenario = loadOrReport(file, 'report on');
  let strategy = (flags.strategy as string | undefined) ?? null;
  if (flags['strategy-file'] !== undefined) ({ scenario, strategy } = addStrategyFile(scenario, flags['strategy-file'] as string, 'report on'));
  return { scenario, seed: parseSeed(flags.seed, 1), strategy, entries: [], drillEndTick: null, session: null };
}

function parseKeyMetric(value: string | boolean | undefined): ObjectiveMetric | undefined {
  if (value === undefined) return undefined;
  const name = String(value);
  if (!(OBJECTIVE_METRIC_NAMES as readonly string[]).includes(name) || OBJECTIVE_METRICS[name as ObjectiveMetric].better === null) {
    const usable = OBJECTIVE_METRIC_NAMES.filter((m) => OBJECTIVE_METRICS[m].better !== null);
    throw new UsageError(`--key-metric "${name}" is not a figure with a better direction; use one of: ${usable.join(', ')}`);
  }
  return name as ObjectiveMetric;
}

function parseSave(index: string | boolean | undefined, out: string | boolean | undefined): { index: number; out: string } | null {
  if (index === undefined && out === undefined) return null;
  if (index === undefined)
    throw new UsageError('--out names the strategy file --save-strategy N writes; give both, for example --save-strategy 1 --out improved.json');
  if (out === undefined)
    throw new UsageError('--save-strategy needs --out FILE.json, the strategy file to write; for example --save-strategy 1 --out improved.json');
  const text = String(index).trim();
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < 1) throw new UsageError(`--save-strategy takes the number of an improvement plan item (1, 2, …), got "${index}"`);
  return { index: n, out: String(out) };
}

function usageOrInput(error: ReportInputError): Error {
  const flag = { keyMetric: '--key-metric', reference: '--reference', strategy: '--strategy' }[error.path] ?? error.path;
  return new UsageError(`${flag}: ${error.message}; ${error.hint}`);
}

/** The report in text: what the HTML shows, for a terminal. */
function summarize(report: AfterActionReport): string[] {
  const lines: string[] = [];
  lines.push(`After-action report: ${report.scenario.title} (${report.scenario.id})`);
  if (report.session) lines.push(`Session: ${report.session.name}`);
  lines.push(`Strategy: ${report.strategy.name}; seed ${report.seed}; run to ${formatClock(report.drill.runUntilS)}; state hash ${report.drill.stateHash}`);
  lines.push(`Measured against: ${report.reference.name} (${report.reference.why})`);
  lines.push('', 'Objectives');
  if (report.objectives.length === 0) lines.push('  (the scenario names none)');
  for (const o of report.objectives) lines.push(`  [${o.status}] ${o.capability}: ${o.title} (reference: ${o.referenceStatus})`);
  lines.push('', 'Timeline of key decisions');
  for (const item of report.timeline) {
    lines.push(`  ${formatClock(item.timeS).padStart(7)}  ${item.title}${item.who ? ` (${item.who})` : ''}`);
    if (item.consequence) lines.push(`           ${item.consequence}`);
  }
  lines.push('', 'Strengths');
  for (const f of report.strengths) lines.push(`  + ${f.text}`);
  lines.push('', 'Gaps');
  for (const f of report.gaps) lines.push(`  - ${f.text}`);
  lines.push('', 'Improvement plan (save an item with --save-strategy N --out FILE.json)');
  for (const item of report.plan) lines.push(`  ${item.index}. ${item.text}`);
  return lines;
}
