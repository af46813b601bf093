import type { MemoryShape } from '../sim/core/memory';
import { createSimulation, describeErrors, loadScenarioObject, type ScenarioInput, type Simulation } from '../sim/index';
import { createHazardCommunity, HAZARD_MODELS, HAZARD_TICK_S, type HazardLayout, type HazardModel } from './hazardCommunity';
import { PEER_MODELS } from './peers/peerModels';
import { type CommunityLayout, createSyntheticCommunity } from './syntheticCommunity';
import { createWarningCommunity, WARNING_STRATEGY } from './warningCommunity';
import { createWholeCommunity, WHOLE_STRATEGY } from './wholeCommunity';

/**
 * The models the benchmark times. "evacuation": everyone is ordered out at 0 s and walks. "baseline-objects"
 * and "agentscript": the same evacuation written the usual way (an object per resident, a Map for the grid)
 * and in the agentscript framework, for comparison (see peers/). "warning": the same community at night
 * with a hazard, sensors, a duty desk, three channels, a rumour and volunteers; people leave only when
 * warned (see warningCommunity.ts). "whole": the warning model with a spreading fire, a patrol and
 * organisations besides (see wholeCommunity.ts). "hazard-fire", "hazard-gas", "hazard-flood" and "hazard-combined": a town of
 * 512 × 512 cells with that hazard engine (or all three) spreading, timed once the hazard covers a sizeable
 * area, while everyone walks out (see hazardCommunity.ts).
 */
export const BENCH_MODELS = ['evacuation', ...PEER_MODELS, 'warning', 'whole', ...HAZARD_MODELS] as const;
export type BenchModel = (typeof BENCH_MODELS)[number];

/** Whether a model waits for the first official warning before its warm-up (people leave only when warned). */
export function isWarnedModel(model: BenchModel): model is 'warning' | 'whole' {
  return model === 'warning' || model === 'whole';
}

/** Whether a model is one of the hazard models. */
export function isHazardModel(model: BenchModel): model is HazardModel {
  return (HAZARD_MODELS as readonly string[]).includes(model);
}

export interface MeasureRequest {
  model: BenchModel;
  agents: number;
  /**
   * Ticks run before timing, so the kernel is optimised and the run is in its interesting phase: from the
   * start for "evacuation" (everyone has left their doorstep), from the first official warning for
   * "warning" and "whole" (warnings are going out and households are on their way).
   */
  warmupTicks: number;
  timedTicks: number;
  seed: number;
  /** Hazard models: cells per side of the map (default 512; tests use small maps). */
  sideCells?: number;
}

export interface MeasureResult {
  model: BenchModel;
  agents: number;
  layout: CommunityLayout | HazardLayout;
  /** Cells of the map. */
  gridCells: number;
  /** Simulated seconds per tick. */
  tickS: number;
  /** Building, validating and creating the run, ms. */
  setupMs: number;
  /** Wall time of the warm-up, ms (not timed). */
  warmupMs: number;
  ticksPerS: number;
  msPerTick: number;
  /**
   * CPU time of the process per timed tick, ms (the worker does the work; the main thread waits). On a
   * machine shared with other work this is the steadier measure of the code's cost: wall time also counts
   * the waits for a free core.
   */
  cpuMsPerTick: number;
  /** sim.memoryBytes() per resident: per-agent and per-cell state, at the end of the timed ticks. */
  bytesPerAgent: number;
  /** The same by part of the run (sim.memoryParts()), bytes per resident; parts with none left out. */
  bytesPerAgentByPart?: Record<string, number>;
  /** The same bytes by what they are indexed by (sim.memoryShape()): see MemoryByIndex. */
  memoryByIndex?: MemoryByIndex;
  /** Simulated time when timing started and ended, s. */
  timedFromS: number;
  timedToS: number;
  /** First official warning, s; null for the evacuation model, which has none. */
  firstOfficialWarningS: number | null;
  /** Share of residents walking when timing starts and when it ends, and on average over the timed ticks. */
  movingShareStart: number;
  movingShareEnd: number;
  movingShareMean: number;
  /** Share of residents who had heard a warning when timing starts and when it ends. */
  informedShareStart: number;
  informedShareEnd: number;
  /**
   * Hazard models: share of the map's cells where a hazard is perceived (intensity above 0: flames, smoke,
   * gas or water) when timing starts and when it ends; null for the other models.
   */
  hazardShareStart: number | null;
  hazardShareEnd: number | null;
  /** Resident set of the whole process while this run was the only one, MB. */
  rssMB: number;
  /** This thread's JS heap plus typed-array memory, MB. */
  heapMB: number;
}

/** The warning model gives up when no official warning has gone out by then (simulated s): the scenario is broken. */
const MAX_WAIT_FOR_WARNING_S = 1800;
/** Ticks between samples of who is walking during the timed ticks; sampling is not timed. */
const SAMPLE_EVERY_TICKS = 20;

/**
 * The scenario of a model at a size, with the strategy to run (validated by measureRun and the tests). Hazard
 * models order everyone out when the warm-up ends (`warmupTicks`), so the timed ticks hold people walking.
 */
export function benchScenario(
  model: BenchModel,
  agents: number,
  request: Pick<MeasureRequest, 'warmupTicks' | 'sideCells'> = { warmupTicks: 0 },
): { scenario: ScenarioInput; layout: CommunityLayout | HazardLayout; strategy?: string } {
  if (model === 'warning') return { ...createWarningCommunity(agents), strategy: WARNING_STRATEGY };
  if (model === 'whole') return { ...createWholeCommunity(agents), strategy: WHOLE_STRATEGY };
  if (isHazardModel(model)) return createHazardCommunity(model, agents, { sideCells: request.sideCells, evacuateAtS: request.warmupTicks * HAZARD_TICK_S });
  return createSyntheticCommunity(agents);
}

