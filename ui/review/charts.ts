import { axisLeft, line, pointer, type ScaleLinear, scaleLinear } from 'd3';
import { el } from '../dom';
import { formatClock, formatCount } from '../format';
import { type MessageKey, t } from '../i18n/index';
import type { DecisionBar, DecisionChart, LineChart, ReviewChart } from './chartData';
import { appendChart, appendTimeAxis, CHART_MARGIN, inProjector, ResizingCharts, UNIT_KEYS } from './chartFrame';

const MARGIN = CHART_MARGIN;
/** Plot height in pixels, and taller on a projector. */
const HEIGHT = 130;
const PROJECTOR_HEIGHT = 210;
const BAR_ROW = 20;
const PROJECTOR_BAR_ROW = 30;

/** A drawn chart: its time scale and the cursor line that follows the timeline. */
interface Drawn {
  id: string;
  x: ScaleLinear<number, number>;
  cursor: SVGLineElement;
}

const DECISION_KEYS: Record<DecisionBar['decision'], MessageKey> = {
  orderEvacuation: 'review.decision.orderEvacuation',
  mobiliseVolunteers: 'review.decision.mobiliseVolunteers',
  openShelter: 'review.decision.openShelter',
  releaseSupplies: 'review.decision.releaseSupplies',
  requestSupport: 'review.decision.requestSupport',
};

/**
 * The review's charts (d3, SVG): figures over the run's time and decision latency bars, all on one time axis
 * with a cursor line at the timeline's position. Clicking a chart seeks there. Redrawn on resize, language
 * or projector changes; the cursor alone moves on every frame.
 */
export class ReviewCharts extends ResizingCharts {
  private charts: ReviewChart[] = [];
  private endS = 1;
  private cursorS = 0;
  private drawn: Drawn[] = [];
  private renderQueued = false;

  constructor(
    host: HTMLElement,
    private readonly onSeek: (timeS: number) => void,
  ) {
    super(host);
  }

  protected hasContent(): boolean {
    return true;
  }

  protected redraw(): void {
    this.queueRender();
  }

  /** Charts of a newly opened review, on a time axis from 0 to `endS`. */
  show(charts: ReviewChart[], endS: number): void {
    this.charts = charts;
    this.endS = Math.max(endS, 1e-9);
    this.cursorS = 0;
    this.render();
  }

  /** Move every chart's cursor to `timeS`. */
  setCursor(timeS: number): void {
    this.cursorS = timeS;
    for (const d of this.drawn) placeCursor(d, timeS);
  }

  /** Each chart's cursor position in pixels from its plot's left edge (for tests). */
  cursorPositions(): { id: string; x: number }[] {
    return this.drawn.map((d) => ({ id: d.id, x: Number(d.cursor.getAttribute('x1')) }));
  }

  /** Draw again (language or layout changed). */
  queueRender(): void {
    if (this.renderQueued) return;
    this.renderQueued = true;
    requestAnimationFrame(() => {
      this.renderQueued = false;
      this.render();
    });
  }

  private render(): void {
    this.lastWidth = this.host.clientWidth;
    this.host.replaceChildren();
    this.drawn = [];
    const projector = inProjector();
    for (const chart of this.charts) {
      const figure = el('figure', { className: 'review-chart', attrs: { 'data-chart': chart.id } });
      figure.append(el('figcaption', { text: t(chart.title) }));
      this.host.append(figure);
      const width = Math.max(figure.clientWidth, 240);
      const empty = chart.kind === 'lines' ? chart.lines.length === 0 : chart.bars.length === 0;
      if (empty) {
        figure.append(el('p', { className: 'review-chart-empty', text: t(chart.empty ?? 'review.chart.noData') }));
        continue;
      }
      const drawn = chart.kind === 'lines' ? this.drawLines(figure, chart, width, projector) : this.drawBars(figure, chart, width, projector);
      this.drawn.push(drawn);
      placeCursor(drawn, this.cursorS);
    }
  }

  private frame(figure: HTMLElement, id: string, width: number, plotHeight: number, left: number) {
    const plot = appendChart(figure, width, plotHeight, left);
    const x = appendTimeAxis(plot, this.endS, width - left - MARGIN.right, plotHeight, Math.max(2, Math.floor(width / 110)));
    // A transparent backdrop takes the clicks anywhere on the plot.
    plot
      .append('rect')
      .attr('class', 'chart-hit')
      .attr('width', x.range()[1])
      .attr('height', plotHeight)
      .on('click', (event: MouseEvent) => {
        const [px] = pointer(event);
        this.onSeek(Math.min(this.endS, Math.max(0, x.invert(px))));
      });
    // The cursor goes on top once the chart is drawn.
    const finish = (): Drawn => {
      const cursor = plot.append('line').attr('class', 'chart-cursor').attr('y1', 0).attr('y2', plotHeight).node() as SVGLineElement;
      return { id, x, cursor };
    };
    return { plot, x, finish };
  }

