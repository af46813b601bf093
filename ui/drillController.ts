import * as Comlink from 'comlink';
import type { RunFrame } from '../workers/simWorker';
import { liveListsOf } from './drill/liveLists';
import { t } from './i18n/index';
import type { MapView } from './map/MapView';
import { placesOnMap } from './map/placeCells';
import { NO_SENT, sentOf } from './sentMessages';
import type { SimRemote } from './simClient';
import { fasterSpeed, slowerSpeed } from './speeds';
import { type DrillStore, FEED_LIMIT, type FeedEntry } from './store';
import { governanceOf, knownOf, progressOf, summariseMetrics, teamsOf, trailOf } from './summarise';

/** Frames of a newer run that arrived before its load reply; a handful at most. */
const MAX_EARLY_FRAMES = 8;
/** Largest scenario file read from disk, in bytes; the worker has its own, matching limit on characters. */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

export interface LoadRequest {
  text: string;
  /** What the user calls this scenario (a file name). */
  source: string;
  seed: number;
  /** Strategy id, or undefined for the scenario's default. */
  strategy?: string;
}

/**
 * Everything the facilitator can do, wired to the worker, the store and the map. Holds the current
 * scenario's text so a seed or strategy change can reload it.
 */
export function createDrillController(remote: SimRemote, store: DrillStore, map: MapView) {
  let acceptedRun = 0;
  let earlyFrames: RunFrame[] = [];
  let current: LoadRequest | null = null;
  let eventCount = 0;
  // What the user last asked for. Frames confirm it a moment later, so rapid key presses must build on
  // the request, not on the last frame (three quick `]` presses go three steps up the ladder).
  let wantPlaying = false;
  let wantSpeed = 1;

  function accept(frame: RunFrame): void {
    const m = frame.metrics;
    let feed = store.getState().feed;
    if (frame.newEvents.length) {
      const added: FeedEntry[] = frame.newEvents.map((event) => ({ ...event, key: eventCount++ }));
      feed = [...feed, ...added].slice(-FEED_LIMIT);
    }
    const state = store.getState();
    store.setState({
      timeS: frame.timeS,
      tick: frame.tick,
      playing: frame.playing,
      speed: frame.speed,
      metrics: summariseMetrics(frame),
      progress: progressOf(state.progress, m),
      teams: teamsOf(state.teams, m, state.info),
      feed,
      ...liveListsOf(state, frame),
      // governance panel: begin
      governance: governanceOf(state.governance, m, state.info),
      trail: trailOf(state.trail, frame.newTrail),
      // governance panel: end
      // residents panel in trainee seats: begin
      ...(frame.knowledge ? { known: knownOf(state.known, frame.knowledge) } : {}),
      // residents panel in trainee seats: end
      // warnings sent in trainee seats: begin
      sent: sentOf(state.sent, frame.newEvents),
      // warnings sent in trainee seats: end
    });
    map.showFrame(frame);
  }

  /** Frames from the worker: drop those of replaced runs, hold those of a run whose reply is still on its way. */
  function onFrame(frame: RunFrame): void {
    if (frame.run < acceptedRun) return;
    if (frame.run > acceptedRun) {
      earlyFrames = [...earlyFrames, frame].slice(-MAX_EARLY_FRAMES);
      return;
    }
    accept(frame);
  }

  /** Load a scenario; on failure the errors go to the page and the previous run carries on untouched. */
  async function load(request: LoadRequest): Promise<boolean> {
    let reply: Awaited<ReturnType<SimRemote['load']>>;
    try {
      reply = await remote.load(request.text, { seed: request.seed, strategy: request.strategy });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      reply = { ok: false, run: acceptedRun, errors: [{ path: '(file)', message: t('load.couldNotStart', { message }) }] };
    }
    if (!reply.ok) {
      store.setState({ loadFailure: { source: request.source, errors: reply.errors } });
      return false;
    }
    current = request;
    acceptedRun = reply.run;
    wantPlaying = false; // the host pauses when it loads
    eventCount = 0;
    map.setScenario(reply.info, placesOnMap(reply.info));
    store.setState({ info: reply.info, run: reply.run, source: request.source, feed: [], progress: null, teams: [], loadFailure: null, notice: null });
    // governance panel: begin
    store.setState({ governance: null, trail: [] });
    // governance panel: end
    // residents panel in trainee seats: begin
    store.setState({ known: null });
    // residents panel in trainee seats: end
    // warnings sent in trainee seats: begin
    store.setState({ sent: NO_SENT });
    // warnings sent in trainee seats: end
    const ready = earlyFrames.filter((f) => f.run === acceptedRun);
    earlyFrames = earlyFrames.filter((f) => f.run > acceptedRun);
    for (const frame of ready) accept(frame);
    return true;
  }

  /** Same scenario text, another seed and/or strategy. */
  async function reload(change: { seed?: number; strategy?: string }): Promise<boolean> {
    if (!current) return false;
    return load({ ...current, ...change });
  }

  /** Read a scenario file chosen by the user and load it with the current seed. */
  async function openFile(file: File): Promise<boolean> {
    if (file.size > MAX_FILE_BYTES) {
      store.setState({
        loadFailure: {
          source: file.name,
          errors: [
            {
              path: '(file)',
              message: t('load.tooLarge', { size: Math.round(file.size / 1024 / 1024) }),
              hint: t('load.tooLargeHint'),
            },
          ],
        },
      });
      return false;
    }
    let text: string;
    try {
      text = await file.text();
    } catch {
      store.setState({
        loadFailure: {
          source: file.name,
          errors: [{ path: '(file)', message: t('load.unreadable'), hint: t('load.unreadableHint') }],
        },
      });
      return false;
    }
    return load({ text, source: file.name, seed: current?.seed ?? 1 });
  }

  const loaded = () => store.getState().info !== null;

  function setPlaying(playing: boolean): Promise<void> | undefined {
    if (playing && !loaded()) return;
    wantPlaying = playing;
    return playing ? remote.play() : remote.pause();
  }

  function setSpeed(multiple: number): Promise<void> {
    wantSpeed = multiple;
    return remote.setSpeed(multiple);
  }

  return {
    /** Pass to the worker's subscribe (wrapped in Comlink.proxy by `connect`). */
    onFrame,
    connect: () => remote.subscribe(Comlink.proxy(onFrame)),
    load,
    reload,
    openFile,
    get seed(): number {
      return current?.seed ?? 1;
    },
    /** What was loaded last, to load it again after a failed replacement. */
    get currentRequest(): LoadRequest | null {
      return current;
    },
    play: () => setPlaying(true),
    pause: () => setPlaying(false),
    togglePlay: () => setPlaying(!wantPlaying),
    /** One tick; pauses first, as a debugger's step does. */
    step: async () => {
      if (!loaded()) return;
      if (wantPlaying) await setPlaying(false);
      await remote.step(1);
    },
    /** The facilitator jumps ahead: pause, then run `seconds` of simulated time at once (injects and commands fire on the way). */
    jumpAhead: async (seconds: number) => {
      const info = store.getState().info;
      if (!info) return;
      if (wantPlaying) await setPlaying(false);
      await remote.step(Math.max(1, Math.round(seconds / info.tickS)));
    },
    setSpeed,
    faster: () => setSpeed(fasterSpeed(wantSpeed)),
    slower: () => setSpeed(slowerSpeed(wantSpeed)),
    dismissFailure: () => store.setState({ loadFailure: null }),
    notify: (notice: string | null) => store.setState({ notice }),
  };
}

export type DrillController = ReturnType<typeof createDrillController>;
