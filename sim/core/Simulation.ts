import type { Residents } from '../agents/Residents';
import type { AlertRecord } from '../detection/DetectionState';
import type { TrailEntry } from '../governance/GovernanceState';
import type { GovernanceMetrics } from '../governance/metrics';
import type { InjectView } from '../injects/stepInjects';
// command-post knowledge: begin
import type { CommandPostKnowledge } from '../knowledge/commandPost';
// command-post knowledge: end
import type { ScenarioAction } from '../scenario/schema';
import type { HeatMaps } from '../systems/heat';
import type { RunSeries } from '../systems/series';
import type { VolunteerTeamStats } from '../volunteers/stats';
import type { MemoryShape } from './memory';

/** A live command: the same actions the timeline can hold, applied at the start of the next tick. */
export type Command = ScenarioAction;

/** One entry of the command log: the tick at whose start the command took effect. */
export interface LoggedCommand {
  tick: number;
  command: Command;
}

export interface SimulationOptions {
  /** Seed of the run's random number generators; any 32-bit integer. */
  seed: number;
  /** Id of a strategy of the scenario; default: the first strategy, or none. */
  strategy?: string;
  /**
   * Keep per-cell totals for review heat maps (`heat()`): a few arrays per cell and a byte and an integer per
   * resident. Off by default, so ordinary runs and benchmarks do not carry them. It does not change the run or its hash.
   */
  recordHeat?: boolean;
}

/** Resident states (small integers, stored in a Uint8Array). */
export const ResidentState = {
  /** Not yet ordered to move. */
  Idle: 0,
  /** Ordered; waiting out the pre-movement time. */
  Preparing: 1,
  /** Walking toward a safe place. */
  Moving: 2,
  /** Reached an exit or shelter. */
  Safe: 3,
  /** Decided to shelter in place: stays where it is. */
  Sheltering: 4,
  /** Decided to leave but cannot without help (bedridden with nobody able at home). */
  AwaitingHelp: 5,
  /** Killed by a hazard. */
  Deceased: 6,
} as const;
export type ResidentStateValue = (typeof ResidentState)[keyof typeof ResidentState];

/** Key figures of a run; times in simulated seconds, null when not reached yet. */
export interface Metrics extends GovernanceMetrics {
  residents: number;
  safe: number;
  moving: number;
  preparing: number;
  idle: number;
  safeShare: number;
  /** Seconds at which the first evacuation order was given. */
  firstOrderS: number | null;
  timeTo50PctSafeS: number | null;
  timeTo90PctSafeS: number | null;
  timeTo100PctSafeS: number | null;
  /** Safe share sampled every `simulation.metricsEveryS`: [timeS, share] pairs. */
  safeShareOverTime: [number, number][];
  /** People counted through each exit or shelter, by place id. */
  safeByPlace: Record<string, number>;
  /** Residents sheltering in place, and residents who want to leave but wait for help. */
  sheltering: number;
  awaitingHelp: number;
  /** First alert at the duty desk (sensor, resident report or patrol), s. */
  firstDetectionS: number | null;
  /** First alert about a real hazard, when the desk treated one as confirmed, and when it decided to warn, s. */
  firstRealDetectionS: number | null;
  confirmedS: number | null;
  decisionS: number | null;
  /** False alarms and residents' reports the desk received. */
  falseAlarms: number;
  residentReports: number;
  /** First official warning sent on a channel, s. */
  firstOfficialWarningS: number | null;
  /** Share of residents who heard a warning (official or from a neighbour). */
  informedShare: number;
  informedShareOverTime: [number, number][];
  /** Share of residents acting on a warning (leaving or sheltering as told). */
  compliedShare: number;
  /** Vulnerable residents (limited mobility or bedridden): all, reached by a warning or a volunteer, safe. */
  vulnerable: number;
  vulnerableReached: number;
  vulnerableSafe: number;
  /** Share of residents who heard the rumour. */
  rumourReach: number;
  /** Mean panic now and at its highest, and mean trust in official sources now, 0 to 1. */
  meanPanic: number;
  peakPanic: number;
  meanTrust: number;
  /** Residents injured and killed by hazards, and person-seconds spent in danger. */
  injured: number;
  deceased: number;
  exposurePersonS: number;
  /**
   * Figures over time for review charts, sampled every `simulation.metricsEveryS` (at most MAX_SERIES_SAMPLES:
   * past that, every other sample is dropped and the interval doubles).
   */
  series: RunSeries;
  /** Residents trapped by building damage, and those of them since freed (rescued). */
  trapped: number;
  rescued: number;
  /** Each hazard engine's figures by hazard id (fire cells and smoke, gas mass, flood volumes, epidemic counts). */
  hazards: Record<string, Record<string, number>>;
  /** Per volunteer team: households visited, residents reached and escorted. */
  volunteers: VolunteerTeamStats[];
}

