import { arch, availableParallelism, cpus, platform, totalmem } from 'node:os';
import { formatNumber, formatTable } from '../cli/output';
import { BREACH_M3_PER_S, FIRE_WIND_MPS, HAZARD_CELL_M, LEAK_KG_PER_S } from './hazardCommunity';
import { type BenchModel, isWarnedModel, type MeasureResult, type MemoryByIndex } from './measureRun';
import { isPeerModel, type PeerModelName } from './peers/peerModels';

/** The evacuation model's target: 100,000 residents at 500 ticks per second or more, on one core. */
export const TARGET_TICKS_PER_S = 500;
/** The whole model's target at 100,000 residents, ticks per second. */
const WHOLE_TARGET = 60;
/**
 * Speed targets at 100,000 residents by model: the evacuation model's, and the whole model's (60 ticks/s),
 * which the warning model, a part of it, is held to as well.
 */
const TARGET_TICKS_BY_MODEL: Partial<Record<BenchModel, number>> = { evacuation: TARGET_TICKS_PER_S, warning: WHOLE_TARGET, whole: WHOLE_TARGET };
export const TARGET_AGENTS = 100_000;
/** The whole model at 1,000,000 residents: 5 ticks per second or more. */
export const TARGET_WHOLE_1M_TICKS_PER_S = 5;
/** Our evacuation model's speed as a multiple of each peer's at 100,000 residents, at least. */
export const TARGET_VS_PEER: Record<PeerModelName, number> = { 'baseline-objects': 3, agentscript: 50 };
/** The issue's memory target for simulation state. */
export const TARGET_BYTES_PER_AGENT = 100;

/** One row of `npm run bench -- --json`: medians over the runs of one model at one size. */
export interface BenchRow {
  model: BenchModel;
  agents: number;
  ticksPerS: number | null;
  msPerTick: number | null;
  /** CPU time per tick, ms (median): the steadier figure on a shared machine (see MeasureResult.cpuMsPerTick). */
  cpuMsPerTick: number | null;
  bytesPerAgent: number | null;
  /** The state memory by part (sim.memoryParts()), bytes per resident, of the last run; peers: their heap growth. */
  bytesPerAgentByPart?: Record<string, number>;
  /** The state memory by what it is indexed by (agents, map cells, other), of the last run; our models only. */
  memoryByIndex?: MemoryByIndex;
  /** Cells of the map (median over runs; every run of a row has the same map). */
  gridCells: number | null;
  /** Simulated seconds per tick. */
  tickS: number | null;
  runs: number;
  /** Share of residents walking at the end of the timed ticks (median over runs). */
  movingShare: number | null;
  /** The same at the start of the timed ticks, and on average over them. */
  movingShareStart: number | null;
  movingShareMean: number | null;
  setupS: number | null;
  /** Wall time of the untimed warm-up, s. */
  warmupS: number | null;
  /** Simulated seconds at which timing started and ended. */
  timedFromS: number | null;
  timedToS: number | null;
  /** Largest process resident set seen during these runs, MB. */
  peakRssMB: number | null;
  /** Warning and whole rows: the first official warning (s), and the share of residents informed when timing started and ended. */
  firstOfficialWarningS?: number | null;
  informedShareStart?: number | null;
  informedShareEnd?: number | null;
  /** Warning and whole rows: ms per tick divided by the evacuation model's at the same size (null when that size was not measured). */
  msPerTickVsEvacuation?: number | null;
  /**
   * Peer rows: our evacuation model's ticks per second as a multiple of this peer's at the same size, in the
   * same run (null when that size of the evacuation model was not measured).
   */
  vsEvacuation?: number | null;
  /** The same from CPU time per tick: the peer's over our evacuation model's. */
  vsEvacuationCpu?: number | null;
  /** Hazard rows: share of the map's cells where a hazard is perceived when timing started and ended. */
  hazardShareStart?: number | null;
  hazardShareEnd?: number | null;
  /** Why the size has no numbers, when a run failed or ran out of time. */
  error?: string;
}

export function machineInfo() {
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: availableParallelism(),
    memoryGB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    v8: process.versions.v8,
    platform: `${platform()} ${arch()}`,
  };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const round = (value: number, digits: number) => Number(value.toFixed(digits));

