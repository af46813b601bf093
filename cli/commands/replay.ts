import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createSimulation, type Metrics, type Scenario } from '../../sim/index';
import { type DrillRecord, lastTickOf, parseRecord, replayEntries, scenarioContentHash } from '../../ui/drill/recordFormat';
import { replayCommands } from '../../workers/replayCommands';
import { parseArgs, UsageError } from '../args';
import { InputError, loadOrReport } from '../loadOrReport';
import { err, formatErrors, formatNumber, formatPercent, formatSeconds, formatTable, out, printJson } from '../output';
import { isScenarioFileName } from '../scenarioFile';

const FLAGS = { scenario: 'string', json: 'boolean' } as const;
/** Where shipped scenarios live; a record's scenario is looked up here by id when --scenario is not given. */
const SCENARIOS_DIR = fileURLToPath(new URL('../../scenarios/', import.meta.url));

/** What `drill replay --json` prints. */
export interface ReplayReport {
  scenario: string;
  scenarioFile: string;
  session: string;
  seed: number;
  strategy: string | null;
  commands: number;
  ticks: number;
  simTimeS: number;
  stateHash: string;
  /** The hash the live drill saved at this tick, or null when the record has none for it. */
  recordedHash: string | null;
  matches: boolean | null;
  metrics: Metrics;
}

/**
 * `drill replay RECORD.json [--scenario FILE] [--json]`: rebuild a drill from its exported record without
 * the app: the same scenario (checked by content hash), strategy and seed, each command applied at its tick,
 * up to the last moment saved. Prints the state hash, which must equal the live drill's, and key metrics.
 * Exit 1 when the record or scenario is unusable or the hash differs from the one recorded.
 */
export function replayCommand(argv: readonly string[]): number {
  const { positionals, flags } = parseArgs('drill replay', argv, FLAGS);
  if (positionals.length !== 1) {
    throw new UsageError(`"drill replay" takes one drill record file (made with "Export record" in the app), for example: drill replay drill.json`);
  }
  const file = positionals[0];
  const record = readRecord(file);
  const scenarioFile = typeof flags.scenario === 'string' ? flags.scenario : findScenario(record);
  const scenario = loadOrReport(scenarioFile, 'replay');
  checkScenario(record, scenario, scenarioFile);
  if (record.strategy !== null && !scenario.strategies.some((s) => s.id === record.strategy)) {
    err(`${file}: strategy: the scenario ${scenarioFile} has no strategy "${record.strategy}"`);
    throw new InputError(`cannot replay ${file} on ${scenarioFile}`);
  }

  const sim = createSimulation(scenario, { seed: record.seed, strategy: record.strategy ?? undefined });
  const result = replayCommands(sim, replayEntries(record), lastTickOf(record));
  if (!result.ok) {
    err(`${file}: entries[${result.entry}]: this command could not be replayed: ${result.error} — the record does not fit ${scenarioFile}`);
    throw new InputError(`cannot replay ${file}`);
  }
  const stateHash = sim.hash();
  const recordedHash = record.reached && record.reached.tick === sim.tick ? record.reached.stateHash : null;
  const report: ReplayReport = {
    scenario: scenario.id,
    scenarioFile,
    session: record.session.name,
    seed: sim.seed,
    strategy: sim.strategy,
    commands: record.entries.length,
    ticks: sim.tick,
    simTimeS: sim.timeS,
    stateHash,
    recordedHash,
    matches: recordedHash === null ? null : recordedHash === stateHash,
    metrics: sim.metrics(),
  };
  if (flags.json) printJson(report);
  else for (const line of summarize(report)) out(line);
  if (report.matches === false) {
    err(`drill: the replay ends in state ${stateHash}, but the live drill saved ${recordedHash}: the scenario or the simulation has changed since the drill`);
    return 1;
  }
  return 0;
}

export function readRecord(file: string): DrillRecord {
  let text: string;
  try {
    if (statSync(file).isDirectory()) throw new Error('a folder');
    text = readFileSync(file, 'utf8');
  } catch {
    err(`${file}: (file): cannot be read — check the path; it is relative to ${process.cwd()}`);
    throw new InputError(`cannot replay ${file}`);
  }
  const parsed = parseRecord(text);
  if (parsed.ok) return parsed.record;
  for (const line of formatErrors(file, parsed.errors)) err(line);
  throw new InputError(
    `cannot replay ${file} until ${parsed.errors.length === 1 ? 'the problem above is' : `the ${parsed.errors.length} problems above are`} fixed`,
  );
}

/** The scenario file under scenarios/ (and its folders) with the record's id and content. */
export function findScenario(record: DrillRecord): string {
  const sameId: string[] = [];
  for (const path of scenarioFiles(SCENARIOS_DIR)) {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      continue;
    }
    if (idOf(text) !== record.scenario.id) continue;
    if (scenarioContentHash(text) === record.scenario.contentHash) return relative(process.cwd(), path) || path;
    sameId.push(path);
  }
  const hint = sameId.length
    ? `${sameId.join(', ')} has this id but other content (the scenario changed since the drill); give the drill's scenario file with --scenario FILE`
    : 'give the scenario file with --scenario FILE';
  err(`scenario.id: no scenario "${record.scenario.id}" with content ${record.scenario.contentHash} in ${SCENARIOS_DIR} — ${hint}`);
  throw new InputError('cannot replay without the scenario the drill ran');
}

export function checkScenario(record: DrillRecord, scenario: Scenario, scenarioFile: string): void {
  const hash = scenarioContentHash(readFileSync(scenarioFile, 'utf8'));
  if (scenario.id === record.scenario.id && hash === record.scenario.contentHash) return;
  const what = scenario.id !== record.scenario.id ? `is scenario "${scenario.id}"` : `has other content (${hash})`;
  err(`${scenarioFile}: ${what}, but the drill ran "${record.scenario.id}" with content ${record.scenario.contentHash} — give the scenario file the drill ran`);
  throw new InputError(`cannot replay on ${scenarioFile}`);
}

function scenarioFiles(dir: string): string[] {
  const files: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) files.push(...scenarioFiles(path));
    else if (isScenarioFileName(name)) files.push(path);
  }
  return files;
}

function idOf(text: string): string | null {
  try {
    const id = (JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as { id?: unknown }).id;
    return typeof id === 'string' ? id : null;
  } catch {
    return null;
  }
}

function summarize(report: ReplayReport): string[] {
  const m = report.metrics;
  const verdict =
    report.matches === null ? 'no hash saved at this tick' : report.matches ? 'matches the live drill' : `DIFFERS from the live drill (${report.recordedHash})`;
  return formatTable([
    ['Session', report.session],
    ['Scenario', `${report.scenario} (${report.scenarioFile})`],
    ['Seed', String(report.seed)],
    ['Strategy', report.strategy ?? '(none)'],
    ['Commands', formatNumber(report.commands, 0)],
    ['Simulated', `${formatNumber(report.simTimeS)} s in ${formatNumber(report.ticks, 0)} ticks`],
    ['Residents', formatNumber(m.residents, 0)],
    ['Safe', `${formatNumber(m.safe, 0)} (${formatPercent(m.safeShare)})`],
    ['Informed', formatPercent(m.informedShare)],
    ['Acting', formatPercent(m.compliedShare)],
    ['Waiting for help', formatNumber(m.awaitingHelp, 0)],
    ['First warning', formatSeconds(m.firstOfficialWarningS)],
    ['Injured / deceased', `${formatNumber(m.injured, 0)} / ${formatNumber(m.deceased, 0)}`],
    ['State hash', `${report.stateHash} (${verdict})`],
  ]);
}
