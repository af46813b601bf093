import { arch, availableParallelism, cpus, platform, totalmem } from 'node:os';
import { formatNumber, formatTable } from '../cli/output';
import type { MeasureResult } from './measureRun';

/** The target: 100,000 residents at 200 ticks per second or more, on one core. */
export const TARGET_TICKS_PER_S = 200;
export const TARGET_AGENTS = 100_000;
/** The memory target for simulation state. */
export const TARGET_BYTES_PER_AGENT = 100;

/** One row of `npm run bench -- --json`: medians over the runs of one size. */
export interface BenchRow {
  model: 'evacuation';
  agents: number;
  ticksPerS: number | null;
  msPerTick: number | null;
  bytesPerAgent: number | null;
  runs: number;
  /** Share of residents still walking at the end of the timed ticks (median over runs). */
  movingShare: number | null;
  setupS: number | null;
  /** Largest process resident set seen during these runs, MB. */
  peakRssMB: number | null;
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

/** Medians of the runs of one size; `error` when no run produced numbers. */
export function summarizeRuns(agents: number, results: readonly MeasureResult[], error?: string): BenchRow {
  if (results.length === 0) {
    return {
      model: 'evacuation',
      agents,
      ticksPerS: null,
      msPerTick: null,
      bytesPerAgent: null,
      runs: 0,
      movingShare: null,
      setupS: null,
      peakRssMB: null,
      error,
    };
  }
  const round = (value: number, digits: number) => Number(value.toFixed(digits));
  return {
    model: 'evacuation',
    agents,
    ticksPerS: round(median(results.map((r) => r.ticksPerS)), 1),
    msPerTick: round(median(results.map((r) => r.msPerTick)), 3),
    bytesPerAgent: round(median(results.map((r) => r.bytesPerAgent)), 1),
    runs: results.length,
    movingShare: round(median(results.map((r) => r.movingShareEnd)), 3),
    setupS: round(median(results.map((r) => r.setupMs)) / 1000, 2),
    peakRssMB: Math.round(Math.max(...results.map((r) => r.rssMB))),
    ...(error ? { error } : {}),
  };
}

/** The human-readable table, with each speed as a multiple of the target. */
export function formatReport(machine: ReturnType<typeof machineInfo>, rows: readonly BenchRow[]): string[] {
  const header = ['residents', 'ticks/s', 'ms/tick', `× ${TARGET_TICKS_PER_S}/s`, 'bytes/agent', 'still walking', 'setup', 'peak RSS', 'runs'];
  const body = rows.map((r) =>
    r.ticksPerS === null
      ? [formatNumber(r.agents, 0), '—', '—', '—', '—', '—', '—', '—', `0  (${r.error})`]
      : [
          formatNumber(r.agents, 0),
          formatNumber(r.ticksPerS, 0),
          formatNumber(r.msPerTick ?? 0, 3),
          `${((r.ticksPerS ?? 0) / TARGET_TICKS_PER_S).toFixed(2)}×`,
          formatNumber(r.bytesPerAgent ?? 0, 1),
          `${Math.round((r.movingShare ?? 0) * 100)}%`,
          `${formatNumber(r.setupS ?? 0, 2)} s`,
          `${formatNumber(r.peakRssMB ?? 0, 0)} MB`,
          String(r.runs) + (r.error ? `  (${r.error})` : ''),
        ],
  );
  const lines = [
    `Evacuation model — ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}; one simulation per worker thread, median of runs`,
    '',
    ...formatTable([header, ...body], [0, 1, 2, 3, 4, 5, 6, 7]),
    '',
  ];
  const target = rows.find((r) => r.agents === TARGET_AGENTS);
  if (target?.ticksPerS != null) {
    const met = target.ticksPerS >= TARGET_TICKS_PER_S ? 'met' : 'NOT met';
    lines.push(`Target ${formatNumber(TARGET_AGENTS, 0)} residents at ≥ ${TARGET_TICKS_PER_S} ticks/s: ${formatNumber(target.ticksPerS, 0)} ticks/s — ${met}`);
  }
  const measured = rows.filter((r) => r.bytesPerAgent !== null);
  if (measured.length) {
    const worst = measured.reduce((a, b) => ((b.bytesPerAgent ?? 0) > (a.bytesPerAgent ?? 0) ? b : a));
    const bytes = worst.bytesPerAgent ?? 0;
    lines.push(
      `Target state memory < ${TARGET_BYTES_PER_AGENT} bytes/agent: at most ${formatNumber(bytes, 1)} (at ${formatNumber(worst.agents, 0)} residents) — ${bytes < TARGET_BYTES_PER_AGENT ? 'met' : 'NOT met'}`,
    );
  }
  return lines;
}