  private drawLines(figure: HTMLElement, chart: LineChart, width: number, projector: boolean): Drawn {
    const plotHeight = projector ? PROJECTOR_HEIGHT : HEIGHT;
    const { plot, x, finish } = this.frame(figure, chart.id, width, plotHeight, MARGIN.left);
    let max = 0;
    for (const l of chart.lines) for (const [, v] of l.points) if (v > max) max = v;
    const y = scaleLinear()
      .domain([0, chart.unit === 'share' ? 1 : Math.max(1, max * 1.05)])
      .range([plotHeight, 0]);
    plot
      .append('g')
      .attr('class', 'axis axis-y')
      .call(
        axisLeft(y)
          .ticks(4)
          .tickFormat((v) => (chart.unit === 'share' ? `${Math.round(Number(v) * 100)}%` : formatCount(Number(v)))),
      );
    const path = line<[number, number]>()
      .x(([s]) => x(s))
      .y(([, v]) => y(v));
    for (const l of chart.lines) {
      plot
        .append('path')
        .attr('class', `chart-line tone-${l.tone}`)
        .attr('d', path(l.points) ?? '');
    }
    const key = el('div', { className: 'review-chart-key' });
    for (const l of chart.lines) key.append(el('span', { className: `key tone-${l.tone}`, text: t(l.label) }));
    key.append(el('span', { className: 'key-unit', text: t(UNIT_KEYS[chart.unit]) }));
    figure.append(key);
    return finish();
  }

  private drawBars(figure: HTMLElement, chart: DecisionChart, width: number, projector: boolean): Drawn {
    const row = projector ? PROJECTOR_BAR_ROW : BAR_ROW;
    const plotHeight = chart.bars.length * row;
    const left = Math.min(260, Math.round(width * 0.38));
    const { plot, x, finish } = this.frame(figure, chart.id, width, plotHeight, left);
    chart.bars.forEach((bar, k) => {
      const top = k * row + 3;
      const h = row - 6;
      const end = bar.effectiveS ?? this.endS;
      const name = t(DECISION_KEYS[bar.decision]);
      const label = bar.subject ? `${name} (${bar.subject})` : name;
      plot
        .append('text')
        .attr('class', 'bar-label')
        .attr('x', -6)
        .attr('y', top + h / 2)
        .attr('dy', '0.35em')
        .attr('text-anchor', 'end')
        .text(label);
      plot
        .append('rect')
        .attr('class', bar.effectiveS === null ? 'bar bar-pending' : 'bar bar-latency')
        .attr('x', x(bar.fromS))
        .attr('y', top)
        .attr('width', Math.max(1, x(end) - x(bar.fromS)))
        .attr('height', h)
        .append('title')
        .text(barTitle(bar, label));
      if (bar.approvalWaitS !== null && bar.approvalWaitS > 0) {
        plot
          .append('rect')
          .attr('class', 'bar bar-approval')
          .attr('x', x(bar.requestedS))
          .attr('y', top + h / 4)
          .attr('width', Math.max(1, x(bar.approvedS ?? this.endS) - x(bar.requestedS)))
          .attr('height', h / 2);
      }
      plot
        .append('text')
        .attr('class', 'bar-value')
        .attr('x', Math.min(x(end) + 4, x.range()[1] - 2))
        .attr('y', top + h / 2)
        .attr('dy', '0.35em')
        .attr('text-anchor', x(end) + 60 > x.range()[1] ? 'end' : 'start')
        .text(bar.latencyS === null ? t('review.bar.pending') : formatClock(bar.latencyS));
    });
    const key = el('div', { className: 'review-chart-key' });
    key.append(el('span', { className: 'key tone-latency', text: t('review.bar.latency') }));
    key.append(el('span', { className: 'key tone-approval', text: t('review.bar.approval') }));
    figure.append(key);
    return finish();
  }
}

function placeCursor(d: Drawn, timeS: number): void {
  const px = String(Math.round(d.x(timeS) * 10) / 10);
  d.cursor.setAttribute('x1', px);
  d.cursor.setAttribute('x2', px);
}

function barTitle(bar: DecisionBar, label: string): string {
  return t('review.bar.title', {
    decision: label,
    requested: formatClock(bar.requestedS),
    latency: bar.latencyS === null ? t('review.bar.pending') : formatClock(bar.latencyS),
    approval: bar.approvalWaitS === null ? t('review.bar.pending') : formatClock(bar.approvalWaitS),
  });
}
