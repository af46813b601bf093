import { byId, el } from '../dom';
import { t } from '../i18n/index';
import type { MapView } from '../map/MapView';
import './governance.css';
import { type DrillState, type DrillStore, watchText } from '../store';

/**
 * Whether the map draws the truth (the hazard field, every resident): always outside a drill; during a
 * drill only for the facilitator who switched it on. Trainees see what their command post knows.
 */
export function truthVisibleFor(state: Pick<DrillState, 'drill' | 'actingRole' | 'showTruth'>): boolean {
  return state.drill === null || (state.actingRole === 'facilitator' && state.showTruth);
}

/**
 * On the map during a drill: for the facilitator, the "Show truth" switch; for a trainee's seat, a note
 * that the map shows what the command post knows. Keeps the map's truth layers in step with the seat.
 */
export function mountTruthToggle(store: DrillStore, map: Pick<MapView, 'setTruthVisible'>): void {
  const host = byId<HTMLElement>('truth-toggle');
  const box = el('input', { attrs: { id: 'show-truth', type: 'checkbox' } });
  const label = el('label', { className: 'truth-switch' }, [box, el('span')]);
  const note = el('span', { className: 'truth-note', attrs: { id: 'knowledge-note' } });
  host.append(label, note);
  box.addEventListener('change', () => {
    box.blur();
    store.setState({ showTruth: box.checked });
  });

  watchText(
    store,
    (s) => `${s.drill?.id ?? ''}|${s.actingRole}|${s.showTruth}`,
    () => {
      const state = store.getState();
      const facilitator = state.actingRole === 'facilitator';
      host.hidden = state.drill === null;
      label.hidden = !facilitator;
      note.hidden = facilitator && state.showTruth;
      box.checked = state.showTruth;
      (label.lastChild as HTMLElement).textContent = t('truth.show');
      label.title = t('truth.showTitle');
      note.textContent = t('truth.knowledgeOnly');
      note.title = t('truth.knowledgeOnlyTitle');
      map.setTruthVisible(truthVisibleFor(state));
    },
  );
}
