import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Metrics, ScenarioError, SimEvent } from '../sim/index';
import type { LoadedInfo } from '../workers/simHost';

/** The figures the panels show; per-agent arrays and the per-place counts stay out of the store. */
export type MetricsSummary = Pick<
  Metrics,
  | 'residents'
  | 'safe'
  | 'moving'
  | 'preparing'
  | 'idle'
  | 'safeShare'
  | 'sheltering'
  | 'awaitingHelp'
  | 'firstDetectionS'
  | 'decisionS'
  | 'firstOfficialWarningS'
  | 'informedShare'
  | 'compliedShare'
  | 'vulnerable'
  | 'vulnerableReached'
  | 'vulnerableSafe'
  | 'rumourReach'
  | 'meanPanic'
  | 'peakPanic'
  | 'meanTrust'
  | 'falseAlarms'
  | 'residentReports'
> & {
  /** Residents per ResidentLook (not warned, warned, preparing, moving, sheltering, waiting for help, safe). */
  looks: number[];
};

/** Shares over time as [timeS, share] pairs, for the progress chart; a new object only when a sample is added. */
export interface ProgressSeries {
  informed: readonly (readonly [number, number])[];
  safe: readonly (readonly [number, number])[];
}

/** One volunteer team's work so far, as the panel shows it. */
export interface TeamSummary {
  /** The team's name from the scenario (untrusted text), or its id. */
  name: string;
  members: number;
  /** 'none', 'knockDoors', 'escortVulnerable' or 'patrol'. */
  task: string;
  householdsVisited: number;
  residentsReached: number;
  escorted: number;
  hazardReports: number;
}

/** One line of the event feed. */
export interface FeedEntry extends SimEvent {
  /** Position in the run's event list, a stable key. */
  key: number;
}

/** A scenario file that failed to load, and why. */
export interface LoadFailure {
  /** File name or label the user recognises. */
  source: string;
  errors: ScenarioError[];
}

/**
 * UI state and the latest summary of the run. Never per-agent arrays: the map reads those straight from
 * the latest frame, so the store changes at most once per frame with a few numbers.
 */
export interface DrillState {
  /** The loaded scenario, or null before the first load. */
  info: LoadedInfo | null;
  /** Run number from the worker; changes on every successful load. */
  run: number;
  /** Where the loaded scenario came from (file name). */
  source: string;
  timeS: number;
  tick: number;
  playing: boolean;
  /** Simulated seconds per real second. */
  speed: number;
  metrics: MetricsSummary | null;
  progress: ProgressSeries | null;
  /** Volunteer teams in scenario order; a new array only when a figure changed. */
  teams: TeamSummary[];
  /** Newest last, capped at FEED_LIMIT. */
  feed: FeedEntry[];
  loadFailure: LoadFailure | null;
  /** A short message for the user that is not a scenario error (bad seed, worker failure). */
  notice: string | null;
}

/** Most feed entries kept; older ones scroll away. */
export const FEED_LIMIT = 200;

export type DrillStore = StoreApi<DrillState>;

export function createDrillStore(): DrillStore {
  return createStore<DrillState>()(() => ({
    info: null,
    run: 0,
    source: '',
    timeS: 0,
    tick: 0,
    playing: false,
    speed: 1,
    metrics: null,
    progress: null,
    teams: [],
    feed: [],
    loadFailure: null,
    notice: null,
  }));
}

/**
 * Call `render` with the selected slice whenever it changes (by ===), and once now.
 * @example watch(store, (s) => s.timeS, (t) => (clock.textContent = formatClock(t)))
 */
export function watch<T>(store: DrillStore, select: (state: DrillState) => T, render: (value: T) => void): () => void {
  let last = select(store.getState());
  render(last);
  return store.subscribe((state) => {
    const next = select(state);
    if (next === last) return;
    last = next;
    render(next);
  });
}