/** A message for trainees raised by the timeline (inject text). */
export interface SimEvent {
  tick: number;
  timeS: number;
  kind: string;
  title: string;
  text?: string;
}

/**
 * The renderer's view of the world at one tick. Arrays are copies owned by the caller, so they can be
 * transferred to another thread.
 */
export interface Snapshot {
  tick: number;
  timeS: number;
  /** Resident positions in metres: x0, y0, x1, y1, ... */
  residentXY: Float32Array;
  residentState: Uint8Array;
  /** 1 for each resident who has heard a warning (official, from a neighbour or at the door), else 0. */
  residentHeard: Uint8Array;
  /** Volunteer positions in metres: x0, y0, ... */
  volunteerXY: Float32Array;
  /** VolunteerState of each volunteer. */
  volunteerState: Uint8Array;
  /** Cell kinds (see CellKind), row-major; changes when areas are blocked. */
  cells: Uint8Array;
  /** Hazard intensity per cell, 0 to 255, row-major; absent when the scenario has no hazards. */
  hazard?: Uint8Array;
  /** Increments whenever `cells` or exits change, so a renderer redraws the static layer only then. */
  geometryVersion: number;
  /** Ids of exits and shelters that are closed now. */
  closedPlaces: string[];
  metrics: Metrics;
  // injects: begin
  /** The scenario's injects: pending, fired or skipped, with due and fired times. */
  injects: InjectView[];
  // injects: end
}

/** A running simulation: pure, deterministic, advanced only by `step`. */
export interface Simulation {
  readonly tick: number;
  readonly timeS: number;
  readonly tickS: number;
  readonly seed: number;
  readonly strategy: string | null;
  /** Advance n ticks (default 1). */
  step(n?: number): void;
  /** Queue commands; they take effect at the start of the next tick and are logged. */
  apply(commands: readonly Command[]): void;
  snapshot(): Snapshot;
  /** Hex digest of the whole state; equal hashes mean equal runs. */
  hash(): string;
  metrics(): Metrics;
  /** Commands applied so far, in order. */
  commandLog(): readonly LoggedCommand[];
  /** Messages raised so far by the timeline and commands. */
  events(): readonly SimEvent[];
  /** The hazard engines of the run (fire, gas, flood) with their figures, and their value at a cell. */
  hazards(): readonly { id: string; kind: string; report(): Record<string, number>; valueAt(cell: number): number }[];
  /** Alerts the duty desk received, in order (sensors, residents' reports, patrols, false alarms). */
  alerts(): readonly AlertRecord[];
  /** The residents' arrays, read-only: for tests, analysis and review. Mutating them breaks determinism. */
  residents(): Readonly<Residents>;
  /** The accountability trail: every report, request, approval, decision and delivery with its time and author. */
  trail(): readonly TrailEntry[];
  // injects: begin
  /** The scenario's injects: pending, fired or skipped, with due and fired times (new objects each call; conditions read-only). */
  injects(): InjectView[];
  // injects: end
  // command-post knowledge: begin
  /**
   * What the community's command post knows now (alerts as received, reports, sensors' last state, needs
   * reported), built from what reached it, never from the true hazard field. The same object while nothing
   * changed (compare `version`); reading it does not change the run or its hash.
   */
  knowledge(): CommandPostKnowledge;
  // command-post knowledge: end
  /**
   * Heat maps so far (crowding, exposure, where residents were harmed, where they waited for help, unreached
   * households), as copies; null unless the run was created with `recordHeat`.
   */
  heat(): HeatMaps | null;
  /** Bytes held by per-agent and per-cell state: every typed array the run holds, scratch space included. */
  memoryBytes(): number;
  /** The same by part of the run (residents, grid, distance fields, hazard engines, volunteer tasks, ...). */
  memoryParts(): Record<string, number>;
  /** The same bytes by what the arrays are indexed by: agents, map cells, or other (lists, households, buildings). */
  memoryShape(): MemoryShape;
}
