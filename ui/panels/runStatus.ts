import { byId, el } from '../dom';
import { formatClock, formatCount, formatSafe } from '../format';
import { type MessageKey, t } from '../i18n/index';
import { cssColor, RESIDENT_LOOKS } from '../map/palette';
import { ResidentLook } from '../residentLook';
import { type DrillState, type DrillStore, watch, watchText } from '../store';
import './runStatus.css';
import { truthVisibleFor } from './truthToggle';

/** Looks in the order a warning moves people through them; the bar reads left to right the same way. */
const BREAKDOWN: number[] = [
  ResidentLook.Safe,
  ResidentLook.Moving,
  ResidentLook.Preparing,
  ResidentLook.Sheltering,
  ResidentLook.AwaitingHelp,
  ResidentLook.Warned,
  ResidentLook.NotWarned,
  ResidentLook.Deceased,
];

/**
 * What a trainee's seat sees instead of the breakdown: figures the command post has. Residents who reach an
 * exit or shelter are counted at its door, so the safe figure is known; who is still at home, warned or
 * dead is not.
 */
const KNOWN_FIGURES: { id: string; label: MessageKey; value: (s: DrillState) => number | null }[] = [
  { id: 'counted', label: 'status.counted', value: (s) => s.metrics?.safe ?? null },
  { id: 'alertsReceived', label: 'status.alertsReceived', value: (s) => s.known?.alertsReceived ?? null },
  { id: 'needsNotMet', label: 'status.needsNotMet', value: (s) => s.known?.needsNotMet ?? null },
];

/**
 * The simulated clock, the headline "safe" count, and a bar and counts of residents by what they know and
 * do; in a trainee's seat, a note and the figures the command post knows instead of the true breakdown.
 */
export function mountRunStatus(store: DrillStore): void {
  const clock = byId<HTMLDivElement>('clock');
  const safe = byId<HTMLDivElement>('safe-count');
  const bar = byId<HTMLDivElement>('state-bar');
  const counts = byId<HTMLDListElement>('state-counts');

  const segments = BREAKDOWN.map((look) => {
    const segment = el('div', { className: 'segment' });
    segment.style.background = cssColor(RESIDENT_LOOKS[look].color);
    bar.append(segment);
    return segment;
  });
  const labels = BREAKDOWN.map(() => document.createTextNode(''));
  const values = BREAKDOWN.map((look, i) => {
    const swatch = el('span', { className: 'swatch dot' });
    swatch.style.background = cssColor(RESIDENT_LOOKS[look].color);
    const value = el('dd', { text: '–', attrs: { 'data-look': String(look) } });
    counts.append(el('dt', {}, [swatch, labels[i]]), value);
    return value;
  });

  const note = el('p', { className: 'state-note', attrs: { id: 'state-known-note' } });
  const known = el('dl', { className: 'state-known', attrs: { id: 'state-known' } });
  const knownLabels = KNOWN_FIGURES.map(() => document.createTextNode(''));
  const knownValues = KNOWN_FIGURES.map((figure, i) => {
    const value = el('dd', { text: '–', attrs: { 'data-known': figure.id } });
    known.append(el('dt', {}, [knownLabels[i]]), value);
    return value;
  });
  counts.after(note, known);

  watch(
    store,
    (s) => s.language,
    () => {
      BREAKDOWN.forEach((look, i) => {
        segments[i].title = t(RESIDENT_LOOKS[look].label);
        labels[i].textContent = t(RESIDENT_LOOKS[look].label);
      });
      KNOWN_FIGURES.forEach((figure, i) => {
        knownLabels[i].textContent = t(figure.label);
      });
      note.textContent = t('status.knownOnly');
    },
  );

  watchText(
    store,
    (s) => s.timeS,
    (timeS) => {
      clock.textContent = formatClock(timeS);
      clock.dataset.timeS = String(timeS);
    },
  );

  function render(): void {
    const state = store.getState();
    const { metrics } = state;
    const truth = truthVisibleFor(state);
    safe.textContent = metrics ? formatSafe(metrics.safe, metrics.residents) : t('safe.none');
    bar.hidden = !truth;
    counts.hidden = !truth;
    note.hidden = truth;
    known.hidden = truth;
    // In a trainee's seat the true counts leave the page, not just the view: they could be read there.
    BREAKDOWN.forEach((look, i) => {
      const n = truth ? (metrics?.looks[look] ?? 0) : 0;
      let text = '';
      if (truth) text = metrics ? formatCount(n) : '–';
      values[i].textContent = text;
      values[i].classList.toggle('alarm', look === ResidentLook.AwaitingHelp && n > 0);
      segments[i].style.flexGrow = String(metrics && metrics.residents > 0 ? n / metrics.residents : 0);
    });
    KNOWN_FIGURES.forEach((figure, i) => {
      const n = truth ? null : figure.value(state);
      knownValues[i].textContent = n === null ? '–' : formatCount(n);
    });
  }

  // Each runs `render` once now and again when its part changes: frames, the seat or the switch, knowledge.
  watchText(store, (s) => s.metrics, render);
  watch(store, truthVisibleFor, render);
  watch(store, (s) => s.known, render);
}
