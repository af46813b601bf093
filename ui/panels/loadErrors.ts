import { byId, el } from '../dom';
import type { DrillController } from '../drillController';
import { t } from '../i18n/index';
import { type DrillStore, watchText } from '../store';

/**
 * The errors of a scenario file that did not load: JSON path, what is wrong, how to fix it. Scenario text
 * is untrusted, so every piece goes in as textContent. The previous run keeps going underneath.
 */
export function mountLoadErrors(store: DrillStore, drill: DrillController): void {
  const panel = byId<HTMLElement>('load-errors');

  watchText(
    store,
    (s) => s.loadFailure,
    (failure) => {
      panel.replaceChildren();
      panel.hidden = failure === null;
      if (!failure) return;
      const count = failure.errors.length;
      const record = failure.what === 'record';
      const source = failure.source || t(record ? 'errors.theRecord' : 'errors.theScenario');
      const key = record
        ? count === 1
          ? 'errors.recordHeadingOne'
          : 'errors.recordHeading'
        : count === 1
          ? 'errors.scenarioHeadingOne'
          : 'errors.scenarioHeading';
      const heading = el('h2', { text: t(key, { source, count }) });
      const close = el('button', { className: 'close', text: t('errors.dismiss'), attrs: { type: 'button' } });
      close.addEventListener('click', () => drill.dismissFailure());
      const list = el(
        'ol',
        { className: 'error-list' },
        failure.errors.map((error) =>
          el('li', { className: 'error' }, [
            el('code', { className: 'path', text: error.path }),
            el('span', { className: 'message', text: error.message }),
            ...(error.hint ? [el('span', { className: 'hint', text: t('errors.fix', { hint: error.hint }) })] : []),
          ]),
        ),
      );
      const note = el('p', { className: 'note', text: t(record ? 'errors.recordNote' : 'errors.scenarioNote') });
      panel.append(el('header', {}, [heading, close]), list, note);
    },
  );
}
