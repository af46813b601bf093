import { axisLeft, line, scaleLinear } from 'd3';
import type { Metrics } from '../../sim/index';
import { el } from '../dom';
import { formatCount } from '../format';
import { type MessageKey, t } from '../i18n/index';
import { appendBottomAxis, appendChart, appendTimeAxis, CHART_MARGIN, inProjector, ResizingCharts, UNIT_KEYS } from './chartFrame';
import { formatValue } from './compareFormat';
import { COMPARE_METRICS, type CompareMetric, type VariantSummary } from './compareStats';

/** Colours of the compared runs, in order: distinct on the dark review and on the projector's black. */
export const RUN_COLOURS = ['#b388ff', '#3ddc97', '#5b9dff', '#ff8a3d', '#ffd23f', '#ff5fd2', '#4dd2ff', '#e8eef5'] as const;

export function runColour(index: number): string {
  return RUN_COLOURS[index % RUN_COLOURS.length];
}

/** A run drawn on the overlaid charts. */
export interface OverlayRun {
  label: string;
  colour: string;
  /** Drawn dashed (the original future beside a branch). */
  dashed?: boolean;
  metrics: Metrics;
}

type Points = [number, number][];
type Series = Metrics['series'];

/** A column of a run's series over time, divided by `per`; counts start from zero at 0 s. */
function column(series: Series, name: Exclude<keyof Series, 't'>, per = 1, fromZero = true): Points {
  const points: Points = fromZero ? [[0, 0]] : [];
  for (let k = 0; k < series.t.length; k++) points.push([series.t[k], series[name][k] / per]);
  return points;
}

interface OverlaySpec {
  id: string;
  title: MessageKey;
  unit: 'share' | 'count' | 'personMinutes';
  points(m: Metrics): Points;
}

/** The figures over time the comparison overlays, one chart each, every run a line. */
const OVERLAYS: readonly OverlaySpec[] = [
  { id: 'safe', title: 'compare.chart.safe', unit: 'share', points: (m) => column(m.series, 'safe', Math.max(1, m.residents)) },
  { id: 'informed', title: 'compare.chart.informed', unit: 'share', points: (m) => column(m.series, 'informed', Math.max(1, m.residents)) },
  { id: 'exposure', title: 'compare.chart.exposure', unit: 'personMinutes', points: (m) => column(m.series, 'exposurePersonS', 60) },
  { id: 'injured', title: 'compare.chart.injured', unit: 'count', points: (m) => column(m.series, 'injured') },
  { id: 'deceased', title: 'compare.chart.deceased', unit: 'count', points: (m) => column(m.series, 'deceased') },
  { id: 'trust', title: 'compare.chart.trust', unit: 'share', points: (m) => column(m.series, 'meanTrust', 1, false) },
  { id: 'delivered', title: 'compare.chart.delivered', unit: 'count', points: (m) => m.suppliesOverTime.map(([s, , delivered]) => [s, delivered]) },
];

const MARGIN = CHART_MARGIN;
const HEIGHT = 120;
const PROJECTOR_HEIGHT = 200;

/** A key of coloured names under a chart. */
function keyOf(entries: readonly { label: string; colour: string; dashed?: boolean }[], unit?: string, className = ''): HTMLElement {
  const key = el('div', { className: `review-chart-key ${className}` });
  for (const e of entries) {
    const item = el('span', { className: `key${e.dashed ? ' key-dashed' : ''}`, text: e.label });
    item.style.setProperty('--key', e.colour);
    key.append(item);
  }
  if (unit) key.append(el('span', { className: 'key-unit', text: unit }));
  return key;
}

/**
 * The runs' figures over time on shared axes (d3, SVG), one chart per figure, each run a line of its own
 * colour. A chart no run has data for is left out. Redrawn when the host changes width.
 */
export class OverlayCharts extends ResizingCharts {
  private runs: OverlayRun[] = [];
  private endS = 1;

  protected hasContent(): boolean {
    return this.runs.length > 0;
  }

