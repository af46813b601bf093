import { createSimulation, describeErrors, loadScenarioObject } from '../sim/index';
import { type CommunityLayout, createSyntheticCommunity } from './syntheticCommunity';

export interface MeasureRequest {
  agents: number;
  /** Ticks run before timing, so the kernel is optimised and everyone has left their doorstep. */
  warmupTicks: number;
  timedTicks: number;
  seed: number;
}

export interface MeasureResult {
  agents: number;
  layout: CommunityLayout;
  /** Building, validating and creating the run, ms. */
  setupMs: number;
  ticksPerS: number;
  msPerTick: number;
  /** sim.memoryBytes() per resident: per-agent and per-cell state. */
  bytesPerAgent: number;
  /** Share of residents walking when timing starts and when it ends. */
  movingShareStart: number;
  movingShareEnd: number;
  /** Resident set of the whole process while this run was the only one, MB. */
  rssMB: number;
  /** This thread's JS heap plus typed-array memory, MB. */
  heapMB: number;
}

/**
 * Time the evacuation model on a synthetic community: set up, warm up, then time a fixed number of ticks
 * while most residents are still walking. Meant to run alone in a fresh worker thread (see run.ts).
 */
export function measureRun(request: MeasureRequest): MeasureResult {
  const { agents, warmupTicks, timedTicks, seed } = request;
  const setupStart = performance.now();
  const { scenario, layout } = createSyntheticCommunity(agents);
  const loaded = loadScenarioObject(scenario);
  if (!loaded.ok) throw new Error(`the synthetic community of ${agents} is not a valid scenario:\n${describeErrors(loaded.errors)}`);
  const sim = createSimulation(loaded.scenario, { seed });
  const setupMs = performance.now() - setupStart;
  let rss = process.memoryUsage().rss;

  sim.step(warmupTicks);
  const movingStart = sim.metrics().moving;
  const start = performance.now();
  sim.step(timedTicks);
  const elapsedMs = performance.now() - start;
  const movingEnd = sim.metrics().moving;

  const memory = process.memoryUsage();
  rss = Math.max(rss, memory.rss);
  return {
    agents,
    layout,
    setupMs,
    ticksPerS: (timedTicks * 1000) / elapsedMs,
    msPerTick: elapsedMs / timedTicks,
    bytesPerAgent: sim.memoryBytes() / agents,
    movingShareStart: movingStart / agents,
    movingShareEnd: movingEnd / agents,
    rssMB: rss / 2 ** 20,
    heapMB: (memory.heapUsed + memory.arrayBuffers) / 2 ** 20,
  };
}
