import { OBJECTIVE_METRICS, type ObjectiveMetric } from '../../sim/scenario/schemaObjectives';

/**
 * How the after-action report writes figures for people: the same text on every machine (en-US digits),
 * with no DOM or Node, so the browser and the command line print the same report.
 */

/** A moment of the run as m:ss, h:mm:ss from one hour on, and "day N, hh:mm" from a day on: 16:00, 1:05:30, day 3, 06:00. */
export function formatClock(timeS: number): string {
  const total = Math.max(0, Math.round(timeS));
  const h = Math.floor(total / 3600);
  if (h >= 24) return `day ${Math.floor(h / 24) + 1}, ${String(h % 24).padStart(2, '0')}:${String(Math.floor((total % 3600) / 60)).padStart(2, '0')}`;
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${m}:${ss}`;
}

/** A length of time in words: "14 min 40 s", "45 s", "2 h 5 min". */
export function formatDuration(seconds: number): string {
  const total = Math.round(Math.abs(seconds));
  if (total < 60) return `${total} s`;
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (h > 0) return m > 0 ? `${h} h ${m} min` : `${h} h`;
  return s > 0 ? `${m} min ${s} s` : `${m} min`;
}

export function formatCount(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

/** A share 0 to 1 as a percentage with one decimal: "92.2%". */
export function formatPercent(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

/** A figure as its kind reads: a share as a percentage, a time as a clock, a count whole; "never" when not reached. */
export function formatMetric(metric: ObjectiveMetric, value: number | null): string {
  const kind = OBJECTIVE_METRICS[metric].kind;
  if (value === null) return kind === 'seconds' ? 'never' : '—';
  switch (kind) {
    case 'share':
      return formatPercent(value);
    case 'seconds':
      return metric.endsWith('LatencyS') || metric.startsWith('mean') ? formatDuration(value) : formatClock(value);
    case 'index':
      return value.toFixed(2);
    case 'personH':
      return `${value.toLocaleString('en-US', { maximumFractionDigits: 1 })} person-h`;
    case 'personS':
      return `${formatCount(value)} person-s`;
    default:
      // The peak in danger is a mean over a sample interval: people are counted whole.
      return Number.isInteger(value) || metric === 'peakInDanger' ? formatCount(value) : value.toLocaleString('en-US', { maximumFractionDigits: 1 });
  }
}

/** A difference of a figure in words, without its sign: "4.8 points", "14 min 40 s", "233". */
export function formatDifference(metric: ObjectiveMetric, difference: number): string {
  const kind = OBJECTIVE_METRICS[metric].kind;
  const size = Math.abs(difference);
  switch (kind) {
    case 'share':
      return `${(size * 100).toFixed(1)} points`;
    case 'seconds':
      return formatDuration(size);
    case 'index':
      return size.toFixed(2);
    case 'personH':
      return `${size.toLocaleString('en-US', { maximumFractionDigits: 1 })} person-h`;
    case 'personS':
      return `${formatCount(size)} person-s`;
    default:
      return Number.isInteger(size) ? formatCount(size) : size.toLocaleString('en-US', { maximumFractionDigits: 1 });
  }
}

/** Names of the figures for people, in the report's tables and sentences. */
export const METRIC_LABELS: Record<ObjectiveMetric, string> = {
  residents: 'Residents',
  safe: 'Residents safe (count)',
  moving: 'Residents still moving',
  preparing: 'Residents preparing to leave',
  idle: 'Residents who never acted',
  safeShare: 'Residents safe',
  firstOrderS: 'First evacuation order',
  timeTo50PctSafeS: 'Half of residents safe',
  timeTo90PctSafeS: '90% of residents safe',
  timeTo100PctSafeS: 'Everyone safe',
  sheltering: 'Sheltering in place',
  awaitingHelp: 'Left waiting for help',
  firstDetectionS: 'First alert',
  firstRealDetectionS: 'First report of the real hazard',
  confirmedS: 'Alert confirmed',
  decisionS: 'Decision to warn',
  falseAlarms: 'False alarms',
  residentReports: "Residents' reports",
  firstOfficialWarningS: 'First official warning',
  informedShare: 'Residents informed',
  compliedShare: 'Residents acting as told',
  vulnerable: 'Vulnerable residents',
  vulnerableReached: 'Vulnerable residents reached',
  vulnerableSafe: 'Vulnerable residents safe',
  vulnerableSafeShare: 'Vulnerable residents safe',
  vulnerableReachedShare: 'Vulnerable residents reached',
  rumourReach: 'Heard the rumour',
  meanPanic: 'Mean panic at the end',
  peakPanic: 'Peak panic',
  meanTrust: 'Trust in officials at the end',
  injured: 'Injured',
  deceased: 'Deceased',
  trapped: 'Trapped',
  rescued: 'Rescued',
  exposurePersonS: 'Exposure to danger',
  peakInDanger: 'Most residents in danger at once',
  responseStartS: 'Response began',
  recoveryStartS: 'Recovery began',
  recoveryIndex: 'Recovery index',
  evacuationOrderLatencyS: 'Evacuation order latency',
  meanApprovalWaitS: 'Mean wait for approval',
  approvalRefusals: 'Approvals refused',
  reportsSent: 'Reports sent',
  meanReportDelayS: 'Mean report delay',
  reportErrors: 'Garbled reports',
  reportsLost: 'Reports lost',
  suppliesNeeded: 'Supplies needed',
  suppliesDelivered: 'Supplies delivered',
  supplyMetShare: 'Supplies delivered against need',
  unmetNeeds: 'Needs left unmet',
  shelterOccupancy: 'People in shelters',
  shelterUnmetPersonH: 'Shelter time without supplies',
  injuredCaredFor: 'Injured cared for',
  servicesRestored: 'Services restored',
  firstSupportArrivalS: 'First outside support arrived',
};