/** Medians of the runs of one model at one size; `error` when no run produced numbers. */
export function summarizeRuns(model: BenchModel, agents: number, results: readonly MeasureResult[], error?: string): BenchRow {
  const warning = isWarnedModel(model);
  const hazard = model.startsWith('hazard-');
  const peer = isPeerModel(model);
  if (results.length === 0) {
    return {
      model,
      agents,
      ticksPerS: null,
      msPerTick: null,
      cpuMsPerTick: null,
      bytesPerAgent: null,
      gridCells: null,
      tickS: null,
      runs: 0,
      movingShare: null,
      movingShareStart: null,
      movingShareMean: null,
      setupS: null,
      warmupS: null,
      timedFromS: null,
      timedToS: null,
      peakRssMB: null,
      ...(warning ? { firstOfficialWarningS: null, informedShareStart: null, informedShareEnd: null, msPerTickVsEvacuation: null } : {}),
      ...(hazard ? { hazardShareStart: null, hazardShareEnd: null } : {}),
      ...(peer ? { vsEvacuation: null, vsEvacuationCpu: null } : {}),
      error,
    };
  }
  const mid = (pick: (r: MeasureResult) => number, digits: number) => round(median(results.map(pick)), digits);
  return {
    model,
    agents,
    ticksPerS: mid((r) => r.ticksPerS, 1),
    msPerTick: mid((r) => r.msPerTick, 3),
    cpuMsPerTick: mid((r) => r.cpuMsPerTick, 3),
    bytesPerAgent: mid((r) => r.bytesPerAgent, 1),
    ...(results[results.length - 1].bytesPerAgentByPart ? { bytesPerAgentByPart: results[results.length - 1].bytesPerAgentByPart } : {}),
    ...(results[results.length - 1].memoryByIndex ? { memoryByIndex: results[results.length - 1].memoryByIndex } : {}),
    gridCells: mid((r) => r.gridCells, 0),
    tickS: mid((r) => r.tickS, 3),
    runs: results.length,
    movingShare: mid((r) => r.movingShareEnd, 3),
    movingShareStart: mid((r) => r.movingShareStart, 3),
    movingShareMean: mid((r) => r.movingShareMean, 3),
    setupS: round(median(results.map((r) => r.setupMs)) / 1000, 2),
    warmupS: round(median(results.map((r) => r.warmupMs)) / 1000, 2),
    timedFromS: mid((r) => r.timedFromS, 2),
    timedToS: mid((r) => r.timedToS, 2),
    peakRssMB: Math.round(Math.max(...results.map((r) => r.rssMB))),
    ...(warning
      ? {
          firstOfficialWarningS: mid((r) => r.firstOfficialWarningS ?? 0, 2),
          informedShareStart: mid((r) => r.informedShareStart, 3),
          informedShareEnd: mid((r) => r.informedShareEnd, 3),
          msPerTickVsEvacuation: null,
        }
      : {}),
    ...(hazard ? { hazardShareStart: mid((r) => r.hazardShareStart ?? 0, 3), hazardShareEnd: mid((r) => r.hazardShareEnd ?? 0, 3) } : {}),
    ...(peer ? { vsEvacuation: null, vsEvacuationCpu: null } : {}),
    ...(error ? { error } : {}),
  };
}

/**
 * Compare with the evacuation row of the same size: each warning and whole row's cost (its ms per tick over
 * the evacuation model's), and each peer's speed (our evacuation ticks per second over the peer's).
 */
export function compareWithEvacuation(rows: BenchRow[]): void {
  for (const row of rows) {
    const evacuation = rows.find((r) => r.model === 'evacuation' && r.agents === row.agents);
    if (isWarnedModel(row.model)) {
      row.msPerTickVsEvacuation = row.msPerTick !== null && evacuation?.msPerTick ? round(row.msPerTick / evacuation.msPerTick, 2) : null;
    } else if (isPeerModel(row.model)) {
      row.vsEvacuation = row.ticksPerS && evacuation?.ticksPerS ? round(evacuation.ticksPerS / row.ticksPerS, 2) : null;
      row.vsEvacuationCpu = row.cpuMsPerTick && evacuation?.cpuMsPerTick ? round(row.cpuMsPerTick / evacuation.cpuMsPerTick, 2) : null;
    }
  }
}

const percent = (share: number | null | undefined) => `${Math.round((share ?? 0) * 100)}%`;
const seconds = (s: number | null | undefined) => formatNumber(s ?? 0, 0);

