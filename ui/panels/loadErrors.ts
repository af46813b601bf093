import { byId, el } from '../dom';
import type { DrillController } from '../drillController';
import { type DrillStore, watch } from '../store';

/**
 * The errors of a scenario file that did not load: JSON path, what is wrong, how to fix it. Scenario text
 * is untrusted, so every piece goes in as textContent. The previous run keeps going underneath.
 */
export function mountLoadErrors(store: DrillStore, drill: DrillController): void {
  const panel = byId<HTMLElement>('load-errors');

  watch(
    store,
    (s) => s.loadFailure,
    (failure) => {
      panel.replaceChildren();
      panel.hidden = failure === null;
      if (!failure) return;
      const count = failure.errors.length;
      const heading = el('h2', { text: `${failure.source || 'The scenario'} was not loaded: ${count} problem${count === 1 ? '' : 's'}` });
      const close = el('button', { className: 'close', text: 'Dismiss', attrs: { type: 'button' } });
      close.addEventListener('click', () => drill.dismissFailure());
      const list = el(
        'ol',
        { className: 'error-list' },
        failure.errors.map((error) =>
          el('li', { className: 'error' }, [
            el('code', { className: 'path', text: error.path }),
            el('span', { className: 'message', text: error.message }),
            ...(error.hint ? [el('span', { className: 'hint', text: `Fix: ${error.hint}` })] : []),
          ]),
        ),
      );
      const note = el('p', { className: 'note', text: 'The previous scenario is still running.' });
      panel.append(el('header', {}, [heading, close]), list, note);
    },
  );
}