  protected redraw(): void {
    this.render();
  }

  show(runs: OverlayRun[], endS: number): void {
    this.runs = runs;
    this.endS = Math.max(endS, 1e-9);
    this.render();
  }

  clear(): void {
    this.runs = [];
    this.host.replaceChildren();
  }

  render(): void {
    this.lastWidth = this.host.clientWidth;
    this.host.replaceChildren();
    const plotHeight = inProjector() ? PROJECTOR_HEIGHT : HEIGHT;
    // One key for all the charts: every chart draws the same runs in the same colours.
    if (this.runs.length) this.host.append(keyOf(this.runs, undefined, 'compare-charts-key'));
    for (const spec of OVERLAYS) {
      const lines = this.runs.map((run) => ({ run, points: spec.points(run.metrics) }));
      if (lines.every((l) => l.points.length <= 1)) continue;
      const figure = el('figure', { className: 'review-chart compare-chart', attrs: { 'data-chart': spec.id } });
      figure.append(el('figcaption', { text: t(spec.title) }));
      this.host.append(figure);
      const width = Math.max(figure.clientWidth, 260);
      const plot = appendChart(figure, width, plotHeight, MARGIN.left, t(spec.title));
      const x = appendTimeAxis(plot, this.endS, width - MARGIN.left - MARGIN.right, plotHeight, Math.max(2, Math.floor(width / 110)));
      let max = 0;
      for (const l of lines) for (const [, v] of l.points) if (v > max) max = v;
      const top = spec.unit === 'share' ? 1 : Math.max(1, max * 1.05);
      const y = scaleLinear().domain([0, top]).range([plotHeight, 0]);
      // Persons come whole: no more ticks than there are persons on the axis.
      const yTicks = spec.unit === 'count' ? Math.max(1, Math.min(4, Math.floor(top))) : 4;
      plot
        .append('g')
        .attr('class', 'axis axis-y')
        .call(
          axisLeft(y)
            .ticks(yTicks)
            .tickFormat((v) => (spec.unit === 'share' ? `${Math.round(Number(v) * 100)}%` : formatCount(Number(v)))),
        );
      const path = line<[number, number]>()
        .x(([s]) => x(s))
        .y(([, v]) => y(v));
      for (const { run, points } of lines) {
        plot
          .append('path')
          .attr('class', `chart-line compare-line${run.dashed ? ' compare-line-dashed' : ''}`)
          .attr('data-run', run.label)
          .style('stroke', run.colour)
          .attr('d', path(points) ?? '');
      }
      figure.append(el('div', { className: 'review-chart-key' }, [el('span', { className: 'key-unit', text: t(UNIT_KEYS[spec.unit]) })]));
    }
  }
}

/** A label cut to about `widthPx` (an average character is about 0.55 em of a 12 px font), with an ellipsis. */
function fitLabel(text: string, widthPx: number): string {
  const chars = Math.max(4, Math.floor(widthPx / 6.6));
  return text.length <= chars ? text : `${text.slice(0, chars - 1)}…`;
}

const ROW = 26;
const PROJECTOR_ROW = 38;

/**
 * The distribution of each key metric over many seeds (d3): a row per variant with every run as a dot, the
 * range as a thin line, and the mean with its 95% confidence interval as a bar and a tick.
 */
export class DistributionCharts extends ResizingCharts {
  private summaries: VariantSummary[] = [];
  private labels: string[] = [];

  protected hasContent(): boolean {
    return this.summaries.length > 0;
  }

  protected redraw(): void {
    this.render();
  }

  /** `labels[i]` names `summaries[i]`; colours follow the same order as the overlaid charts. */
  show(summaries: VariantSummary[], labels: string[]): void {
    this.summaries = summaries;
    this.labels = labels;
    this.render();
  }

  clear(): void {
    this.summaries = [];
    this.host.replaceChildren();
  }