/** The human-readable tables, one per model, with each speed as a multiple of the target. */
export function formatReport(machine: ReturnType<typeof machineInfo>, rows: readonly BenchRow[]): string[] {
  const lines = [`${machine.cpu}, ${machine.cores} cores, Node ${machine.node}; one simulation per worker thread, median of runs`];
  const evacuation = rows.filter((r) => r.model === 'evacuation');
  const peers = rows.filter((r) => isPeerModel(r.model));
  if (evacuation.length) lines.push('', 'Evacuation model: everyone ordered out at 0 s; timed while they walk', '', ...evacuationTable(evacuation));
  if (peers.length) {
    lines.push(
      '',
      'The same evacuation written the usual way ("baseline-objects": an object per resident, a Map for the grid) and in the',
      'agentscript framework (turtles on patches, model.step()), each in its own worker thread, timed over the same ticks unless',
      'noted; "evacuation ×" is our evacuation model\'s ticks/s over the peer\'s at the same size in this run, "cpu ×" the same from',
      'CPU time per tick (steadier when the machine is shared).',
      '',
      ...peerTable(peers),
    );
  }
  const warning = rows.filter((r) => r.model === 'warning');
  if (warning.length) {
    lines.push(
      '',
      'Warning and behaviour model: the same community at 02:00, a growing hazard, 5 sensors, duty desk, app + SMS + loudspeaker,',
      'updates every 300 s, a rumour at 60 s, door-knocking and escort volunteers (0.5%); nobody is ordered out.',
      `Timed ${timedAfterWarning(warning)}; "÷ evac" is ms/tick over the evacuation model's at the same size.`,
      '',
      ...warningTable(warning),
    );
  }
  const whole = rows.filter((r) => r.model === 'whole');
  if (whole.length) {
    lines.push(
      '',
      'Whole model: the warning model with a spreading fire and its smoke (routes repaired around burning cells every 5 s)',
      'instead of the growing disc, a patrol, and organisations: every decision approved up the reporting chain (autonomy',
      `low, no shared platform), a store, a shelter, outside units. Timed ${timedAfterWarning(whole)}.`,
      '',
      ...warningTable(whole),
    );
  }
  const hazard = rows.filter((r) => r.model.startsWith('hazard-'));
  if (hazard.length) lines.push('', ...hazardHeading(hazard), '', ...hazardTable(hazard));
  lines.push('', ...targetLines(rows));
  return lines;
}

/** When warned models are timed, from the first measured row. */
function timedAfterWarning(rows: readonly BenchRow[]): string {
  const first = rows.find((r) => r.firstOfficialWarningS != null && r.timedFromS != null);
  return first
    ? `from ${formatNumber((first.timedFromS ?? 0) - (first.firstOfficialWarningS ?? 0), 0)} s after the first official warning (at ${formatNumber(first.firstOfficialWarningS ?? 0, 2)} s)`
    : 'after the first official warning';
}

/** Models with the issue's targets (speed at 100,000 residents, memory per resident). */
const MODEL_NAMES: Partial<Record<BenchModel, string>> = { evacuation: 'evacuation', warning: 'warning and behaviour', whole: 'whole' };

/** The issue's targets, model by model: speed at 100,000 residents and state memory per resident. */
function targetLines(rows: readonly BenchRow[]): string[] {
  const speed: string[] = [];
  const memory: string[] = [];
  for (const model of Object.keys(MODEL_NAMES) as BenchModel[]) {
    const name = MODEL_NAMES[model] ?? model;
    const target = rows.find((r) => r.model === model && r.agents === TARGET_AGENTS && r.ticksPerS !== null);
    if (target?.ticksPerS != null) {
      const ratio = target.msPerTickVsEvacuation != null ? ` (${target.msPerTickVsEvacuation.toFixed(2)}× the evacuation model's ms/tick)` : '';
      const goal = TARGET_TICKS_BY_MODEL[model] ?? 0;
      speed.push(`  ${name}: ${formatNumber(target.ticksPerS, 0)} ticks/s${ratio}, target ${goal} — ${target.ticksPerS >= goal ? 'met' : 'NOT met'}`);
    }
    const measured = rows.filter((r) => r.model === model && r.bytesPerAgent !== null);
    if (measured.length) {
      const worst = measured.reduce((a, b) => ((b.bytesPerAgent ?? 0) > (a.bytesPerAgent ?? 0) ? b : a));
      const bytes = worst.bytesPerAgent ?? 0;
      memory.push(
        `  ${name}: at most ${formatNumber(bytes, 1)} (at ${formatNumber(worst.agents, 0)} residents) — ${bytes < TARGET_BYTES_PER_AGENT ? 'met' : 'NOT met'}`,
      );
      const parts = Object.entries(worst.bytesPerAgentByPart ?? {}).sort((a, b) => b[1] - a[1]);
      if (parts.length) memory.push(`    by part: ${parts.map(([part, b]) => `${part} ${formatNumber(b, 1)}`).join(', ')}`);
      const m = worst.memoryByIndex;
      if (m)
        memory.push(
          `    by index: agents ${formatNumber(m.agentBytesPerAgent, 1)}/resident + map ${formatNumber(m.bytesPerCell, 1)}/cell × ${m.cellsPerResident} cells/resident + other ${formatNumber(m.otherBytesPerAgent, 1)}/resident`,
        );
    }
  }
  const million = rows.find((r) => r.model === 'whole' && r.agents === 1_000_000 && r.ticksPerS !== null);
  if (million?.ticksPerS != null) {
    const met = million.ticksPerS >= TARGET_WHOLE_1M_TICKS_PER_S ? 'met' : 'NOT met';
    speed.push(`  whole at 1,000,000: ${formatNumber(million.ticksPerS, 1)} ticks/s, target ${TARGET_WHOLE_1M_TICKS_PER_S} — ${met}`);
  }
  for (const [peer, goal] of Object.entries(TARGET_VS_PEER)) {
    const row = rows.find((r) => r.model === peer && r.agents === TARGET_AGENTS && r.vsEvacuation != null);
    if (row?.vsEvacuation != null)
      speed.push(`  evacuation vs ${peer}: ${row.vsEvacuation.toFixed(1)}×, target ${goal}× — ${row.vsEvacuation >= goal ? 'met' : 'NOT met'}`);
  }
  return [
    ...(speed.length ? [`Speed at ${formatNumber(TARGET_AGENTS, 0)} residents:`, ...speed] : []),
    ...(memory.length ? [`Target state memory < ${TARGET_BYTES_PER_AGENT} bytes/agent:`, ...memory] : []),
  ];
}

