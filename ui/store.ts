import { createStore, type StoreApi } from 'zustand/vanilla';
import type { DecisionMetric, InjectView, Metrics, ScenarioError, SimEvent, TrailEntry } from '../sim/index';
import type { LoadedInfo } from '../workers/simHost';
import type { Role, TraineeRole } from './drill/roles';
import type { Language } from './i18n/index';

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

// governance panel: begin
/** The co-governance figures the panel shows (see GovernanceMetrics); null for scenarios without organisations. */
export type GovernanceSummary = Pick<
  Metrics,
  | 'phase'
  | 'recoveryIndex'
  | 'evacuationOrderLatencyS'
  | 'meanApprovalWaitS'
  | 'approvalRefusals'
  | 'reportsSent'
  | 'meanReportDelayS'
  | 'reportErrors'
  | 'reportsLost'
  | 'suppliesNeeded'
  | 'suppliesDelivered'
  | 'supplyMetShare'
  | 'unmetNeeds'
  | 'shelterOccupancy'
  | 'shelterUnmetPersonH'
  | 'injuredCaredFor'
  | 'servicesRestored'
  | 'support'
>;
// governance panel: end

/** Shares over time as [timeS, share] pairs, for the progress chart; a new object only when a sample is added. */
export interface ProgressSeries {
  informed: readonly (readonly [number, number])[];
  safe: readonly (readonly [number, number])[];
}

// residents panel in trainee seats: begin
/** Figures the command post knows from what reached it (CommandPostKnowledge), for trainee seats. */
export interface KnownFigures {
  alertsReceived: number;
  /** Needs for supplies reported and not yet met. */
  needsNotMet: number;
}
// residents panel in trainee seats: end

// warnings sent in trainee seats: begin
/** An official message the command post sent: a warning or an update restating it. */
export interface SentMessage {
  /** Its number among the run's official messages, a stable key. */
  key: number;
  kind: 'warn' | 'officialUpdate';
  /** Channel id, or null when the event did not name one the page could read. */
  channel: string | null;
  timeS: number;
}

/** The official messages sent so far: how many in all, and the newest (at most SENT_LIMIT), newest last. */
export interface SentMessages {
  count: number;
  latest: readonly SentMessage[];
}
// warnings sent in trainee seats: end

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

/** A scenario file that failed to load (or a drill record that failed to import), and why. */
export interface LoadFailure {
  /** File name or label the user recognises. */
  source: string;
  errors: ScenarioError[];
  /** What the file was meant to be; default a scenario. */
  what?: 'scenario' | 'record';
}

/** The drill under way, as the page shows it. */
export interface ActiveDrill {
  id: string;
  sessionName: string;
  roles: TraineeRole[];
  /** Commands in the record. */
  entries: number;
  /** Tick of the last moment saved in the record, or null before the first save. */
  reachedTick: number | null;
}

/** An unfinished drill found in the browser's storage when the page opened. */
export interface ResumeOffer {
  id: string;
  sessionName: string;
  scenarioTitle: string;
  entries: number;
  /** Simulated time of the last moment saved, s. */
  reachedTimeS: number;
  startedAt: string;
}

/** The answer to the last command given. */
export interface CommandStatus {
  ok: boolean;
  text: string;
  /** Grows with each answer, so the same text twice still shows as new. */
  key: number;
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
  /** Language of the interface; panels render again when it changes. */
  language: Language;
  drill: ActiveDrill | null;
  /** Whose seat the commands are given from. */
  actingRole: Role;
  commandStatus: CommandStatus | null;
  resumeOffer: ResumeOffer | null;
  // injects: begin
  /** The scenario's injects as the facilitator's console lists them; a new array only when one changed. */
  injects: InjectView[];
  /** The community's key decisions (governance), to tell trainees what still waits for approval; new only on change. */
  decisions: DecisionMetric[];
  // injects: end
  // governance panel and command-post knowledge: begin
  /** Co-governance figures; a new object only when one changed; null without organisations. */
  governance: GovernanceSummary | null;
  /** The newest lines of the accountability trail, newest last (at most TRAIL_LIMIT). */
  trail: TrailEntry[];
  /** The facilitator's "Show truth" switch: the map shows the true hazard and residents during a drill. */
  showTruth: boolean;
  // governance panel and command-post knowledge: end
  // residents panel in trainee seats: begin
  /** What the command post knows in numbers; null until the run's first frame brought its knowledge. */
  known: KnownFigures | null;
  // residents panel in trainee seats: end
  // warnings sent in trainee seats: begin
  /** Official messages sent in this run, from its events (the feed drops old ones; this keeps the count). */
  sent: SentMessages;
  // warnings sent in trainee seats: end
}

/** Most feed entries kept; older ones scroll away. */
export const FEED_LIMIT = 200;
// governance panel: begin
/** Trail lines kept for the governance panel. */
export const TRAIL_LIMIT = 20;
// governance panel: end

export type DrillStore = StoreApi<DrillState>;

export function createDrillStore(language: Language = 'en'): DrillStore {
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
    language,
    drill: null,
    actingRole: 'facilitator',
    commandStatus: null,
    resumeOffer: null,
    injects: [],
    decisions: [],
    // governance panel and command-post knowledge: begin
    governance: null,
    trail: [],
    showTruth: false,
    // governance panel and command-post knowledge: end
    // residents panel in trainee seats: begin
    known: null,
    // residents panel in trainee seats: end
    // warnings sent in trainee seats: begin
    sent: { count: 0, latest: [] },
    // warnings sent in trainee seats: end
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

/** Like `watch`, and also when the language changes: for panels whose text depends on both. */
export function watchText<T>(store: DrillStore, select: (state: DrillState) => T, render: (value: T) => void): () => void {
  let last = select(store.getState());
  let language = store.getState().language;
  render(last);
  return store.subscribe((state) => {
    const next = select(state);
    if (next === last && state.language === language) return;
    last = next;
    language = state.language;
    render(next);
  });
}
