import { ResidentState } from '../../sim/core/Simulation';
import { byId, el } from '../dom';
import { formatClock, formatCount, formatSafe } from '../format';
import { cssColor, RESIDENT_STYLES } from '../map/palette';
import { type DrillStore, type MetricsSummary, watch } from '../store';

const BREAKDOWN: { key: keyof MetricsSummary; state: number }[] = [
  { key: 'safe', state: ResidentState.Safe },
  { key: 'moving', state: ResidentState.Moving },
  { key: 'preparing', state: ResidentState.Preparing },
  { key: 'idle', state: ResidentState.Idle },
];

/** The simulated clock, the headline "safe" count, and a bar of residents by state. */
export function mountRunStatus(store: DrillStore): void {
  const clock = byId<HTMLDivElement>('clock');
  const safe = byId<HTMLDivElement>('safe-count');
  const bar = byId<HTMLDivElement>('state-bar');
  const counts = byId<HTMLDListElement>('state-counts');

  const segments = BREAKDOWN.map(({ state }) => {
    const segment = el('div', { className: 'segment' });
    segment.style.background = cssColor(RESIDENT_STYLES[state].color);
    bar.append(segment);
    return segment;
  });
  const values = BREAKDOWN.map(({ state }) => {
    const swatch = el('span', { className: 'swatch dot' });
    swatch.style.background = cssColor(RESIDENT_STYLES[state].color);
    const value = el('dd', { text: '–' });
    counts.append(el('dt', {}, [swatch, document.createTextNode(RESIDENT_STYLES[state].label)]), value);
    return value;
  });

  watch(
    store,
    (s) => s.timeS,
    (timeS) => {
      clock.textContent = formatClock(timeS);
      clock.dataset.timeS = String(timeS);
    },
  );
  watch(
    store,
    (s) => s.metrics,
    (metrics) => {
      safe.textContent = metrics ? formatSafe(metrics.safe, metrics.residents) : 'safe – / –';
      BREAKDOWN.forEach(({ key }, i) => {
        const n = metrics ? metrics[key] : 0;
        values[i].textContent = metrics ? formatCount(n) : '–';
        segments[i].style.flexGrow = String(metrics && metrics.residents > 0 ? n / metrics.residents : 0);
      });
    },
  );
}