function evacuationTable(rows: readonly BenchRow[]): string[] {
  const header = ['residents', 'ticks/s', 'ms/tick', 'cpu ms/tick', `× ${TARGET_TICKS_PER_S}/s`, 'bytes/agent', 'still walking', 'setup', 'peak RSS', 'runs'];
  const body = rows.map((r) =>
    r.ticksPerS === null
      ? [formatNumber(r.agents, 0), '—', '—', '—', '—', '—', '—', '—', '—', `0  (${r.error})`]
      : [
          formatNumber(r.agents, 0),
          formatNumber(r.ticksPerS, 0),
          formatNumber(r.msPerTick ?? 0, 3),
          formatNumber(r.cpuMsPerTick ?? 0, 3),
          `${(r.ticksPerS / TARGET_TICKS_PER_S).toFixed(2)}×`,
          formatNumber(r.bytesPerAgent ?? 0, 1),
          percent(r.movingShare),
          `${formatNumber(r.setupS ?? 0, 2)} s`,
          `${formatNumber(r.peakRssMB ?? 0, 0)} MB`,
          runsCell(r),
        ],
  );
  return formatTable([header, ...body], [0, 1, 2, 3, 4, 5, 6, 7, 8]);
}

function warningTable(rows: readonly BenchRow[]): string[] {
  const header = [
    'residents',
    'ticks/s',
    'ms/tick',
    '÷ evac',
    `× ${WHOLE_TARGET}/s`,
    'cpu ms/tick',
    'bytes/agent',
    'informed',
    'walking (mean)',
    'timed',
    'setup + warm-up',
    'peak RSS',
    'runs',
  ];
  const body = rows.map((r) =>
    r.ticksPerS === null
      ? [formatNumber(r.agents, 0), '—', '—', '—', '—', '—', '—', '—', '—', '—', '—', '—', `0  (${r.error})`]
      : [
          formatNumber(r.agents, 0),
          formatNumber(r.ticksPerS, 0),
          formatNumber(r.msPerTick ?? 0, 3),
          r.msPerTickVsEvacuation != null ? `${r.msPerTickVsEvacuation.toFixed(2)}×` : '—',
          `${(r.ticksPerS / WHOLE_TARGET).toFixed(2)}×`,
          formatNumber(r.cpuMsPerTick ?? 0, 3),
          formatNumber(r.bytesPerAgent ?? 0, 1),
          `${percent(r.informedShareStart)} → ${percent(r.informedShareEnd)}`,
          `${percent(r.movingShareStart)} → ${percent(r.movingShare)} (${percent(r.movingShareMean)})`,
          `${seconds(r.timedFromS)}–${seconds(r.timedToS)} s`,
          `${formatNumber(r.setupS ?? 0, 1)} + ${formatNumber(r.warmupS ?? 0, 1)} s`,
          `${formatNumber(r.peakRssMB ?? 0, 0)} MB`,
          runsCell(r),
        ],
  );
  return formatTable([header, ...body], [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
}

function peerTable(rows: readonly BenchRow[]): string[] {
  const header = [
    'model',
    'residents',
    'ticks/s',
    'ms/tick',
    'evacuation ×',
    'cpu ms/tick',
    'cpu ×',
    'bytes/agent (heap)',
    'still walking',
    'timed',
    'setup',
    'peak RSS',
    'runs',
  ];
  const body = rows.map((r) =>
    r.ticksPerS === null
      ? [r.model, formatNumber(r.agents, 0), '—', '—', '—', '—', '—', '—', '—', '—', '—', '—', `0  (${r.error})`]
      : [
          r.model,
          formatNumber(r.agents, 0),
          formatNumber(r.ticksPerS, 1),
          formatNumber(r.msPerTick ?? 0, 2),
          r.vsEvacuation != null ? `${r.vsEvacuation.toFixed(1)}×` : '—',
          formatNumber(r.cpuMsPerTick ?? 0, 2),
          r.vsEvacuationCpu != null ? `${r.vsEvacuationCpu.toFixed(1)}×` : '—',
          formatNumber(r.bytesPerAgent ?? 0, 0),
          percent(r.movingShare),
          `${seconds(r.timedFromS)}–${seconds(r.timedToS)} s`,
          `${formatNumber(r.setupS ?? 0, 2)} s`,
          `${formatNumber(r.peakRssMB ?? 0, 0)} MB`,
          runsCell(r),
        ],
  );
  return formatTable([header, ...body], [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
}

function runsCell(r: BenchRow): string {
  return String(r.runs) + (r.error ? `  (${r.error})` : '');
}

const HAZARD_NAMES: Record<string, string> = {
  'hazard-fire': 'fire',
  'hazard-gas': 'gas',
  'hazard-flood': 'flood',
  'hazard-combined': 'fire + gas + flood',
};

/** What the hazard rows time, from the first measured row (all share the map, tick and population). */
function hazardHeading(rows: readonly BenchRow[]): string[] {
  const first = rows.find((r) => r.gridCells != null && r.tickS != null);
  const side = first?.gridCells ? Math.round(Math.sqrt(first.gridCells)) : null;
  const map = side ? `${formatNumber(side, 0)} × ${formatNumber(side, 0)} cells` : 'a square map';
  return [
    `Hazard models: a town of ${map} of ${HAZARD_CELL_M} m, residents at home; a fire (${FIRE_WIND_MPS} m/s wind), a gas leak (${LEAK_KG_PER_S} kg/s),`,
    `a levee breach (${BREACH_M3_PER_S} m³/s) or all three, from 0 s. Timed once the hazard covers a sizeable area, while it spreads and everyone walks out`,
    `(ordered out when timing starts); ${first?.tickS ?? 0.5} s ticks. "cover": share of cells where flames, smoke, gas or water are perceived.`,
  ];
}

function hazardTable(rows: readonly BenchRow[]): string[] {
  const header = [
    'hazard',
    'residents',
    'grid cells',
    'ticks/s',
    'ms/tick',
    'bytes/agent',
    'state',
    'cover',
    'walking (mean)',
    'timed',
    'setup + warm-up',
    'peak RSS',
    'runs',
  ];
  const body = rows.map((r) => {
    const name = HAZARD_NAMES[r.model] ?? r.model;
    if (r.ticksPerS === null) return [name, formatNumber(r.agents, 0), '—', '—', '—', '—', '—', '—', '—', '—', '—', '—', `0  (${r.error})`];
    const stateMB = ((r.bytesPerAgent ?? 0) * r.agents) / 2 ** 20;
    return [
      name,
      formatNumber(r.agents, 0),
      formatNumber(r.gridCells ?? 0, 0),
      formatNumber(r.ticksPerS, 0),
      formatNumber(r.msPerTick ?? 0, 3),
      formatNumber(r.bytesPerAgent ?? 0, 1),
      `${formatNumber(stateMB, 1)} MB`,
      `${percent(r.hazardShareStart)} → ${percent(r.hazardShareEnd)}`,
      `${percent(r.movingShareStart)} → ${percent(r.movingShare)} (${percent(r.movingShareMean)})`,
      `${seconds(r.timedFromS)}–${seconds(r.timedToS)} s`,
      `${formatNumber(r.setupS ?? 0, 1)} + ${formatNumber(r.warmupS ?? 0, 1)} s`,
      `${formatNumber(r.peakRssMB ?? 0, 0)} MB`,
      runsCell(r),
    ];
  });
  return formatTable([header, ...body], [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
}
