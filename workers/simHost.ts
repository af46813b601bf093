import * as Comlink from 'comlink';
import { validateCommand } from '../sim/core/commands';
import {
  type Command,
  CommandError,
  type CommandPostKnowledge,
  createSimulation,
  loadScenarioText,
  type Metrics,
  type Scenario,
  type ScenarioError,
  type SimEvent,
  type Simulation,
  type Snapshot,
  type TrailEntry,
} from '../sim/index';
import { buildGrid, type Grid } from '../sim/space/Grid';
import { createMapSender, frameTransfers } from './frameParts';
import { createPacer, type PacedRun } from './pacer';
import { type ReplayEntry, type ReplayResult, replayCommands } from './replayCommands';

/**
 * What the host publishes after each paced batch of ticks. Arrays are transferred, not copied; `cells` only
 * comes with the first frame of a run and when the geometry changed since the previous frame, and `hazard`
 * (in scenarios with hazards) with the first frame and when the hazard field changed.
 */
export interface Frame extends Omit<Snapshot, 'cells' | 'hazard'> {
  cells?: Uint8Array;
  hazard?: Uint8Array;
  /** Number of the run this frame belongs to (see LoadReply): frames and replies travel on different ports. */
  run: number;
  playing: boolean;
  speed: number;
  /** Events raised since the previous frame. */
  newEvents: SimEvent[];
  // command-post knowledge and governance panel: begin
  /** What the command post knows, with the first frame of a run and whenever it changed (its `version` grew). */
  knowledge?: CommandPostKnowledge;
  /** Accountability-trail lines added since the previous frame (absent when none). */
  newTrail?: TrailEntry[];
  // command-post knowledge and governance panel: end
}

/** Summary of a loaded scenario for the UI. */
export interface LoadedInfo {
  id: string;
  title: string;
  width: number;
  height: number;
  cellSizeM: number;
  tickS: number;
  strategies: { id: string; name: string }[];
  strategy: string | null;
  seed: number;
  /** Every place; exits and shelters also list their cells (row-major indexes), to draw and label them. */
  places: { id: string; kind: string; name?: string; cells?: number[] }[];
  /** Sensors of the scenario, at the centre of their cell in metres. */
  sensors: { id: string; kind: string; name?: string; xM: number; yM: number; coverageM: number }[];
  /** False when the strategy runs without the scenario's sensors (levers.sensors). */
  sensorsInstalled: boolean;
  /** Hazards the scenario defines (each drawn into the hazard layer once it starts). */
  hazardCount: number;
  /** Volunteer teams in scenario order, as metrics.volunteers lists them. */
  volunteerTeams: { id: string; name?: string }[];
  /** Warning channels, for commands that send on one. */
  channels: { id: string; kind: string; name?: string }[];
  /** Whether the scenario models detection and warning (hazards, sensors, channels or volunteers). */
  warningPhase: boolean;
  // injects: begin
  /** Hazards and outages, for the facilitator's live injects. */
  hazards: { id: string; kind: string; name?: string }[];
  outages: { id: string; kind: string; name?: string }[];
  /** Organisations and the outside units they can send, for governance commands and approvals. */
  organisations: { id: string; name?: string }[];
  supportUnits: { id: string; kind: string; owner: string; name?: string }[];
  /** Whether the governance section stores supplies that can be released. */
  hasStores: boolean;
  // injects: end
}

/** `run` is the number of the run now current: it grows by one with each successful load. */
export type LoadReply = { ok: true; info: LoadedInfo; run: number } | { ok: false; errors: ScenarioError[]; run: number };
export type ApplyReply = { ok: true } | { ok: false; error: string };
/** `tick`: the tick at whose start commands applied now take effect. */
export type HoldReply = { ok: true; tick: number } | { ok: false; error: string };

/**
 * The simulation host: owns one run, paces it in real time (play, pause, speed) and publishes frames.
 * Used by the browser worker and the Node worker alike; it holds no simulation logic of its own.
 */
