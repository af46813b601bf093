import { formatSummaryCell, KEY_METRICS, type KeyMetric, toDisplayUnit } from './keyMetrics';
import type { StrategySummary } from './stats';

export interface SweepReportInput {
  scenario: string;
  title: string;
  seeds: readonly number[];
  untilS: number;
  summary: readonly StrategySummary[];
  /** Every metric column, for the table of all means. */
  metricColumns: readonly string[];
}

/**
 * A self-contained HTML page (inline style and SVG, no scripts, no external files) with the comparison
 * table and one bar chart per key metric: the mean per strategy with its 95% confidence interval as a whisker.
 */
export function renderSweepReport(input: SweepReportInput): string {
  const strategies = input.summary.map((s) => strategyLabel(s.strategy));
  const shown = KEY_METRICS.filter((m) => input.summary.some((s) => s.metrics[m.column]?.mean != null));
  const head = `<tr><th>Metric</th>${strategies.map((s) => `<th>${escapeHtml(s)}</th>`).join('')}</tr>`;
  const runsRow = `<tr><td>Runs</td>${input.summary.map((s) => `<td>${s.runs}</td>`).join('')}</tr>`;
  const keyRows = shown.map((m) => metricRow(m.label, m, input.summary)).join('\n');
  const allRows = input.metricColumns.map((column) => metricRow(column, { column, label: column, kind: 'raw' }, input.summary)).join('\n');
  const seedText = input.seeds.length ? `${input.seeds[0]} to ${input.seeds[input.seeds.length - 1]}` : 'none';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Strategy comparison: ${escapeHtml(input.scenario)}</title>
<style>
body { font: 16px/1.4 system-ui, sans-serif; margin: 2rem auto; max-width: 72rem; padding: 0 1rem; color: #1a1a1a; }
table { border-collapse: collapse; margin: 1rem 0; }
th, td { padding: 0.3rem 0.7rem; border-bottom: 1px solid #ccc; text-align: right; white-space: nowrap; }
th:first-child, td:first-child { text-align: left; }
.charts { display: flex; flex-wrap: wrap; gap: 1.5rem; }
figure { margin: 0; }
figcaption { font-weight: 600; margin-bottom: 0.3rem; }
svg text { font: 13px system-ui, sans-serif; fill: #1a1a1a; }
.note { color: #555; }
</style>
</head>
<body>
<h1>Strategy comparison: ${escapeHtml(input.title)}</h1>
<p>Scenario <code>${escapeHtml(input.scenario)}</code>; seeds ${escapeHtml(seedText)} (${input.seeds.length} runs per strategy);
${escapeHtml(input.untilS.toLocaleString('en-US'))} simulated seconds per run.</p>
<p class="note">Each cell is the mean over the runs ± the half-width of its 95% confidence interval (Student's t).
A time not reached in some runs is averaged over the runs that reached it, shown as "(n of runs)". In the charts the
whiskers stop at what a metric can be (0 to 100% for shares, 0 for counts and times).</p>
<table>
<thead>${head}</thead>
<tbody>
${runsRow}
${keyRows}
</tbody>
</table>
<h2>Key metrics</h2>
<div class="charts">
${shown.map((m) => barChart(m, input.summary)).join('\n')}
</div>
<details>
<summary>All metrics (raw units)</summary>
<table>
<thead>${head}</thead>
<tbody>
${allRows}
</tbody>
</table>
</details>
</body>
</html>
`;
}

function metricRow(label: string, metric: KeyMetric, summary: readonly StrategySummary[]): string {
  return `<tr><td>${escapeHtml(label)}</td>${summary.map((s) => `<td>${escapeHtml(formatSummaryCell(metric, s.metrics[metric.column], s.runs))}</td>`).join('')}</tr>`;
}

const BAR_W = 260;
const VALUE_W = 210;
const ROW_H = 28;
/** Width of one character of the 13 px chart labels, generously, so long strategy ids are not cut. */
const CHAR_W = 7.5;

/** Horizontal bars of the mean per strategy, with the confidence interval as a whisker. */
function barChart(metric: KeyMetric, summary: readonly StrategySummary[]): string {
  const bars = summary.map((s) => {
    const m = s.metrics[metric.column];
    const unit = (v: number | null | undefined) => (v == null ? null : toDisplayUnit(metric, clampToRange(metric, v)));
    return { label: strategyLabel(s.strategy), mean: unit(m?.mean), low: unit(m?.ciLow), high: unit(m?.ciHigh), cell: formatSummaryCell(metric, m, s.runs) };
  });
  const values = bars.flatMap((b) => [b.mean, b.low, b.high]).filter((v): v is number => v !== null);
  const lo = Math.min(0, ...values);
  const hi = Math.max(0, ...values);
  const span = hi - lo || 1;
  const LABEL_W = Math.max(80, Math.ceil(Math.max(...bars.map((b) => b.label.length)) * CHAR_W) + 12);
  const x = (v: number) => LABEL_W + ((v - lo) / span) * BAR_W;
  const height = bars.length * ROW_H + 8;
  const parts = [`<line x1="${fmt(x(0))}" y1="0" x2="${fmt(x(0))}" y2="${height}" stroke="#888"/>`];
  bars.forEach((b, i) => {
    const y = 4 + i * ROW_H;
    const mid = y + ROW_H / 2;
    parts.push(`<text x="${LABEL_W - 8}" y="${mid + 4}" text-anchor="end">${escapeHtml(b.label)}</text>`);
    if (b.mean !== null) {
      const [from, to] = [Math.min(x(0), x(b.mean)), Math.max(x(0), x(b.mean))];
      parts.push(`<rect x="${fmt(from)}" y="${y + 5}" width="${fmt(Math.max(to - from, 1))}" height="${ROW_H - 10}" fill="#4a7ab5"/>`);
    }
    if (b.low !== null && b.high !== null) {
      const [l, h] = [fmt(x(b.low)), fmt(x(b.high))];
      parts.push(`<path d="M${l} ${mid}H${h}M${l} ${mid - 6}V${mid + 6}M${h} ${mid - 6}V${mid + 6}" stroke="#1a1a1a" stroke-width="1.5" fill="none"/>`);
    }
    parts.push(`<text x="${LABEL_W + BAR_W + 10}" y="${mid + 4}">${escapeHtml(b.cell)}</text>`);
  });
  const width = LABEL_W + BAR_W + VALUE_W;
  return `<figure>
<figcaption>${escapeHtml(metric.label)}</figcaption>
<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeHtml(metric.label)} by strategy">
${parts.join('\n')}
</svg>
</figure>`;
}

/**
 * A value within what the metric can be (shares 0 to 1, the key metrics not below 0): with few, spread
 * runs a confidence interval can reach past it, and a whisker there would only squeeze the chart.
 */
function clampToRange(metric: KeyMetric, value: number): number {
  if (metric.kind === 'raw') return value;
  return Math.max(0, metric.kind === 'share' ? Math.min(1, value) : value);
}

export function strategyLabel(strategy: string): string {
  return strategy === '' ? '(none)' : strategy;
}

function fmt(n: number): string {
  return n.toFixed(1);
}

export function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;').replaceAll("'", '&#39;');
}
