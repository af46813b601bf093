import * as Comlink from 'comlink';
import {
  type Command,
  CommandError,
  createSimulation,
  loadScenarioText,
  type Metrics,
  type ScenarioError,
  type SimEvent,
  type Simulation,
  type Snapshot,
} from '../sim/index';

/** What the host publishes after each paced batch of ticks. Arrays are transferred, not copied. */
export interface Frame extends Snapshot {
  playing: boolean;
  speed: number;
  /** Events raised since the previous frame. */
  newEvents: SimEvent[];
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
  places: { id: string; kind: string; name?: string }[];
}

export type LoadReply = { ok: true; info: LoadedInfo } | { ok: false; errors: ScenarioError[] };
export type ApplyReply = { ok: true } | { ok: false; error: string };

/** Frames per second the host aims to publish while playing. */
const FRAME_RATE = 30;
/** Wall-clock budget for stepping in one frame, ms, so a high speed never freezes the host. */
const STEP_BUDGET_MS = 25;

/**
 * The simulation host: owns one run, paces it in real time (play, pause, speed) and publishes frames.
 * Used by the browser worker and the Node worker alike; it holds no simulation logic of its own.
 */
export function createSimHost() {
  let sim: Simulation | null = null;
  let playing = false;
  let speed = 1;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let lastWallMs = 0;
  let debtS = 0;
  let eventsSent = 0;
  let listener: ((frame: Frame) => void) | null = null;

  const now = () => performance.now();

  function current(): Simulation {
    if (!sim) throw new Error('no scenario loaded');
    return sim;
  }

  function publish(): void {
    if (!sim || !listener) return;
    const snapshot = sim.snapshot();
    const events = sim.events();
    const frame: Frame = { ...snapshot, playing, speed, newEvents: events.slice(eventsSent) };
    eventsSent = events.length;
    listener(Comlink.transfer(frame, [frame.residentXY.buffer, frame.residentState.buffer, frame.volunteerXY.buffer, frame.cells.buffer] as Transferable[]));
  }

  function loop(): void {
    timer = null;
    if (!playing || !sim) return;
    const wall = now();
    debtS += ((wall - lastWallMs) / 1000) * speed;
    lastWallMs = wall;
    const started = now();
    while (debtS >= sim.tickS && now() - started < STEP_BUDGET_MS) {
      sim.step(1);
      debtS -= sim.tickS;
    }
    // Behind after the budget: drop the debt rather than spiral; the clock shows the real pace.
    if (debtS > sim.tickS * 4) debtS = 0;
    publish();
    timer = setTimeout(loop, 1000 / FRAME_RATE);
  }

  const api = {
    /** Load a scenario file's text and create a run; errors come back as data, never thrown. */
    load(text: string, options: { seed?: number; strategy?: string } = {}): LoadReply {
      const result = loadScenarioText(text);
      if (!result.ok) return result;
      const scenario = result.scenario;
      if (options.strategy !== undefined && !scenario.strategies.some((s) => s.id === options.strategy)) {
        return {
          ok: false,
          errors: [
            { path: 'strategies', message: `no strategy "${options.strategy}"`, hint: `choose one of: ${scenario.strategies.map((s) => s.id).join(', ')}` },
          ],
        };
      }
      api.pause();
      sim = createSimulation(scenario, { seed: options.seed ?? 1, strategy: options.strategy });
      eventsSent = 0;
      debtS = 0;
      publish();
      return {
        ok: true,
        info: {
          id: scenario.id,
          title: scenario.title,
          width: scenario.map.rows[0].length,
          height: scenario.map.rows.length,
          cellSizeM: scenario.map.cellSizeM,
          tickS: scenario.simulation.tickS,
          strategies: scenario.strategies.map((s) => ({ id: s.id, name: s.name })),
          strategy: sim.strategy,
          seed: sim.seed,
          places: scenario.places.map((p) => ({ id: p.id, kind: p.kind, ...(p.name ? { name: p.name } : {}) })),
        },
      };
    },
    /** Receive frames; pass a Comlink.proxy from another thread. */
    subscribe(callback: (frame: Frame) => void): void {
      listener = callback;
      publish();
    },
    play(): void {
      if (playing || !sim) return;
      playing = true;
      lastWallMs = now();
      loop();
    },
    pause(): void {
      playing = false;
      if (timer) clearTimeout(timer);
      timer = null;
      publish();
    },
    /** Simulated seconds per real second, 0.25 to 64. */
    setSpeed(multiple: number): void {
      speed = Math.min(64, Math.max(0.25, multiple));
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
    apply(commands: Command[]): ApplyReply {
      try {
        current().apply(commands);
        return { ok: true };
      } catch (error) {
        if (error instanceof CommandError) return { ok: false, error: error.message };
        throw error;
      }
    },
    hash: (): string => current().hash(),
    metrics: (): Metrics => current().metrics(),
    state: () => ({ loaded: sim !== null, playing, speed, tick: sim?.tick ?? 0, timeS: sim?.timeS ?? 0 }),
  };
  return api;
}

export type SimHostApi = ReturnType<typeof createSimHost>;