export function createSimHost() {
  let sim: Simulation | null = null;
  let scenario: Scenario | null = null;
  let grid: Grid | null = null;
  /** Held for a drill's command: time stands still until it is applied or released (see `hold`). */
  let held = false;
  let eventsSent = 0;
  let run = 0;
  /** The hazard layer as last sent, to send it again only when it changed; null at the start of a run. */
  const mapSender = createMapSender();
  let listener: ((frame: Frame) => void) | null = null;
  // command-post knowledge and governance panel: begin
  let sentKnowledge = -1;
  let trailSent = 0;
  // command-post knowledge and governance panel: end

  function current(): Simulation {
    if (!sim) throw new Error('no scenario loaded');
    return sim;
  }

  function publish(): void {
    if (!sim || !listener) return;
    const events = sim.events();
    const frame: Frame = {
      ...mapSender.trim(sim.snapshot()),
      run,
      playing: pacer.playing,
      speed: pacer.speed,
      newEvents: events.slice(eventsSent),
    };
    eventsSent = events.length;
    // command-post knowledge and governance panel: begin
    const knowledge = sim.knowledge();
    if (knowledge.version !== sentKnowledge) {
      // Copied by the structured clone, not transferred: the run keeps its cached view.
      frame.knowledge = knowledge;
      sentKnowledge = knowledge.version;
    }
    const trail = sim.trail();
    if (trail.length > trailSent) frame.newTrail = trail.slice(trailSent);
    trailSent = trail.length;
    // command-post knowledge and governance panel: end
    const transfers = frameTransfers(frame);
    listener(Comlink.transfer(frame, transfers));
  }

  // One tick per call, so a drill's command waits at most one tick beyond the step budget.
  const pacer = createPacer({
    run: () => (sim ? pacedRun(sim) : null),
    held: () => held,
    // Nothing moves between ticks: a frame only when time advanced (at x1 with half-second ticks, 2 a second, not 30).
    onFrame: (advanced) => {
      if (advanced) publish();
    },
  });

  const api = {
    /** Load a scenario file's text and create a run; errors come back as data, never thrown. */
    load(text: string, options: { seed?: number; strategy?: string } = {}): LoadReply {
      const result = loadScenarioText(text);
      if (!result.ok) return { ...result, run };
      const loaded = result.scenario;
      if (options.strategy !== undefined && !loaded.strategies.some((s) => s.id === options.strategy)) {
        return {
          ok: false,
          run,
          errors: [
            { path: 'strategies', message: `no strategy "${options.strategy}"`, hint: `choose one of: ${loaded.strategies.map((s) => s.id).join(', ')}` },
          ],
        };
      }
      pacer.stop();
      held = false;
      scenario = loaded;
      grid = buildGrid(loaded);
      sim = createSimulation(loaded, { seed: options.seed ?? 1, strategy: options.strategy });
      run++;
      eventsSent = 0;
      // command-post knowledge and governance panel: begin
      sentKnowledge = -1;
      trailSent = 0;
      // command-post knowledge and governance panel: end
      mapSender.reset();
      pacer.resetDebt();
      publish();
      return { ok: true, run, info: describeRun(loaded, grid, sim) };
    },
    /** Receive frames; pass a Comlink.proxy from another thread. */
    subscribe(callback: (frame: Frame) => void): void {
      listener = callback;
      publish();
    },
    play(): void {
      pacer.play();
    },
    pause(): void {
      pacer.stop();
      publish();
    },
    /** Simulated seconds per real second, 0.25 to 64. */
    setSpeed(multiple: number): void {
      pacer.speed = Math.min(64, Math.max(0.25, multiple));
      publish();
    },
    /** Advance n ticks now, whether playing or not, and publish. */
    step(n = 1): void {
      current().step(n);
      publish();
    },
    /** Advance until simulated time `timeS` (for headless use and tests). */
    runUntil(timeS: number): void {
      const s = current();
      const ticks = Math.max(0, Math.round((timeS - s.timeS) / s.tickS));
      s.step(ticks);
      publish();
    },
    /**
     * A drill's command is recorded before it is applied: check `commands` and stop time until `apply`
     * (with the tick returned here) or `release`, so the record names the tick they take effect at.
     */
    hold(commands: Command[]): HoldReply {
      const s = current();
      try {
        for (const command of commands) validateCommand(scenario as Scenario, grid as Grid, command);
      } catch (error) {
        if (error instanceof CommandError) return { ok: false, error: error.message };
        throw error;
      }
      held = true;
      return { ok: true, tick: s.tick };
    },
    release(): void {
      held = false;
    },
    /** Queue commands for the next tick; with `atTick`, only if the run is still at that tick. Ends a hold. */
    apply(commands: Command[], atTick?: number): ApplyReply {
      held = false;
      const s = current();
      if (atTick !== undefined && s.tick !== atTick) return { ok: false, error: `the run moved on from tick ${atTick} to ${s.tick}; give the command again` };
      try {
        s.apply(commands);
        return { ok: true };
      } catch (error) {
        if (error instanceof CommandError) return { ok: false, error: error.message };
        throw error;
      }
    },
    /** Fast-forward the loaded run to `untilTick`, applying a drill record's commands at their ticks; stays paused. */
    replay(entries: ReplayEntry[], untilTick: number): ReplayResult {
      pacer.stop();
      held = false;
      const result = replayCommands(current(), entries, untilTick);
      publish();
      return result;
    },
    /** The tick reached and the state hash there, read together (for the drill record's checkpoints). */
    checkpoint: () => ({ tick: current().tick, timeS: current().timeS, hash: current().hash() }),
    hash: (): string => current().hash(),
    metrics: (): Metrics => current().metrics(),
    state: () => ({ loaded: sim !== null, playing: pacer.playing, speed: pacer.speed, tick: sim?.tick ?? 0, timeS: sim?.timeS ?? 0 }),
  };
  return api;
}

