import type { Metrics } from '../../sim/index';
import { formatNumber, formatPercent, formatSeconds, formatTable } from '../output';

/**
 * Co-governance of a run for `drill run`'s summary: the phase and recovery, how long each key decision
 * took from the first report and how long it waited for approval, the reports, supplies and support.
 */
export function summarizeGovernance(m: Metrics): string[] {
  const rows = [
    ['Phase', m.phase + (m.recoveryStartS !== null ? ` (recovery since ${formatSeconds(m.recoveryStartS)})` : '')],
    ['Recovery index', m.recoveryIndex === null ? '—' : `${formatNumber(m.recoveryIndex, 2)} (0 to 1)`],
    ['Evacuation order', m.evacuationOrderLatencyS === null ? 'not given' : `${formatSeconds(m.evacuationOrderLatencyS)} after the first report`],
    [
      'Approval waits',
      m.meanApprovalWaitS === null ? 'none' : `${formatSeconds(m.meanApprovalWaitS)} on average, ${formatNumber(m.approvalRefusals, 0)} refused`,
    ],
    [
      'Reports',
      `${formatNumber(m.reportsSent, 0)} sent, ${m.meanReportDelayS === null ? '—' : formatSeconds(m.meanReportDelayS)} on average, ${formatNumber(m.reportErrors, 0)} garbled, ${formatNumber(m.reportsLost, 0)} lost and sent again`,
    ],
    [
      'Supplies',
      `${formatNumber(m.suppliesDelivered, 1)} of ${formatNumber(m.suppliesNeeded, 1)} units needed (${formatPercent(m.supplyMetShare)}); ${formatNumber(m.unmetNeeds, 0)} needs unmet`,
    ],
    ['In shelters', `${formatNumber(m.shelterOccupancy, 0)} people; ${formatNumber(m.shelterUnmetPersonH, 1)} person-hours without supplies`],
    ['Injured cared for', `${formatNumber(m.injuredCaredFor, 0)} of ${formatNumber(m.injured, 0)}`],
    ['Services restored', formatNumber(m.servicesRestored, 0)],
  ];
  const lines = ['', 'Co-governance', ...formatTable(rows, [], '  ')];
  if (m.decisions.length) {
    const header = ['decision', 'about', 'from first report', 'approval wait', 'approved by', 'refused'];
    const body = m.decisions.map((d) => [
      d.decision,
      d.subject ?? '',
      d.latencyS === null ? 'pending' : formatSeconds(d.latencyS),
      d.approvalWaitS === null ? 'waiting' : formatSeconds(d.approvalWaitS),
      d.approver ?? '(own authority)',
      formatNumber(d.refusals, 0),
    ]);
    lines.push('', ...formatTable([header, ...body], [], '  '));
  }
  if (m.support.length) {
    const header = ['support', 'from', 'requested', 'sent', 'arrived'];
    const body = m.support.map((s) => [
      s.unit,
      s.owner,
      formatSeconds(s.requestedS),
      formatSeconds(s.dispatchedS < 0 ? null : s.dispatchedS),
      formatSeconds(s.arrivedS < 0 ? null : s.arrivedS),
    ]);
    lines.push('', ...formatTable([header, ...body], [], '  '));
  }
  return lines;
}
