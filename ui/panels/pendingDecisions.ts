import type { DecisionMetric } from '../../sim/index';
import type { LoadedInfo } from '../../workers/simHost';
import { el } from '../dom';
import { formatClock } from '../format';
import { type MessageKey, t } from '../i18n/index';
import { type DrillStore, watchText } from '../store';

/** A decision's subject (a shelter or a support unit) by its name in the scenario. */
function subjectName(info: LoadedInfo | null, subject: string | null): string {
  if (subject === null) return '';
  const place = info?.places.find((p) => p.id === subject);
  const unit = info?.supportUnits.find((u) => u.id === subject);
  return place?.name ?? unit?.name ?? subject;
}

/** What became of a decision not yet in effect, in words. */
export function decisionState(d: DecisionMetric, info: LoadedInfo | null): string {
  const approver = info?.organisations.find((o) => o.id === d.approver)?.name ?? d.approver ?? '';
  if (d.approvalWaitS !== null) return t('decision.approved');
  if (d.approver === null) return t('decision.noApprover');
  const waiting = t('decision.waiting', { approver, since: formatClock(d.requestedS) });
  if (d.refusals === 0) return waiting;
  return `${waiting} ${d.refusals === 1 ? t('decision.refusedOnce') : t('decision.refused', { count: d.refusals })}`;
}

/**
 * The community's decisions that have not taken effect yet, in the command panel: those waiting for
 * approval say from whom, so trainees see why an order they gave has not happened.
 */
export function mountPendingDecisions(store: DrillStore, parent: HTMLElement, before: Node): void {
  const box = el('div', { className: 'pending-decisions', attrs: { id: 'pending-decisions' } });
  parent.insertBefore(box, before);
  watchText(
    store,
    (s) => s.decisions,
    (decisions) => {
      const info = store.getState().info;
      const open = decisions.filter((d) => d.latencyS === null);
      box.hidden = open.length === 0;
      box.replaceChildren(
        el('h3', { text: t('decision.heading') }),
        el(
          'ul',
          {},
          open.map((d) => {
            const subject = subjectName(info, d.subject);
            const what = `${t(`decision.${d.decision}` as MessageKey)}${subject ? ` (${subject})` : ''}`;
            return el('li', { attrs: { 'data-decision': d.decision, 'data-subject': d.subject ?? '' } }, [
              el('span', { className: 'decision-what', text: what }),
              el('span', { className: 'decision-state', text: decisionState(d, info) }),
            ]);
          }),
        ),
      );
    },
  );
}
