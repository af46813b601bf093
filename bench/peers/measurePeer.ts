import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { MeasureRequest, MeasureResult } from '../measureRun';
import { createAgentscriptModel } from './agentscriptModel';
import { createBaselineModel, type PeerModel } from './baselineObjects';
import { peerEvacuationInput } from './evacuationInput';
import { isPeerModel, PEER_MODELS } from './peerModels';

/** Ticks between samples of who is walking during the timed ticks (not timed), as for our models. */
const SAMPLE_EVERY_TICKS = 20;

/**
 * Time a peer model like `measureRun` times ours: build the same evacuation (untimed), warm up, then time
 * `timedTicks` ticks. Bytes per agent is the growth of the JS heap plus array buffers from just before the
 * model is built to the end of the timed ticks, each after a full garbage collection: the peers keep their
 * state in ordinary objects, so this is their state memory. Meant to run alone in a fresh worker thread.
 */
export async function measurePeer(request: MeasureRequest): Promise<MeasureResult> {
  const { model: name, agents, warmupTicks, timedTicks, seed } = request;
  if (!isPeerModel(name)) throw new Error(`measurePeer: "${name}" is not a peer model; use one of ${PEER_MODELS.join(', ')}`);
  const setupStart = performance.now();
  const input = peerEvacuationInput(agents, seed);
  const heapBefore = settledHeapBytes();
  const model: PeerModel = name === 'agentscript' ? await createAgentscriptModel(input) : createBaselineModel(input);
  const setupMs = performance.now() - setupStart;
  let rss = process.memoryUsage().rss;

  const warmupStart = performance.now();
  for (let t = 0; t < warmupTicks; t++) model.step();
  const warmupMs = performance.now() - warmupStart;

  const movingStart = model.movingCount();
  let movingSum = movingStart;
  let samples = 1;
  let elapsedMs = 0;
  let cpuUs = 0;
  for (let done = 0; done < timedTicks; ) {
    const n = Math.min(SAMPLE_EVERY_TICKS, timedTicks - done);
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    for (let t = 0; t < n; t++) model.step();
    elapsedMs += performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    cpuUs += cpu.user + cpu.system;
    done += n;
    movingSum += model.movingCount();
    samples++;
  }
  rss = Math.max(rss, process.memoryUsage().rss);
  const bytes = settledHeapBytes() - heapBefore;
  const memory = process.memoryUsage();
  return {
    model: name,
    agents,
    layout: input.layout,
    gridCells: input.width * input.height,
    tickS: input.tickS,
    setupMs,
    warmupMs,
    ticksPerS: (timedTicks * 1000) / elapsedMs,
    msPerTick: elapsedMs / timedTicks,
    cpuMsPerTick: cpuUs / 1000 / timedTicks,
    bytesPerAgent: bytes / agents,
    bytesPerAgentByPart: { heap: Math.round((bytes / agents) * 10) / 10 },
    timedFromS: warmupTicks * input.tickS,
    timedToS: (warmupTicks + timedTicks) * input.tickS,
    firstOfficialWarningS: null,
    movingShareStart: movingStart / agents,
    movingShareEnd: model.movingCount() / agents,
    movingShareMean: movingSum / samples / agents,
    informedShareStart: 0,
    informedShareEnd: 0,
    hazardShareStart: null,
    hazardShareEnd: null,
    rssMB: rss / 2 ** 20,
    heapMB: (memory.heapUsed + memory.arrayBuffers) / 2 ** 20,
  };
}

let collect: (() => void) | undefined;

/** Heap plus array buffers after a full garbage collection (the collector is exposed for this thread on first use). */
function settledHeapBytes(): number {
  if (!collect) {
    setFlagsFromString('--expose-gc');
    collect = runInNewContext('gc') as () => void;
  }
  collect();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}
