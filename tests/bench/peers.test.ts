import { describe, expect, it } from 'vitest';
import { createAgentscriptModel } from '../../bench/peers/agentscriptModel';
import { createBaselineModel, type PeerModel } from '../../bench/peers/baselineObjects';
import { type PeerEvacuationInput, peerEvacuationInput } from '../../bench/peers/evacuationInput';
import { createSyntheticCommunity } from '../../bench/syntheticCommunity';
import { createSimulation, loadScenarioObject } from '../../sim/index';

const AGENTS = 1000;
const SEED = 1;
const SHARES = [0.5, 0.9, 1] as const;
const MAX_TICKS = 4000;

/** Seconds until half, 90% and all residents are out, stepping a peer model. */
function peerSafeTimes(model: PeerModel, tickS: number): number[] {
  const times: number[] = [];
  while (times.length < SHARES.length && model.ticks < MAX_TICKS) {
    model.step();
    while (times.length < SHARES.length && model.safeCount() >= Math.ceil(SHARES[times.length] * AGENTS)) times.push(model.ticks * tickS);
  }
  return times;
}

/** The same times from our engine on the same community and seed. */
function engineSafeTimes(): number[] {
  const loaded = loadScenarioObject(createSyntheticCommunity(AGENTS).scenario);
  if (!loaded.ok) throw new Error('the synthetic community is not a valid scenario');
  const sim = createSimulation(loaded.scenario, { seed: SEED });
  while (sim.metrics().timeTo100PctSafeS === null && sim.tick < MAX_TICKS) sim.step(20);
  const m = sim.metrics();
  return [m.timeTo50PctSafeS ?? Infinity, m.timeTo90PctSafeS ?? Infinity, m.timeTo100PctSafeS ?? Infinity];
}

/**
 * Nobody can be out before the farthest walker has walked its route at its free speed, nor before the doors
 * have let everyone through at their flow: a bound from the map and the speeds alone.
 */
function lowerBoundS(input: PeerEvacuationInput): number {
  let walkS = 0;
  for (let i = 0; i < input.agents; i++) {
    const cell = Math.floor(input.y[i] / input.cellSizeM) * input.width + Math.floor(input.x[i] / input.cellSizeM);
    walkS = Math.max(walkS, input.distanceM[cell] / input.speedMps[i]);
  }
  const flowPps = input.gateFlowPps.reduce((sum, f) => sum + f, 0);
  return Math.max(walkS, input.agents / flowPps);
}

describe('benchmark peers: the evacuation model written the usual way and in agentscript', () => {
  const input = peerEvacuationInput(AGENTS, SEED);
  const engine = engineSafeTimes();

  it('hands both peers the same start: one route per cell to the nearest of the 12 gates, everyone inside', () => {
    expect(input.gateFlowPps).toHaveLength(12);
    // Gates are 3 cells of 1 m: 1.3 persons per metre per second each.
    for (const flow of input.gateFlowPps) expect(flow).toBeCloseTo(3.9, 9);
    for (let i = 0; i < AGENTS; i++) {
      const cell = Math.floor(input.y[i]) * input.width + Math.floor(input.x[i]);
      expect(input.nextCell[cell]).toBeGreaterThanOrEqual(0);
    }
    expect(lowerBoundS(input)).toBeGreaterThan(30);
  });

  it('baseline-objects walks everyone out, agreeing with our engine within a tick', () => {
    const model = createBaselineModel(input);
    expect(model.movingCount()).toBe(AGENTS);
    const times = peerSafeTimes(model, input.tickS);
    expect(model.safeCount()).toBe(AGENTS);
    expect(model.movingCount()).toBe(0);
    expect(times[2]).toBeGreaterThan(lowerBoundS(input));
    // The same rules step for step; only the arithmetic differs (Float64 positions here, Float32 in the
    // engine), which can move a walker over a cell edge one tick earlier or later.
    for (let k = 0; k < SHARES.length; k++) expect(Math.abs(times[k] - engine[k])).toBeLessThanOrEqual(input.tickS);
  });

  it('agentscript walks everyone out, agreeing with our engine within 5% or 1 s', async () => {
    const model = await createAgentscriptModel(input);
    expect(model.movingCount()).toBe(AGENTS);
    const times = peerSafeTimes(model, input.tickS);
    expect(model.safeCount()).toBe(AGENTS);
    expect(model.movingCount()).toBe(0);
    expect(times[2]).toBeGreaterThan(lowerBoundS(input));
    // Turtles walk by heading (atan2, then cos and sin) in patch units, so positions drift by rounding from
    // the engine's; a walker entering a full cell or a busy door a tick apart changes the queue order. The
    // door flows set the pace, so the times agree within a few ticks: 5%, or 1 s for the early ones.
    for (let k = 0; k < SHARES.length; k++) expect(Math.abs(times[k] - engine[k])).toBeLessThanOrEqual(Math.max(1, 0.05 * engine[k]));
  });
});
