import { byId, el } from '../dom';
import { formatClock, formatCount, formatSafe } from '../format';
import { t } from '../i18n/index';
import { cssColor, RESIDENT_LOOKS } from '../map/palette';
import { ResidentLook } from '../residentLook';
import { type DrillStore, watch, watchText } from '../store';

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

/** The simulated clock, the headline "safe" count, and a bar and counts of residents by what they know and do. */
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

  watch(
    store,
    (s) => s.language,
    () => {
      BREAKDOWN.forEach((look, i) => {
        segments[i].title = t(RESIDENT_LOOKS[look].label);
        labels[i].textContent = t(RESIDENT_LOOKS[look].label);
      });
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
  watchText(
    store,
    (s) => s.metrics,
    (metrics) => {
      safe.textContent = metrics ? formatSafe(metrics.safe, metrics.residents) : t('safe.none');
      BREAKDOWN.forEach((look, i) => {
        const n = metrics?.looks[look] ?? 0;
        values[i].textContent = metrics ? formatCount(n) : '–';
        values[i].classList.toggle('alarm', look === ResidentLook.AwaitingHelp && n > 0);
        segments[i].style.flexGrow = String(metrics && metrics.residents > 0 ? n / metrics.residents : 0);
      });
    },
  );
}