  render(): void {
    this.lastWidth = this.host.clientWidth;
    this.host.replaceChildren();
    for (const metric of COMPARE_METRICS) this.drawMetric(metric);
  }

  private drawMetric(metric: CompareMetric): void {
    const figure = el('figure', { className: 'review-chart compare-distribution', attrs: { 'data-metric': metric.column } });
    figure.append(el('figcaption', { text: t(metric.label) }));
    this.host.append(figure);
    const all = this.summaries.flatMap((s) => {
      const d = s.metrics[metric.column];
      return [...d.values, ...(d.ciLow !== null && d.ciHigh !== null ? [d.ciLow, d.ciHigh] : [])];
    });
    if (!all.length) {
      figure.append(el('p', { className: 'review-chart-empty', text: t('compare.noValues') }));
      return;
    }
    const row = inProjector() ? PROJECTOR_ROW : ROW;
    const width = Math.max(figure.clientWidth, 300);
    const left = Math.min(220, Math.round(width * 0.34));
    const plotHeight = this.summaries.length * row;
    let low = Math.min(...all);
    let high = Math.max(...all);
    if (metric.unit === 'share') {
      low = Math.max(0, low);
      high = Math.min(100, high);
    }
    if (high - low < 1e-9) {
      low -= 1;
      high += 1;
    }
    const pad = (high - low) * 0.05;
    const x = scaleLinear()
      .domain([low - pad, high + pad])
      .range([0, width - left - MARGIN.right]);
    const plot = appendChart(figure, width, plotHeight, left, t(metric.label));
    appendBottomAxis(plot, x, plotHeight, Math.max(2, Math.floor((width - left) / 90)), (v) => formatValue(metric.unit, v));
    this.summaries.forEach((summary, i) => {
      const d = summary.metrics[metric.column];
      const mid = i * row + row / 2;
      const colour = runColour(i);
      const name = this.labels[i] ?? summary.variant;
      plot
        .append('text')
        .attr('class', 'bar-label')
        .attr('x', -6)
        .attr('y', mid)
        .attr('dy', '0.35em')
        .attr('text-anchor', 'end')
        .text(fitLabel(name, left - 10))
        .append('title')
        .text(name);
      if (d.mean === null) {
        plot.append('text').attr('class', 'bar-value').attr('x', 4).attr('y', mid).attr('dy', '0.35em').text(t('compare.notReached'));
        return;
      }
      const group = plot.append('g').attr('class', 'distribution-row').attr('data-variant', summary.variant).style('color', colour);
      if (d.min !== null && d.max !== null) {
        group.append('line').attr('class', 'dist-range').attr('x1', x(d.min)).attr('x2', x(d.max)).attr('y1', mid).attr('y2', mid);
      }
      if (d.ciLow !== null && d.ciHigh !== null) {
        group
          .append('rect')
          .attr('class', 'dist-ci')
          .attr('x', x(d.ciLow))
          .attr('y', mid - 3)
          .attr('width', Math.max(1, x(d.ciHigh) - x(d.ciLow)))
          .attr('height', 6);
      }
      // Dots spread over the row by a fixed low-discrepancy sequence, so a redraw puts them in the same places.
      d.values.forEach((v, k) => {
        const spread = (((k * 0.618034) % 1) - 0.5) * row * 0.55;
        group
          .append('circle')
          .attr('class', 'dist-dot')
          .attr('cx', x(v))
          .attr('cy', mid + spread)
          .attr('r', inProjector() ? 3.5 : 2.5);
      });
      group
        .append('line')
        .attr('class', 'dist-mean')
        .attr('x1', x(d.mean))
        .attr('x2', x(d.mean))
        .attr('y1', mid - row * 0.38)
        .attr('y2', mid + row * 0.38)
        .append('title')
        .text(`${this.labels[i] ?? summary.variant}: ${formatValue(metric.unit, d.mean)}`);
    });
    figure.append(el('div', { className: 'review-chart-key' }, [el('span', { className: 'key-note', text: t('compare.distributionKey') })]));
  }
}
