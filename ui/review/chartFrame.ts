import { axisBottom, type ScaleLinear, scaleLinear, select } from 'd3';
import { formatClock } from '../format';
import type { MessageKey } from '../i18n/index';

/** Margins of every review and comparison chart around its plot, px. */
export const CHART_MARGIN = { top: 8, right: 14, bottom: 24, left: 52 };

/** Keys of the units under a chart. */
export const UNIT_KEYS: Record<'share' | 'count' | 'personMinutes', MessageKey> = {
  share: 'review.unit.share',
  count: 'review.unit.count',
  personMinutes: 'review.unit.personMinutes',
};

/** Whether the page is in projector mode (taller charts, bigger type). */
export function inProjector(): boolean {
  return document.body.classList.contains('projector');
}

/**
 * An SVG chart in `figure`, `width` px wide, with a plot of `plotHeight` px whose left edge is `left` px in;
 * the plot group is translated, so its (0, 0) is the plot's top-left corner.
 */
export function appendChart(figure: HTMLElement, width: number, plotHeight: number, left: number, label?: string) {
  const svg = select(figure)
    .append('svg')
    .attr('class', 'review-chart-svg')
    .attr('width', width)
    .attr('height', plotHeight + CHART_MARGIN.top + CHART_MARGIN.bottom)
    .attr('role', 'img');
  if (label) svg.attr('aria-label', label);
  return svg.append('g').attr('transform', `translate(${left},${CHART_MARGIN.top})`);
}

/** A time scale from 0 to `endS` across a plot `plotWidth` px wide, drawn under it as about `ticks` clock times. */
export function appendTimeAxis(
  plot: ReturnType<typeof appendChart>,
  endS: number,
  plotWidth: number,
  plotHeight: number,
  ticks: number,
): ScaleLinear<number, number> {
  const x = scaleLinear().domain([0, endS]).range([0, plotWidth]);
  appendBottomAxis(plot, x, plotHeight, ticks, (s) => formatClock(s));
  return x;
}

/** The axis of scale `x` under a plot `plotHeight` px high, about `ticks` values written by `format`. */
export function appendBottomAxis(
  plot: ReturnType<typeof appendChart>,
  x: ScaleLinear<number, number>,
  plotHeight: number,
  ticks: number,
  format: (value: number) => string,
): void {
  plot
    .append('g')
    .attr('class', 'axis axis-x')
    .attr('transform', `translate(0,${plotHeight})`)
    .call(
      axisBottom(x)
        .ticks(ticks)
        .tickFormat((v) => format(Number(v))),
    );
}

/**
 * Charts that redraw when their host changes width: `render` must set `lastWidth` to the host's width, and
 * `hasContent` says whether there is anything to redraw.
 */
export abstract class ResizingCharts {
  protected lastWidth = 0;

  constructor(protected readonly host: HTMLElement) {
    new ResizeObserver(() => {
      if (this.host.clientWidth !== this.lastWidth && this.hasContent()) this.redraw();
    }).observe(host);
  }

  protected abstract hasContent(): boolean;
  protected abstract redraw(): void;
}
