import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createSimulation, describeErrors, loadScenarioObject } from '../sim/index';
import { createWholeCommunity, WHOLE_STRATEGY } from './wholeCommunity';

/** `--models longrun`: the whole model at 10,000 residents for two simulated hours. */
export const LONG_RUN = { agents: 10_000, hours: 2 } as const;

export interface LongRunRequest {
  kind: 'longrun';
  agents: number;
  hours: number;
  seed: number;
}

/** The run's memory at one moment. */
export interface LongRunSample {
  /** Simulated time, s. */
  timeS: number;
  /** sim.memoryBytes(): every typed array of the run's state. */
  stateBytes: number;
  stateBytesPerAgent: number;
  /** JS heap in use and array buffers after a full garbage collection, MB: what the run really holds. */
  heapUsedMB: number;
  arrayBuffersMB: number;
  /** Lengths of the run's logs: events, the accountability trail, the duty desk's alerts. */
  events: number;
  trail: number;
  alerts: number;
}

export interface LongRunResult {
  model: 'whole';
  agents: number;
  simulatedS: number;
  /** At 0 s (after setup), and at every simulated hour. */
  samples: LongRunSample[];
  /**
   * From the first hour's sample to the last: growth of the state's typed arrays and of the heap after
   * collection, as shares (0.01 = 1%). The first hour holds the one-off growth (the fire's lists, the
   * volunteers' paths); after it a steady run stays flat.
   */
  stateGrowthAfterFirstHour: number;
  heapGrowthAfterFirstHour: number;
  wallS: number;
}

let collect: (() => void) | undefined;

/** Heap in use and array buffers after a full garbage collection (the collector is exposed for this thread on first use). */
function settledMemory(): { heapUsed: number; arrayBuffers: number } {
  if (!collect) {
    setFlagsFromString('--expose-gc');
    collect = runInNewContext('gc') as () => void;
  }
  collect();
  const m = process.memoryUsage();
  return { heapUsed: m.heapUsed, arrayBuffers: m.arrayBuffers };
}

/**
 * Run the whole model (see wholeCommunity.ts) for `hours` simulated hours and sample its memory at the start
 * and every hour: state bytes and the heap after a full collection, and the length of its logs. Meant to
 * run alone in a fresh worker thread (see run.ts), so the heap is the run's.
 */
export function runLongRun(request: LongRunRequest): LongRunResult {
  const started = performance.now();
  const { scenario } = createWholeCommunity(request.agents);
  const loaded = loadScenarioObject(scenario);
  if (!loaded.ok) throw new Error(`the whole community of ${request.agents} is not a valid scenario:\n${describeErrors(loaded.errors)}`);
  const sim = createSimulation(loaded.scenario, { seed: request.seed, strategy: WHOLE_STRATEGY });
  const sample = (): LongRunSample => {
    const memory = settledMemory();
    const stateBytes = sim.memoryBytes();
    return {
      timeS: sim.timeS,
      stateBytes,
      stateBytesPerAgent: round(stateBytes / request.agents, 1),
      heapUsedMB: round(memory.heapUsed / 2 ** 20, 2),
      arrayBuffersMB: round(memory.arrayBuffers / 2 ** 20, 2),
      events: sim.events().length,
      trail: sim.trail().length,
      alerts: sim.alerts().length,
    };
  };
  const samples = [sample()];
  const ticksPerHour = Math.round(3600 / sim.tickS);
  for (let hour = 1; hour <= request.hours; hour++) {
    sim.step(ticksPerHour);
    samples.push(sample());
  }
  const first = samples[Math.min(1, samples.length - 1)];
  const last = samples[samples.length - 1];
  const heap = (s: LongRunSample) => s.heapUsedMB + s.arrayBuffersMB;
  return {
    model: 'whole',
    agents: request.agents,
    simulatedS: sim.timeS,
    samples,
    stateGrowthAfterFirstHour: round(last.stateBytes / first.stateBytes - 1, 4),
    heapGrowthAfterFirstHour: round(heap(last) / heap(first) - 1, 4),
    wallS: round((performance.now() - started) / 1000, 1),
  };
}

/** The long run as lines of the bench's text report. */
export function formatLongRun(r: LongRunResult): string[] {
  const lines = [
    '',
    `Long run: the whole model at ${r.agents.toLocaleString('en')} residents for ${r.simulatedS / 3600} simulated hours (${r.wallS} s); memory after a full garbage collection`,
    '  time      state bytes/agent   JS heap used   array buffers   events   trail   alerts',
  ];
  for (const s of r.samples) {
    lines.push(
      `  ${`${(s.timeS / 3600).toFixed(0)} h`.padEnd(9)} ${s.stateBytesPerAgent.toFixed(1).padStart(17)}   ${`${s.heapUsedMB.toFixed(1)} MB`.padStart(12)}   ${`${s.arrayBuffersMB.toFixed(1)} MB`.padStart(13)}   ${String(s.events).padStart(6)}   ${String(s.trail).padStart(5)}   ${String(s.alerts).padStart(6)}`,
    );
  }
  const pct = (v: number) => `${v >= 0 ? '+' : ''}${(v * 100).toFixed(1)}%`;
  lines.push(`  from 1 h to the end: state ${pct(r.stateGrowthAfterFirstHour)}, heap and buffers ${pct(r.heapGrowthAfterFirstHour)}`);
  return lines;
}

function round(v: number, digits: number): number {
  return Number(v.toFixed(digits));
}
