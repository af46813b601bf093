import type { CommandPostKnowledge, Metrics, TrailEntry } from '../sim/index';
import type { LoadedInfo } from '../workers/simHost';
import type { RunFrame } from '../workers/simWorker';
import { countLooks } from './residentLook';
import { type GovernanceSummary, type KnownFigures, type MetricsSummary, type ProgressSeries, type TeamSummary, TRAIL_LIMIT } from './store';

/** The few numbers of a frame the panels show, with residents counted by look from the frame's arrays. */
export function summariseMetrics(frame: RunFrame): MetricsSummary {
  const m = frame.metrics;
  return {
    residents: m.residents,
    safe: m.safe,
    moving: m.moving,
    preparing: m.preparing,
    idle: m.idle,
    safeShare: m.safeShare,
    sheltering: m.sheltering,
    awaitingHelp: m.awaitingHelp,
    firstDetectionS: m.firstDetectionS,
    decisionS: m.decisionS,
    firstOfficialWarningS: m.firstOfficialWarningS,
    informedShare: m.informedShare,
    compliedShare: m.compliedShare,
    vulnerable: m.vulnerable,
    vulnerableReached: m.vulnerableReached,
    vulnerableSafe: m.vulnerableSafe,
    rumourReach: m.rumourReach,
    meanPanic: m.meanPanic,
    peakPanic: m.peakPanic,
    meanTrust: m.meanTrust,
    falseAlarms: m.falseAlarms,
    residentReports: m.residentReports,
    looks: countLooks(frame.residentState, frame.residentHeard),
  };
}

/** The informed and safe shares over time; `previous` again when no sample was added, so the chart stays put. */
export function progressOf(previous: ProgressSeries | null, m: Metrics): ProgressSeries {
  const informed = m.informedShareOverTime ?? [];
  const safe = m.safeShareOverTime ?? [];
  if (previous && previous.informed.length === informed.length && previous.safe.length === safe.length) return previous;
  return { informed, safe };
}

/** Volunteer teams with their names; `previous` again when nothing shown changed, so the panel is not rebuilt. */
export function teamsOf(previous: TeamSummary[], m: Metrics, info: LoadedInfo | null): TeamSummary[] {
  const names = new Map((info?.volunteerTeams ?? []).map((team) => [team.id, team.name ?? team.id]));
  const next: TeamSummary[] = (m.volunteers ?? []).map((s) => ({
    name: names.get(s.team) ?? s.team,
    members: s.members,
    task: s.task,
    householdsVisited: s.householdsVisited,
    residentsReached: s.residentsReached,
    escorted: s.escorted,
    hazardReports: s.hazardReports,
  }));
  const same =
    next.length === previous.length && next.every((team, i) => (Object.keys(team) as (keyof TeamSummary)[]).every((key) => team[key] === previous[i][key]));
  return same ? previous : next;
}

// governance panel: begin
const GOVERNANCE_FIGURES = [
  'phase',
  'recoveryIndex',
  'evacuationOrderLatencyS',
  'meanApprovalWaitS',
  'approvalRefusals',
  'reportsSent',
  'meanReportDelayS',
  'reportErrors',
  'reportsLost',
  'suppliesNeeded',
  'suppliesDelivered',
  'supplyMetShare',
  'unmetNeeds',
  'shelterOccupancy',
  'shelterUnmetPersonH',
  'injuredCaredFor',
  'servicesRestored',
] as const satisfies readonly (keyof GovernanceSummary)[];
const SUPPORT_FIELDS = ['unit', 'requestedS', 'dispatchedS', 'arrivedS', 'misdirected'] as const;

/**
 * The co-governance figures of a frame's metrics for the panel: null when the scenario has no
 * organisations; `previous` again when nothing shown changed, so the panel is rebuilt only on a change.
 */
export function governanceOf(previous: GovernanceSummary | null, m: Metrics, info: LoadedInfo | null): GovernanceSummary | null {
  if (!info || info.organisations.length === 0) return null;
  const support = m.support ?? [];
  if (
    previous &&
    GOVERNANCE_FIGURES.every((key) => previous[key] === m[key]) &&
    previous.support.length === support.length &&
    support.every((s, i) => SUPPORT_FIELDS.every((key) => s[key] === previous.support[i][key]))
  )
    return previous;
  const next = Object.fromEntries(GOVERNANCE_FIGURES.map((key) => [key, m[key]])) as Omit<GovernanceSummary, 'support'>;
  return { ...next, support: support.map((s) => ({ ...s })) };
}

/** The last TRAIL_LIMIT trail lines after `added` arrived; `previous` again when nothing was added. */
export function trailOf(previous: TrailEntry[], added: readonly TrailEntry[] | undefined): TrailEntry[] {
  if (!added?.length) return previous;
  return [...previous, ...added].slice(-TRAIL_LIMIT);
}
// governance panel: end

// residents panel in trainee seats: begin
/** The figures of the command post's knowledge the residents panel shows; `previous` again when they did not change. */
export function knownOf(previous: KnownFigures | null, knowledge: CommandPostKnowledge): KnownFigures {
  const next = { alertsReceived: knowledge.alertsReceived, needsNotMet: knowledge.needs.length };
  return previous && previous.alertsReceived === next.alertsReceived && previous.needsNotMet === next.needsNotMet ? previous : next;
}
// residents panel in trainee seats: end
