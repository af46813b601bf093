import type { Residents, Volunteers } from '../agents/Residents';
import type { DetectionState } from '../detection/DetectionState';
import type { HazardRuntime } from '../detection/hazards';
import type { GovernanceState } from '../governance/GovernanceState';
import type { HazardLayer } from '../hazards/HazardLayer';
import type { HazardModule } from '../hazards/modules';
import type { InjectState } from '../injects/InjectState';
import type { Scenario, ScenarioAction, TimelineEvent } from '../scenario/schema';
import type { DistanceField } from '../space/distanceField';
import type { Grid } from '../space/Grid';
import type { MinHeap } from '../space/MinHeap';
import type { HarmState } from '../systems/exposure';
import type { HeatState } from '../systems/heat';
import type { OutageState } from '../systems/outages';
import type { SeriesState } from '../systems/series';
import type { WarningState } from '../warning/WarningState';
import type { LoggedCommand, SimEvent } from './Simulation';

/** What a distance-field slot leads to: every safe place, exits only, shelters only, or one place. */
export type FieldTarget = { kind: 'safe' } | { kind: 'exits' } | { kind: 'shelters' } | { kind: 'place'; place: number };

export interface FieldSlot {
  target: FieldTarget;
  key: string;
  field: DistanceField;
}

/** The whole mutable state of a run. Systems read and write it; nothing else does. */
export interface World {
  scenario: Scenario;
  grid: Grid;
  seed: number;
  strategy: string | null;
  tick: number;
  tickS: number;
  cellAreaM2: number;
  cellCapacity: number;
  /** Speed factor by a cell's head count (see speedFactorTable). */
  speedFactor: Float32Array;

  /** Cells an area block covers. A set, not a per-cell array: blocks are few and cells many. */
  blocked: Set<number>;
  /** 1 for each exit or shelter that is closed (by order, or because it is full). */
  placeClosed: Uint8Array;
  /** 1 where people can walk now: walkable kind, not blocked, not a closed exit or shelter. */
  passable: Uint8Array;
  /** Place index of an exit or shelter cell, else -1: stepping onto one means reaching safety. */
  gateOfCell: Int16Array;
  /** Row-major index offsets of the 8 neighbour directions (see DistanceField.next). */
  neighbourOffsets: Int32Array;
  geometryDirty: boolean;
  geometryVersion: number;
  fields: FieldSlot[];
  heap: MinHeap;

  /** Head count per cell of residents who are not yet safe. */
  occupancy: Uint16Array;
  /** Door tokens per place: how many more people may pass now (a token bucket refilled each tick). */
  gateTokens: Float64Array;
  gateRefill: Float64Array;
  gateBurst: Float64Array;
  /** People inside each shelter, and each shelter's capacity (Infinity when unlimited). */
  shelterCount: Int32Array;
  shelterCapacity: Float64Array;
  safeByPlace: Int32Array;

  residents: Residents;
  volunteers: Volunteers;
  counts: { idle: number; preparing: number; moving: number; safe: number; sheltering: number; awaitingHelp: number; deceased: number };
  firstOrderS: number;
  safeThresholdS: [number, number, number];
  safeShareOverTime: [number, number][];
  metricsEveryTicks: number;
  /** Figures sampled over time for review charts (bounded, see MAX_SERIES_SAMPLES). */
  series: SeriesState;
  /** Per-cell totals for review heat maps; null unless the run was created with recordHeat. */
  heat: HeatState | null;

  /** Timeline of scenario and strategy merged, sorted by time; `nextEvent` is the first not yet fired. */
  timeline: TimelineEvent[];
  nextEvent: number;
  /** Actions the run itself scheduled (the warning plan, repeats, updates), by tick, in order. */
  scheduled: { tick: number; action: ScenarioAction }[];
  pending: LoggedCommand['command'][];
  warning: WarningState;
  /** Hazard intensity per cell, 0 to 1, as sensors and people perceive it; written by the hazard modules. */
  hazardIntensity: Float32Array;
  /** Cue bits (Cue) per cell: what kind of hazard is there to see. */
  hazardCue: Uint8Array;
  hazards: HazardRuntime[];
  detection: DetectionState;
  /** Fire and gas engines (area hazards are in `hazards`). */
  hazardModules: HazardModule[];
  /** Each engine's own view of the cells, combined into the hazard fields by publishCell. */
  hazardLayers: HazardLayer[];
  /** 1 where a hazard makes a cell impassable (burning, deep water); empty without fire or flood hazards. */
  hazardBlocked: Uint8Array;
  /** Walking speed factor per cell in 1/255 (shallow water slows); empty without a flood. */
  walkFactor: Uint8Array;
  /** Extra route cost per cell for strategies that avoid hazards; null otherwise. */
  avoidPenalty: Float32Array | null;
  /** Hazards changed what is passable since the last reroute; routes are rebuilt at most every REROUTE_EVERY_S. */
  hazardRerouteDue: boolean;
  nextRerouteTick: number;
  harm: HarmState;
  /** Power and telecom outages and the cells without service. */
  outages: OutageState;
  /** Organisations, authority, reports and logistics; null when the scenario has none. */
  governance: GovernanceState | null;
  commandLog: LoggedCommand[];
  events: SimEvent[];
  // injects: begin
  /** The scenario's injects and what became of them. */
  injects: InjectState;
  // injects: end
}
