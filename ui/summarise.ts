import type { Metrics } from '../sim/index';
import type { LoadedInfo } from '../workers/simHost';
import type { RunFrame } from '../workers/simWorker';
import { countLooks } from './residentLook';
import type { MetricsSummary, ProgressSeries, TeamSummary } from './store';

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
