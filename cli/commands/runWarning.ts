import type { Metrics } from '../../sim/index';
import { formatNumber, formatPercent, formatSeconds, formatTable } from '../output';

/**
 * The warning phase of a run for `drill run`'s summary: detection and the decision to warn, who heard
 * and acted, vulnerable residents, rumour, panic and trust, then what each volunteer team did.
 */
export function summarizeWarningPhase(m: Metrics): string[] {
  const n = m.residents;
  const ofAll = (share: number) => `${formatNumber(Math.round(share * n), 0)} of ${formatNumber(n, 0)} (${formatPercent(share)})`;
  const firstDetection =
    m.firstDetectionS !== null && m.firstRealDetectionS !== null && m.firstRealDetectionS !== m.firstDetectionS
      ? `${formatSeconds(m.firstDetectionS)} (first alert about the real hazard: ${formatSeconds(m.firstRealDetectionS)})`
      : formatSeconds(m.firstDetectionS);
  const rows = [
    ['First detection', firstDetection],
    ['Hazard confirmed', formatSeconds(m.confirmedS)],
    ['Decision to warn', formatSeconds(m.decisionS)],
    ['First official warning', formatSeconds(m.firstOfficialWarningS)],
    ['Informed', ofAll(m.informedShare)],
    ['Acting', `${ofAll(m.compliedShare)} leaving or sheltering as told`],
    ['Sheltering in place', formatNumber(m.sheltering, 0)],
    ['Waiting for help', formatNumber(m.awaitingHelp, 0)],
    [
      'Vulnerable residents',
      m.vulnerable === 0
        ? 'none'
        : `${formatNumber(m.vulnerable, 0)}: ${formatNumber(m.vulnerableReached, 0)} reached, ${formatNumber(m.vulnerableSafe, 0)} safe`,
    ],
    ['Rumour reach', formatPercent(m.rumourReach)],
    ['Panic', `peak ${formatNumber(m.peakPanic, 2)}, at the end ${formatNumber(m.meanPanic, 2)} (mean, 0 to 1)`],
    ['Trust in officials', `${formatNumber(m.meanTrust, 2)} at the end (mean, 0 to 1)`],
    ['False alarms', `${formatNumber(m.falseAlarms, 0)} (resident reports: ${formatNumber(m.residentReports, 0)})`],
  ];
  const lines = ['', 'Warning phase', ...formatTable(rows, [], '  ')];
  if (m.volunteers.length) {
    const header = ['team', 'task', 'members', 'households visited', 'residents reached', 'escorted', 'hazard reports'];
    const body = m.volunteers.map((t) => [
      t.team,
      t.task === 'none' ? '(no task)' : t.zone === 'all' ? t.task : `${t.task} in ${t.zone}`,
      formatNumber(t.members, 0),
      formatNumber(t.householdsVisited, 0),
      formatNumber(t.residentsReached, 0),
      formatNumber(t.escorted, 0),
      formatNumber(t.hazardReports, 0),
    ]);
    lines.push('', `Volunteer teams (${m.volunteers.length})`, ...formatTable([header, ...body], [2, 3, 4, 5, 6], '  '));
  }
  return lines;
}