export type SimHostApi = ReturnType<typeof createSimHost>;

/** The UI's summary of a run of `scenario` (also used by the review worker). */
export function describeRun(scenario: Scenario, grid: Grid, sim: Simulation): LoadedInfo {
  return {
    id: scenario.id,
    title: scenario.title,
    width: grid.width,
    height: grid.height,
    cellSizeM: grid.cellSizeM,
    tickS: scenario.simulation.tickS,
    strategies: scenario.strategies.map((s) => ({ id: s.id, name: s.name })),
    strategy: sim.strategy,
    seed: sim.seed,
    places: grid.places.map((p) => ({
      id: p.id,
      kind: p.kind,
      ...(p.place.name ? { name: p.place.name } : {}),
      ...(p.kind === 'exit' || p.kind === 'shelter' ? { cells: Array.from(p.cells) } : {}),
    })),
    sensors: scenario.sensors.map((s) => ({
      id: s.id,
      kind: s.kind,
      ...(s.name ? { name: s.name } : {}),
      xM: (s.at.x + 0.5) * grid.cellSizeM,
      yM: (s.at.y + 0.5) * grid.cellSizeM,
      coverageM: s.coverageM,
    })),
    sensorsInstalled: scenario.strategies.find((s) => s.id === sim.strategy)?.levers.sensors ?? true,
    hazardCount: scenario.hazards.length,
    volunteerTeams: scenario.volunteers.map((team) => ({ id: team.id, ...(team.name ? { name: team.name } : {}) })),
    channels: scenario.channels.map((c) => ({ id: c.id, kind: c.kind, ...(c.name ? { name: c.name } : {}) })),
    warningPhase: scenario.hazards.length + scenario.sensors.length + scenario.channels.length + scenario.volunteers.length > 0,
    // injects: begin
    hazards: scenario.hazards.map((h) => ({ id: h.id, kind: h.kind, ...(h.name ? { name: h.name } : {}) })),
    outages: scenario.outages.map((o) => ({ id: o.id, kind: o.kind, ...(o.name ? { name: o.name } : {}) })),
    organisations: (scenario.governance?.organisations ?? []).map((o) => ({ id: o.id, ...(o.name ? { name: o.name } : {}) })),
    supportUnits: (scenario.governance?.organisations ?? []).flatMap((o) =>
      o.support.map((u) => ({ id: u.id, kind: u.kind, owner: o.id, ...(u.name ? { name: u.name } : {}) })),
    ),
    hasStores: (scenario.governance?.stores.length ?? 0) > 0,
    // injects: end
  };
}

/** Whether two byte arrays hold the same bytes. */

function pacedRun(sim: Simulation): PacedRun {
  return {
    tickS: sim.tickS,
    advance(ticks: number): number {
      sim.step(ticks);
      return ticks;
    },
  };
}
