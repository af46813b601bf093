import * as Comlink from 'comlink';
import { loadScenarioText, type Metrics, type Scenario, type ScenarioError, type Simulation } from '../sim/index';
import { buildGrid } from '../sim/space/Grid';
import { createMapSender, frameTransfers } from './frameParts';
import { createPacer, FRAME_RATE } from './pacer';
import type { ReplayEntry } from './replayCommands';
import { type HeatLayerId, heatLayerValues } from './reviewHeat';
import { markersOf, type TimelineMarker } from './reviewMarkers';
import { createReviewSession, ReplayFailure, type ReviewSession } from './reviewSession';
import { describeRun, type Frame, type LoadedInfo } from './simHost';

/** A run to review: a scenario file's text, seed, strategy and a drill record's commands (none for a headless run). */
export interface ReviewRequest {
  text: string;
  seed: number;
  /** Strategy id; null or undefined for the scenario's default. */
  strategy?: string | null;
  entries: ReplayEntry[];
  /** Last tick to review (a record's end); without it, `untilS` or else the scenario's simulation.durationS. */
  endTick?: number;
  /** Simulated seconds to review, for a headless run. */
  untilS?: number;
}

/** The whole reviewed run, for the charts and the timeline. */
export interface ReviewOverview {
  info: LoadedInfo;
  endTick: number;
  tickS: number;
  /** Metrics at the end: series, decisions, supplies over time. */
  metrics: Metrics;
  markers: TimelineMarker[];
  /** State hash at the end (equals the drill's own at the record's last tick). */
  finalHash: string;
}

export type ReviewOpenReply = { ok: true; overview: ReviewOverview; run: number } | { ok: false; errors: ScenarioError[] };

/** A frame of the review: the run at the cursor, and the chosen heat map there. */
export interface ReviewFrame extends Frame {
  heat?: { layer: HeatLayerId; values: Float32Array; max: number };
}

/** Ticks of checkpoint building per slice while idle: short, so seeks and frames are not held up. */
const BUILD_SLICE_TICKS = 100;
/** Longest review, ticks: the first pass runs all of it before the review opens. */
export const MAX_REVIEW_TICKS = 2_000_000;

/**
 * The review worker's host: replays one run deterministically (see createReviewSession), seeks, plays at a
 * chosen speed and publishes frames with the chosen heat map. Builds checkpoints while idle.
 */
