import type { ScenarioError } from '../../sim/index';
import type { ReviewRequest } from '../../workers/reviewHost';
import type { ReportReply } from '../../workers/reviewReport';
import { el } from '../dom';
import { type MessageKey, t } from '../i18n/index';
import type { ReviewWorker } from './reviewClient';
import './report.css';

/** What the report needs from the review: the run under review and its worker. */
export interface ReportHost {
  screen: HTMLElement;
  context: () => { request: ReviewRequest } | null;
  remote: () => ReviewWorker['remote'] | null;
}

function button(id: string, key: MessageKey): HTMLButtonElement {
  return el('button', { text: t(key), attrs: { id, type: 'button', 'data-i18n': key } });
}

/** Hand a text file to the browser's downloads. */
function download(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = el('a', { attrs: { href: url, download: fileName } });
  document.body.append(link);
  link.click();
  link.remove();
  // The download has taken its copy once the click's task has run.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * The review's "Report" button: builds the after-action report of the run under review in the review worker
 * (as `drill report` does), downloads it as a self-contained HTML page, and lists the improvement plan with a
 * button per item that downloads the changed strategy as a strategy file for the next drill.
 */
export function mountReport(host: ReportHost) {
  const openButton = button('review-report', 'report.open');
  const top = host.screen.querySelector('.review-top');
  top?.insertBefore(openButton, top.querySelector('#review-projector'));
  const panel = el('div', { className: 'report-panel', attrs: { id: 'report-panel', role: 'status', 'aria-live': 'polite' } });
  panel.hidden = true;
  host.screen.querySelector('.review-status')?.after(panel);
  let last: Extract<ReportReply, { ok: true }> | null = null;
  let building = 0;

  function show(text: string, errors: ScenarioError[] = []): void {
    panel.hidden = false;
    const hide = button('report-hide', 'report.hide');
    hide.className = 'report-hide';
    hide.addEventListener('click', () => {
      panel.hidden = true;
    });
    panel.replaceChildren(hide, el('p', { text }));
    if (errors.length) {
      const list = el('ul', { className: 'review-errors' });
      for (const e of errors) list.append(el('li', { text: `${e.path}: ${e.message}${e.hint ? ` — ${e.hint}` : ''}` }));
      panel.append(list);
    }
  }

  function showPlan(reply: Extract<ReportReply, { ok: true }>): void {
    show(t('report.ready', { file: reply.fileName }));
    const again = button('report-download', 'report.download');
    again.addEventListener('click', () => download(reply.fileName, reply.html, 'text/html'));
    panel.append(el('p', {}, [again]));
    if (reply.plan.length === 0) {
      panel.append(el('p', { text: t('report.noPlan') }));
      return;
    }
    panel.append(el('p', { text: t('report.plan') }));
    const list = el('ol', { className: 'report-plan', attrs: { id: 'report-plan' } });
    for (const item of reply.plan) {
      const save = button(`report-strategy-${item.index}`, 'report.strategy');
      save.title = item.fileName;
      save.addEventListener('click', () => download(item.fileName, item.json, 'application/json'));
      list.append(el('li', { text: item.text }, [save]));
    }
    panel.append(list);
  }

  async function build(): Promise<void> {
    const context = host.context();
    const remote = host.remote();
    if (!context || !remote) {
      show(t('report.cannot'), [{ path: '(review)', message: t('report.noRun') }]);
      return;
    }
    const mine = ++building;
    openButton.disabled = true;
    show(t('report.building'));
    let reply: ReportReply;
    try {
      reply = await remote.report(context.request);
    } catch (error) {
      reply = { ok: false, errors: [{ path: '(worker)', message: error instanceof Error ? error.message : String(error) }] };
    } finally {
      if (mine === building) openButton.disabled = false;
    }
    if (mine !== building) return;
    if (!reply.ok) {
      show(t('report.cannot'), reply.errors);
      return;
    }
    last = reply;
    download(reply.fileName, reply.html, 'text/html');
    showPlan(reply);
  }

  openButton.addEventListener('click', () => void build());

  return {
    /** The last report built (for tests), or null. */
    get last() {
      return last;
    },
    /** Forget the report: another run is under review, or the review closed. */
    reset(): void {
      building++;
      last = null;
      openButton.disabled = false;
      panel.hidden = true;
      panel.replaceChildren();
    },
  };
}
