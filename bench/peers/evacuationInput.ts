import { speedFactorTable } from '../../sim/agents/speedDensity';
import { createSimulation, DEFAULT_SPECIFIC_FLOW_PPMS, describeErrors, loadScenarioObject } from '../../sim/index';
import { isWalkableKind } from '../../sim/space/CellKind';
import { computeDistanceField, createDistanceField, NEIGHBOUR_DX, NEIGHBOUR_DY, NO_STEP } from '../../sim/space/distanceField';
import { buildGrid, openingWidthM } from '../../sim/space/Grid';
import { type CommunityLayout, createSyntheticCommunity } from '../syntheticCommunity';

/**
 * The evacuation model's starting point, handed to the peer implementations (the per-object baseline and
 * the agentscript model) so that all three step the same people on the same map: the synthetic community
 * of `createSyntheticCommunity`, everyone walking from 0 s to the nearest exit. Taken from our engine's setup
 * (map, placement and speeds drawn from the seed, the distance field to every exit); only setup, never timed.
 * The peers copy what they need into their own structures.
 */
export interface PeerEvacuationInput {
  agents: number;
  layout: CommunityLayout;
  width: number;
  height: number;
  cellSizeM: number;
  tickS: number;
  /** 1 where people can stand (exits included). */
  passable: Uint8Array;
  /** Exit index of a cell, or -1. */
  gateOfCell: Int16Array;
  /** Door flow of each exit, persons per second (the engine's default: 1.3 per metre of opening). */
  gateFlowPps: Float64Array;
  /** Next cell on a shortest path to the nearest exit, -1 at exits and where none is reachable; and the walking distance, m. */
  nextCell: Int32Array;
  distanceM: Float32Array;
  /** Most people a cell holds, and the speed factor by the head count of the cell ahead (Weidmann). */
  capacity: number;
  speedFactor: Float32Array;
  /** Residents' start positions (m) and free walking speeds (m/s). */
  x: Float32Array;
  y: Float32Array;
  speedMps: Float32Array;
}

/**
 * The evacuation model of `agents` residents with seed `seed`, as the peers see it.
 * @example const input = peerEvacuationInput(10_000, 1); createBaselineModel(input).step()
 */
export function peerEvacuationInput(agents: number, seed: number): PeerEvacuationInput {
  const { scenario: input, layout } = createSyntheticCommunity(agents);
  const loaded = loadScenarioObject(input);
  if (!loaded.ok) throw new Error(`the synthetic community of ${agents} is not a valid scenario:\n${describeErrors(loaded.errors)}`);
  const scenario = loaded.scenario;
  const grid = buildGrid(scenario);
  const { width, height, cellSizeM } = grid;
  const cells = width * height;
  const passable = new Uint8Array(cells);
  for (let c = 0; c < cells; c++) passable[c] = isWalkableKind(grid.baseKinds[c]) ? 1 : 0;
  const exits = grid.places.filter((p) => p.kind === 'exit');
  const gateOfCell = new Int16Array(cells).fill(-1);
  const gateFlowPps = new Float64Array(exits.length);
  const goals: number[] = [];
  exits.forEach((exit, g) => {
    gateFlowPps[g] = (exit.place.kind === 'exit' ? exit.place.flowCapacityPps : undefined) ?? DEFAULT_SPECIFIC_FLOW_PPMS * openingWidthM(grid, exit);
    for (const c of exit.cells) {
      gateOfCell[c] = g;
      goals.push(c);
    }
  });
  const field = createDistanceField(cells);
  computeDistanceField(width, height, cellSizeM, passable, goals, field);
  const nextCell = new Int32Array(cells);
  for (let c = 0; c < cells; c++) {
    const k = field.next[c];
    nextCell[c] = k === NO_STEP ? -1 : c + NEIGHBOUR_DY[k] * width + NEIGHBOUR_DX[k];
  }
  const residents = createSimulation(scenario, { seed }).residents();
  const cellAreaM2 = cellSizeM * cellSizeM;
  const speedFactor = speedFactorTable(cellAreaM2);
  return {
    agents,
    layout,
    width,
    height,
    cellSizeM,
    tickS: scenario.simulation.tickS,
    passable,
    gateOfCell,
    gateFlowPps,
    nextCell,
    distanceM: field.distanceM,
    capacity: speedFactor.length - 1,
    speedFactor,
    x: residents.x.slice(),
    y: residents.y.slice(),
    speedMps: residents.speedMps.slice(),
  };
}

/** Offsets of the 8 neighbours, for the peers' detours (the engine's order). */
export const PEER_NEIGHBOUR_DX: readonly number[] = [...NEIGHBOUR_DX];
export const PEER_NEIGHBOUR_DY: readonly number[] = [...NEIGHBOUR_DY];
