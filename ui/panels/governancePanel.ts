import type { TrailEntry } from '../../sim/index';
import type { LoadedInfo } from '../../workers/simHost';
import { byId, el } from '../dom';
import { formatClock, formatCount, formatMoment, formatShare } from '../format';
import { type MessageKey, t } from '../i18n/index';
import './governance.css';
import { type DrillStore, type GovernanceSummary, watchText } from '../store';

/** Trail lines the panel shows, newest first. */
const TRAIL_SHOWN = 6;

/** A duration in seconds as m:ss (h:mm:ss from an hour), or "not yet" while it has not happened. */
function duration(seconds: number | null): string {
  return seconds === null ? t('gov.notYet') : formatClock(seconds);
}

const oneDecimal = (n: number) => (Math.round(n * 10) / 10).toString();

/** An organisation's or unit's name from the scenario (untrusted text, set as text only), else its id. */
function orgName(info: LoadedInfo | null, id: string): string {
  return info?.organisations.find((o) => o.id === id)?.name ?? (id === 'residents' ? t('panel.residents') : id);
}

/** One figure: a term and its value; `figure` names it for tests and styles. */
function figure(figureId: string, term: string, value: string): HTMLElement[] {
  return [el('dt', { text: term }), el('dd', { text: value, attrs: { 'data-figure': figureId } })];
}

/** The figures of co-governance in words, one line each. */
export function governanceFigures(g: GovernanceSummary): { id: string; term: string; value: string }[] {
  const approval = g.meanApprovalWaitS === null ? t('gov.notYet') : formatClock(g.meanApprovalWaitS);
  return [
    { id: 'phase', term: t('gov.phase'), value: t(`gov.phase.${g.phase}` as MessageKey) },
    { id: 'recoveryIndex', term: t('gov.recoveryIndex'), value: g.recoveryIndex === null ? '—' : formatShare(g.recoveryIndex) },
    {
      id: 'evacuationOrderLatencyS',
      term: t('gov.evacuationLatency'),
      value: g.evacuationOrderLatencyS === null ? t('gov.notYet') : t('gov.latencyValue', { latency: duration(g.evacuationOrderLatencyS) }),
    },
    {
      id: 'meanApprovalWaitS',
      term: t('gov.approvalWait'),
      value: g.approvalRefusals > 0 ? `${approval} · ${t('gov.refusals', { n: g.approvalRefusals })}` : approval,
    },
    {
      id: 'reports',
      term: t('gov.reports'),
      value: t('gov.reportsValue', {
        sent: formatCount(g.reportsSent),
        delay: g.meanReportDelayS === null ? '—' : formatClock(g.meanReportDelayS),
        garbled: formatCount(g.reportErrors),
        lost: formatCount(g.reportsLost),
      }),
    },
    {
      id: 'supplies',
      term: t('gov.supplies'),
      value: t('gov.suppliesValue', {
        delivered: formatCount(g.suppliesDelivered),
        needed: formatCount(g.suppliesNeeded),
        share: formatShare(g.supplyMetShare),
        unmet: formatCount(g.unmetNeeds),
      }),
    },
    {
      id: 'shelters',
      term: t('gov.shelters'),
      value: t('gov.sheltersValue', { people: formatCount(g.shelterOccupancy), hours: oneDecimal(g.shelterUnmetPersonH) }),
    },
    { id: 'injuredCaredFor', term: t('gov.injured'), value: formatCount(g.injuredCaredFor) },
    { id: 'servicesRestored', term: t('gov.services'), value: formatCount(g.servicesRestored) },
  ];
}

/** One trail line: "12:40 Street office → Neighbourhood committee: approves: ...". */
export function trailLine(entry: TrailEntry, info: LoadedInfo | null): string {
  const to = entry.to ? ` → ${orgName(info, entry.to)}` : '';
  return `${formatClock(entry.timeS)} ${orgName(info, entry.author)}${to}: ${entry.content}`;
}

/**
 * Co-governance in numbers, for trainees during the drill: phase and recovery index, how long the
 * evacuation order and approvals took, how reports fared, supplies against need, shelters, outside support
 * with its times, and the newest lines of the accountability trail. Hidden for scenarios without organisations.
 */
export function mountGovernancePanel(store: DrillStore): void {
  const panel = byId<HTMLElement>('governance-panel');
  const body = byId<HTMLElement>('governance');

  // Figures and trail change apart (each is a new object only when it changed); either redraws the panel.
  watchText(
    store,
    (s) => s.governance,
    () => render(),
  );
  watchText(
    store,
    (s) => s.trail,
    () => render(),
  );

  function render(): void {
    const { governance: g, trail, info } = store.getState();
    panel.hidden = g === null;
    if (!g) {
      body.replaceChildren();
      return;
    }
    const figures = el(
      'dl',
      { className: 'gov-figures' },
      governanceFigures(g).flatMap((f) => figure(f.id, f.term, f.value)),
    );
    const parts: HTMLElement[] = [figures];
    if (g.support.length) {
      const unitName = (id: string) => info?.supportUnits.find((u) => u.id === id)?.name ?? id;
      const head = el('tr', {}, [
        el('th', { text: t('gov.support.unit') }),
        el('th', { text: t('gov.support.requested') }),
        el('th', { text: t('gov.support.sent') }),
        el('th', { text: t('gov.support.arrived') }),
      ]);
      const rows = g.support.map((s) =>
        el('tr', { attrs: { 'data-unit': s.unit }, ...(s.misdirected ? { title: t('gov.support.misdirected') } : {}) }, [
          el('td', { text: `${unitName(s.unit)}${s.misdirected ? ' ⚠' : ''}` }),
          el('td', { text: formatMoment(s.requestedS >= 0 ? s.requestedS : null) }),
          el('td', { text: formatMoment(s.dispatchedS >= 0 ? s.dispatchedS : null) }),
          el('td', { text: formatMoment(s.arrivedS >= 0 ? s.arrivedS : null) }),
        ]),
      );
      parts.push(el('h3', { text: t('gov.support') }), el('table', { className: 'gov-support' }, [el('thead', {}, [head]), el('tbody', {}, rows)]));
    }
    const lines = trail.slice(-TRAIL_SHOWN).reverse();
    parts.push(
      el('h3', { text: t('gov.trail') }),
      lines.length
        ? el(
            'ol',
            { className: 'gov-trail', attrs: { id: 'governance-trail' } },
            lines.map((entry) => el('li', { text: trailLine(entry, info), attrs: { 'data-kind': entry.kind } })),
          )
        : el('p', { className: 'empty', text: t('gov.trailEmpty') }),
    );
    body.replaceChildren(...parts);
  }
}
