import { byId } from '../dom';
import { formatClock } from '../format';
import { t } from '../i18n/index';
import { cssColor, RESIDENT_LOOKS, SENSOR_SWATCH } from '../map/palette';
import { ResidentLook } from '../residentLook';
import { type DrillStore, type ProgressSeries, watch } from '../store';
import { truthVisibleFor } from './truthToggle';

const SVG = 'http://www.w3.org/2000/svg';
/** Chart size in SVG units; it stretches to the panel's width. */
const WIDTH = 300;
const HEIGHT = 52;
/** The time axis shows at least this much, s, so the first samples do not fill the whole width. */
const MIN_SPAN_S = 120;

const INFORMED_COLOR = cssColor(RESIDENT_LOOKS[ResidentLook.Warned].color);
const SAFE_COLOR = cssColor(RESIDENT_LOOKS[ResidentLook.Safe].color);
const DETECTION_COLOR = cssColor(SENSOR_SWATCH.color);
const WARNING_COLOR = '#ffffff';

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string>): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  return node;
}

/** SVG polyline points for [timeS, share] pairs on a time axis of `spanS`. Non-finite samples are skipped. */
export function linePoints(series: readonly (readonly [number, number])[], spanS: number): string {
  const out: string[] = [];
  for (const [t, share] of series) {
    if (!Number.isFinite(t) || !Number.isFinite(share)) continue;
    const x = (Math.max(0, t) / spanS) * WIDTH;
    const y = HEIGHT - Math.min(1, Math.max(0, share)) * HEIGHT;
    out.push(`${x.toFixed(1)},${y.toFixed(1)}`);
  }
  return out.join(' ');
}

function lastTime(series: readonly (readonly [number, number])[]): number {
  const last = series[series.length - 1];
  return last && Number.isFinite(last[0]) ? last[0] : 0;
}

/**
 * Informed and safe shares over time as two lines, with the moments of first detection (amber) and first
 * warning (white) as ticks: the gap between the two curves is what early warning and volunteers close.
 * A trainee's seat sees only the safe line: the command post counts people at exits and shelters but
 * cannot know who has heard a warning.
 */
export function mountProgressChart(store: DrillStore): void {
  const host = byId<HTMLElement>('progress-chart');
  const chart = svg('svg', { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, preserveAspectRatio: 'none', role: 'img', class: 'chart' });
  const grid = svg('line', { x1: '0', x2: String(WIDTH), y1: String(HEIGHT / 2), y2: String(HEIGHT / 2), class: 'chart-grid' });
  const detection = svg('line', { y1: '0', y2: String(HEIGHT), stroke: DETECTION_COLOR, class: 'chart-mark' });
  const warning = svg('line', { y1: '0', y2: String(HEIGHT), stroke: WARNING_COLOR, class: 'chart-mark' });
  const informed = svg('polyline', { fill: 'none', stroke: INFORMED_COLOR, class: 'chart-line', 'data-line': 'informed' });
  const safe = svg('polyline', { fill: 'none', stroke: SAFE_COLOR, class: 'chart-line', 'data-line': 'safe' });
  chart.append(grid, detection, warning, informed, safe);
  const axis = document.createElement('div');
  axis.className = 'chart-axis';
  const axisStart = document.createElement('span');
  axisStart.textContent = '00:00';
  const axisEnd = document.createElement('span');
  axis.append(axisStart, axisEnd);
  const key = document.createElement('div');
  key.className = 'chart-key';
  const keyLabels: { label: Text; key: 'chart.informed' | 'chart.safe' | 'chart.detected' | 'chart.warned' }[] = [];
  let informedKey: HTMLElement | null = null;
  for (const [label, color, kind] of [
    ['chart.informed', INFORMED_COLOR, 'line'],
    ['chart.safe', SAFE_COLOR, 'line'],
    ['chart.detected', DETECTION_COLOR, 'tick'],
    ['chart.warned', WARNING_COLOR, 'tick'],
  ] as const) {
    const swatch = document.createElement('span');
    swatch.className = `key-${kind}`;
    swatch.style.background = color;
    const item = document.createElement('span');
    const text = document.createTextNode('');
    keyLabels.push({ label: text, key: label });
    item.append(swatch, text);
    key.append(item);
    if (label === 'chart.informed') informedKey = item;
  }
  host.append(chart, axis, key);

  let series: ProgressSeries | null = null;
  let informedShown = true;
  let marks: { detectionS: number | null; warningS: number | null } = { detectionS: null, warningS: null };

  function mark(line: SVGLineElement, timeS: number | null, spanS: number): void {
    const shown = timeS !== null && Number.isFinite(timeS);
    line.style.display = shown ? '' : 'none';
    if (!shown) return;
    const x = String(((timeS as number) / spanS) * WIDTH);
    line.setAttribute('x1', x);
    line.setAttribute('x2', x);
  }

  function draw(): void {
    const informedSeries = informedShown ? (series?.informed ?? []) : [];
    const safeSeries = series?.safe ?? [];
    const spanS = Math.max(MIN_SPAN_S, lastTime(informedSeries), lastTime(safeSeries), marks.detectionS ?? 0, marks.warningS ?? 0);
    informed.setAttribute('points', linePoints(informedSeries, spanS));
    informed.style.display = informedShown ? '' : 'none';
    if (informedKey) informedKey.style.display = informedShown ? '' : 'none';
    safe.setAttribute('points', linePoints(safeSeries, spanS));
    mark(detection, marks.detectionS, spanS);
    mark(warning, marks.warningS, spanS);
    axisEnd.textContent = formatClock(spanS);
    host.dataset.samples = String(informedSeries.length + safeSeries.length);
  }

  watch(
    store,
    (s) => s.language,
    () => {
      for (const { label, key: name } of keyLabels) label.textContent = t(name);
      draw();
    },
  );
  watch(store, truthVisibleFor, (truth) => {
    informedShown = truth;
    draw();
  });
  watch(
    store,
    (s) => s.progress,
    (next) => {
      series = next;
      draw();
    },
  );
  watch(
    store,
    (s) => `${s.metrics?.firstDetectionS ?? ''}|${s.metrics?.firstOfficialWarningS ?? ''}`,
    () => {
      const m = store.getState().metrics;
      marks = { detectionS: m?.firstDetectionS ?? null, warningS: m?.firstOfficialWarningS ?? null };
      draw();
    },
  );
}