/**
 * Time a model on a synthetic community: set up, warm up (not timed), then time a fixed number of ticks
 * in the phase where most of the work happens. Meant to run alone in a fresh worker thread (see run.ts).
 */
export function measureRun(request: MeasureRequest): MeasureResult {
  const { model, agents, warmupTicks, timedTicks, seed } = request;
  const setupStart = performance.now();
  const { scenario, layout, strategy } = benchScenario(model, agents, request);
  const loaded = loadScenarioObject(scenario);
  if (!loaded.ok) throw new Error(`the synthetic ${model} community of ${agents} is not a valid scenario:\n${describeErrors(loaded.errors)}`);
  const sim = createSimulation(loaded.scenario, { seed, strategy });
  const setupMs = performance.now() - setupStart;
  let rss = process.memoryUsage().rss;

  const warmupStart = performance.now();
  const firstOfficialWarningS = isWarnedModel(model) ? stepToFirstWarning(sim) : null;
  sim.step(warmupTicks);
  const warmupMs = performance.now() - warmupStart;

  const timedFromS = sim.timeS;
  const hazard = isHazardModel(model);
  const hazardShareStart = hazard ? hazardShare(sim) : null;
  const start = sim.metrics();
  let movingSum = start.moving;
  let samples = 1;
  let elapsedMs = 0;
  let cpuUs = 0;
  for (let done = 0; done < timedTicks; ) {
    const n = Math.min(SAMPLE_EVERY_TICKS, timedTicks - done);
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    sim.step(n);
    elapsedMs += performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    cpuUs += cpu.user + cpu.system;
    done += n;
    // metrics() scans every resident: outside the timed part.
    movingSum += sim.metrics().moving;
    samples++;
  }
  const end = sim.metrics();
  const hazardShareEnd = hazard ? hazardShare(sim) : null;
  const gridCells = loaded.scenario.map.rows.length * loaded.scenario.map.rows[0].length;

  const memory = process.memoryUsage();
  rss = Math.max(rss, memory.rss);
  return {
    model,
    agents,
    layout,
    gridCells,
    tickS: sim.tickS,
    setupMs,
    warmupMs,
    ticksPerS: (timedTicks * 1000) / elapsedMs,
    msPerTick: elapsedMs / timedTicks,
    cpuMsPerTick: cpuUs / 1000 / timedTicks,
    bytesPerAgent: sim.memoryBytes() / agents,
    bytesPerAgentByPart: perAgent(sim.memoryParts(), agents),
    memoryByIndex: memoryByIndex(sim.memoryShape()),
    timedFromS,
    timedToS: sim.timeS,
    firstOfficialWarningS,
    movingShareStart: start.moving / agents,
    movingShareEnd: end.moving / agents,
    movingShareMean: movingSum / samples / agents,
    informedShareStart: start.informedShare,
    informedShareEnd: end.informedShare,
    hazardShareStart,
    hazardShareEnd,
    rssMB: rss / 2 ** 20,
    heapMB: (memory.heapUsed + memory.arrayBuffers) / 2 ** 20,
  };
}

/**
 * Step until the tick in which the first official warning went out (a "warn" event) and return its time,
 * s. Watches the event list rather than the metrics, which scan every resident.
 */
function stepToFirstWarning(sim: Simulation): number {
  let seen = 0;
  while (sim.timeS < MAX_WAIT_FOR_WARNING_S) {
    sim.step(1);
    const events = sim.events();
    for (; seen < events.length; seen++) if (events[seen].kind === 'warn') return events[seen].timeS;
  }
  throw new Error(`no official warning went out in the first ${MAX_WAIT_FOR_WARNING_S} simulated seconds`);
}

/** Bytes per resident of each part that holds any, to 0.1 byte. */
/**
 * State memory split by what it grows with: bytes per resident of the arrays indexed by agent, bytes per map
 * cell of the arrays indexed by cell, and the map's cells per resident, so that bytes/agent = agent + cell ×
 * cellsPerResident + other.
 */
export interface MemoryByIndex {
  agentBytesPerAgent: number;
  bytesPerCell: number;
  cellsPerResident: number;
  /** Lists (hazard fronts, event logs), per household and per building, bytes per resident. */
  otherBytesPerAgent: number;
}

function memoryByIndex(shape: MemoryShape): MemoryByIndex {
  const r1 = (v: number) => Math.round(v * 10) / 10;
  const residents = Math.max(1, shape.residents);
  return {
    agentBytesPerAgent: r1(shape.agentBytes / residents),
    bytesPerCell: r1(shape.cellBytes / Math.max(1, shape.cells)),
    cellsPerResident: Math.round((shape.cells / residents) * 100) / 100,
    otherBytesPerAgent: r1(shape.otherBytes / residents),
  };
}

export function perAgent(parts: Record<string, number>, agents: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [name, bytes] of Object.entries(parts)) if (bytes > 0) out[name] = Math.round((bytes / agents) * 10) / 10;
  return out;
}

/** Share of the map's cells where a hazard is perceived now (the snapshot's hazard layer above 0). Not timed. */
function hazardShare(sim: Simulation): number {
  const layer = sim.snapshot().hazard;
  if (!layer) return 0;
  let covered = 0;
  for (let c = 0; c < layer.length; c++) if (layer[c] > 0) covered++;
  return covered / layer.length;
}