export function createReviewHost() {
  let session: ReviewSession | null = null;
  let scenario: Scenario | null = null;
  let run = 0;
  let layer: HeatLayerId | null = null;
  let listener: ((frame: ReviewFrame) => void) | null = null;
  let buildTimer: ReturnType<typeof setTimeout> | null = null;
  const mapSender = createMapSender();

  function current(): ReviewSession {
    if (!session) throw new Error('no review open');
    return session;
  }

  function publish(): void {
    if (!session || !scenario || !listener) return;
    const sim = session.cursor;
    const frame: ReviewFrame = {
      ...mapSender.trim(sim.snapshot()),
      run,
      playing: pacer.playing,
      speed: pacer.speed,
      newEvents: [],
    };
    const transfers = frameTransfers(frame);
    const heat = layer ? sim.heat() : null;
    if (heat && layer) {
      const values = heatLayerValues(heat, layer, sim.tickS);
      let max = 0;
      for (let c = 0; c < values.length; c++) if (values[c] > max) max = values[c];
      frame.heat = { layer, values, max };
      transfers.push(values.buffer);
    }
    listener(Comlink.transfer(frame, transfers));
  }

  // Up to 16 ticks per call: a replay has no commands waiting, and fewer calls cost less.
  const pacer = createPacer({
    run: () => (session ? { tickS: session.cursor.tickS, advance: (ticks: number) => current().forward(ticks) } : null),
    atEnd: () => session !== null && session.cursor.tick >= session.endTick,
    ticksPerCall: 16,
    // Nothing changes between ticks: a frame only when time advanced, or when playing stopped at the end.
    onFrame: (advanced, ended) => {
      if (advanced || ended) publish();
    },
  });

  function buildLoop(): void {
    buildTimer = null;
    if (!session) return;
    if (session.buildSome(BUILD_SLICE_TICKS)) buildTimer = setTimeout(buildLoop, pacer.playing ? 1000 / FRAME_RATE : 0);
  }

  function scheduleBuild(): void {
    if (!buildTimer && session) buildTimer = setTimeout(buildLoop, 0);
  }

  function close(): void {
    pacer.stop();
    if (buildTimer) clearTimeout(buildTimer);
    buildTimer = null;
    session = null;
    scenario = null;
  }

  return {
    /** Replay a run to its end once and open it at tick 0; problems come back as data, never thrown. */
    open(request: ReviewRequest): ReviewOpenReply {
      const loaded = loadScenarioText(request.text);
      if (!loaded.ok) return loaded;
      const s = loaded.scenario;
      const strategy = request.strategy ?? null;
      if (strategy !== null && !s.strategies.some((x) => x.id === strategy)) {
        return fail('strategy', `no strategy "${strategy}" in scenario "${s.id}"`, `choose one of: ${s.strategies.map((x) => x.id).join(', ')}`);
      }
      const endTick = request.endTick ?? Math.round((request.untilS ?? s.simulation.durationS) / s.simulation.tickS);
      if (!Number.isInteger(endTick) || endTick < 0 || endTick > MAX_REVIEW_TICKS) {
        return fail('endTick', `the review must end at a whole tick from 0 to ${MAX_REVIEW_TICKS}, not ${endTick}`, 'review a shorter run');
      }
      const lastEntry = request.entries[request.entries.length - 1]?.tick ?? 0;
      if (lastEntry > endTick)
        return fail('endTick', `the record has a command at tick ${lastEntry}, after the end at tick ${endTick}`, 'review the record to its end');
      close();
      let opened: ReviewSession;
      try {
        opened = createReviewSession({ scenario: s, seed: request.seed, strategy, entries: request.entries, endTick });
      } catch (error) {
        if (error instanceof ReplayFailure)
          return fail(`entries[${error.entry}]`, `the run refused this command on replay: ${error.message}`, 'check the record was made with this scenario');
        throw error;
      }
      session = opened;
      scenario = s;
      run++;
      mapSender.reset();
      pacer.resetDebt();
      const final = opened.final;
      const overview: ReviewOverview = {
        info: describeRun(s, buildGrid(s), final),
        endTick,
        tickS: final.tickS,
        metrics: final.metrics(),
        markers: markersOf({ metrics: final.metrics(), events: final.events(), alerts: final.alerts(), entries: request.entries, tickS: final.tickS }),
        finalHash: final.hash(),
      };
      // No frame yet: frames travel on another port than this reply and could overtake it. The first frame,
      // with the map's cells, goes when the page asks (setSpeed, setHeatLayer, seek).
      scheduleBuild();
      return { ok: true, overview, run };
    },
    subscribe(callback: (frame: ReviewFrame) => void): void {
      listener = callback;
      publish();
    },
    /** Show the run at `tick` (clamped to the review); playing carries on from there. */
    seek(tick: number): { tick: number; timeS: number } {
      const sim: Simulation = current().seek(tick);
      pacer.resetDebt();
      publish();
      scheduleBuild();
      return { tick: sim.tick, timeS: sim.timeS };
    },
    play(): void {
      const s = current();
      if (pacer.playing) return;
      if (s.cursor.tick >= s.endTick) s.seek(0);
      pacer.play();
    },
    pause(): void {
      pacer.stop();
      publish();
    },
    /** Simulated seconds per real second, 0.25 to 256. */
    setSpeed(multiple: number): void {
      pacer.speed = Math.min(256, Math.max(0.25, multiple));
      publish();
    },
    /** Heat map sent with each frame, or none. */
    setHeatLayer(next: HeatLayerId | null): void {
      layer = next;
      publish();
    },
    hash: (): string => current().cursor.hash(),
    state: () => ({
      open: session !== null,
      playing: pacer.playing,
      speed: pacer.speed,
      tick: session?.cursor.tick ?? 0,
      checkpoints: session?.checkpoints() ?? [],
    }),
    close,
  };
}

export type ReviewHostApi = ReturnType<typeof createReviewHost>;

function fail(path: string, message: string, hint: string): ReviewOpenReply {
  return { ok: false, errors: [{ path, message, hint }] };
}
