import type { ObjectiveStatus } from '../../sim/review/objectives';
import { escapeHtml } from '../sweep/htmlReport';
import { formatClock, formatMetric, METRIC_LABELS } from './format';
import type { AfterActionReport, PlanItem, ReportSeries, TimelineItem } from './reportTypes';

const STATUS_TEXT: Record<ObjectiveStatus, string> = { met: 'Met', partly: 'Partly met', notMet: 'Not met', notEvaluated: 'Not evaluated' };
const KIND_TEXT: Record<TimelineItem['kind'], string> = {
  alert: 'Alert',
  decision: 'Decision',
  warning: 'Warning',
  governance: 'Governance',
  missed: 'Not done',
  command: 'Command',
  inject: 'Inject',
};
const DRILL_COLOUR = '#c2410c';
const REFERENCE_COLOUR = '#1d4ed8';

/**
 * The after-action report as one self-contained HTML page: inline style, inline SVG charts, no scripts and
 * nothing fetched. Each improvement can be downloaded as a strategy file from a data: link in the page.
 * Pure: the command line writes it, the browser downloads it.
 */
export function renderReportHtml(report: AfterActionReport): string {
  const title = `After-action report: ${report.scenario.title}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
body { font: 16px/1.45 system-ui, sans-serif; margin: 2rem auto; max-width: 76rem; padding: 0 1rem; color: #1a1a1a; }
h1 { margin-bottom: 0.2rem; }
h2 { margin-top: 2.2rem; border-bottom: 2px solid #ddd; padding-bottom: 0.2rem; }
table { border-collapse: collapse; margin: 0.8rem 0; }
th, td { padding: 0.3rem 0.6rem; border-bottom: 1px solid #ddd; text-align: left; vertical-align: top; }
td.num, th.num { text-align: right; white-space: nowrap; }
.status { display: inline-block; padding: 0.05rem 0.5rem; border-radius: 0.8rem; font-weight: 600; font-size: 0.85rem; white-space: nowrap; }
.status-met { background: #dcfce7; color: #14532d; }
.status-partly { background: #fef3c7; color: #78350f; }
.status-notMet { background: #fee2e2; color: #7f1d1d; }
.status-notEvaluated { background: #e5e7eb; color: #374151; }
.kind { font-size: 0.8rem; text-transform: uppercase; letter-spacing: 0.04em; color: #555; white-space: nowrap; }
.meta { color: #444; }
.charts { display: flex; flex-wrap: wrap; gap: 1.5rem; }
figure { margin: 0; max-width: 560px; }
figcaption { font-weight: 600; margin-bottom: 0.2rem; }
svg text { font: 12px system-ui, sans-serif; fill: #333; }
.legend span { margin-right: 1.2rem; white-space: nowrap; }
.swatch { display: inline-block; width: 1.6rem; height: 0; border-top: 3px solid; vertical-align: middle; margin-right: 0.3rem; }
ol.plan li { margin-bottom: 0.8rem; }
code { background: #f3f4f6; padding: 0 0.25rem; border-radius: 0.2rem; }
</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
${header(report)}
<h2>Objectives</h2>
${objectivesSection(report)}
<h2>Over time</h2>
${chartsSection(report)}
<h2>Timeline of key decisions</h2>
${timelineSection(report)}
<h2>Strengths</h2>
${findingList(
  report.strengths.map((f) => f.text),
  'No strengths stood out against the reference.',
)}
<h2>Gaps</h2>
${findingList(
  report.gaps.map((f) => f.text),
  'No gaps against the objectives or the reference.',
)}
<h2>Improvement plan</h2>
${planSection(report)}
<h2>Key figures of every run</h2>
${figuresSection(report)}
</body>
</html>
`;
}

function header(report: AfterActionReport): string {
  const rows: [string, string][] = [];
  if (report.session) rows.push(['Session', `${report.session.name}${report.session.startedAt ? ` (${report.session.startedAt})` : ''}`]);
  rows.push(['Scenario', `${report.scenario.title} (${report.scenario.id})`]);
  rows.push(['Strategy', `${report.strategy.name}${report.strategy.id ? ` (${report.strategy.id})` : ''}`]);
  rows.push(['Seed', String(report.seed)]);
  const ran =
    report.drill.endedS === null
      ? `${formatClock(report.drill.runUntilS)} simulated`
      : `the drill stopped at ${formatClock(report.drill.endedS)} after ${report.drill.commands} commands; the report runs it on to ${formatClock(report.drill.runUntilS)} with no further commands`;
  rows.push(['Run', ran]);
  rows.push(['Measured against', `${report.reference.name}: ${report.reference.why}`]);
  rows.push(['State hash at the end', report.drill.stateHash]);
  return `<table class="meta">${rows.map(([k, v]) => `<tr><th>${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`).join('')}</table>`;
}

function status(s: ObjectiveStatus): string {
  return `<span class="status status-${s}">${STATUS_TEXT[s]}</span>`;
}

function objectivesSection(report: AfterActionReport): string {
  if (report.objectives.length === 0) return '<p>The scenario names no objectives (add an "objectives" list to it to have them judged here).</p>';
  const rows = report.objectives.flatMap((o) =>
    o.criteria.map((c, k) => {
      const target = `${c.bound === 'atLeast' ? 'at least' : 'at most'} ${formatMetric(c.metric, c.target)}${c.partly === null ? '' : ` (partly: ${formatMetric(c.metric, c.partly)})`}`;
      const when = c.byS === null ? 'end' : formatClock(c.byS);
      const lead =
        k === 0
          ? `<td rowspan="${o.criteria.length}">${escapeHtml(o.capability)}</td><td rowspan="${o.criteria.length}">${escapeHtml(o.title)}<br>${status(o.status)}</td>`
          : '';
      const referenceCell = k === 0 ? `<td rowspan="${o.criteria.length}">${status(o.referenceStatus)}</td>` : '';
      return `<tr>${lead}<td>${escapeHtml(c.text ?? METRIC_LABELS[c.metric])}</td><td>${escapeHtml(target)}</td><td class="num">${escapeHtml(when)}</td><td class="num">${escapeHtml(formatMetric(c.metric, c.value))}</td><td>${status(c.status)}</td>${referenceCell}</tr>`;
    }),
  );
  return `<table>
<thead><tr><th>Capability</th><th>Objective</th><th>Criterion</th><th>Target</th><th class="num">Judged at</th><th class="num">Measured</th><th>Criterion</th><th>${escapeHtml(report.reference.name)}</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>`;
}

function timelineSection(report: AfterActionReport): string {
  if (report.timeline.length === 0) return '<p>Nothing to list.</p>';
  const rows = report.timeline.map(
    (item) =>
      `<tr><td class="num">${formatClock(item.timeS)}</td><td class="kind">${KIND_TEXT[item.kind]}</td><td>${escapeHtml(item.title)}${item.who ? `<br><small>${escapeHtml(item.who)}</small>` : ''}</td><td>${escapeHtml(item.consequence ?? '')}</td></tr>`,
  );
  return `<table>
<thead><tr><th class="num">Time</th><th>Kind</th><th>What</th><th>Measured against ${escapeHtml(report.reference.name)}</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>`;
}

function findingList(texts: readonly string[], none: string): string {
  return texts.length ? `<ul>${texts.map((t) => `<li>${escapeHtml(t)}</li>`).join('\n')}</ul>` : `<p>${escapeHtml(none)}</p>`;
}

function planSection(report: AfterActionReport): string {
  if (report.plan.length === 0) return '<p>No lever of the strategy is left to change for the gaps found.</p>';
  return `<p>Each item changes one lever of the drill's strategy. Download it as a strategy file and run the next drill with it
(<code>drill run SCENARIO --strategy-file FILE</code>), or write it with <code>drill report … --save-strategy N --out FILE.json</code>.</p>
<ol class="plan">
${report.plan.map((item) => planItem(item)).join('\n')}
</ol>`;
}

function planItem(item: PlanItem): string {
  const file = `${item.strategyFile.strategy.id}.json`;
  const href = `data:application/json;charset=utf-8,${encodeURIComponent(`${JSON.stringify(item.strategyFile, null, 2)}\n`)}`;
  return `<li><strong>Gap:</strong> ${escapeHtml(item.gap.text)}<br><strong>Change:</strong> ${escapeHtml(item.text)}<br><a download="${escapeHtml(file)}" href="${escapeHtml(href)}">Download ${escapeHtml(file)}</a></li>`;
}

function figuresSection(report: AfterActionReport): string {
  const head = `<tr><th>Figure</th>${report.runs.map((r) => `<th class="num">${escapeHtml(r.name)}</th>`).join('')}</tr>`;
  const rows = report.figures.map(
    (row) =>
      `<tr><td>${escapeHtml(row.label)}</td>${report.runs.map((r) => `<td class="num">${escapeHtml(formatMetric(row.metric, row.values[r.id] ?? null))}</td>`).join('')}</tr>`,
  );
  return `<p class="meta">Every run has seed ${report.seed} and the same length. "As written" is the drill's strategy without the trainees' commands.</p>
<table><thead>${head}</thead><tbody>
${rows.join('\n')}
</tbody></table>`;
}

interface Line {
  name: string;
  colour: string;
  dashed: boolean;
  points: readonly (readonly [number, number])[];
}

function chartsSection(report: AfterActionReport): string {
  const { drill, reference } = report.series;
  const ref = report.reference.name;
  const endS = report.drill.runUntilS;
  const both = (name: string, pick: (s: ReportSeries) => number[]): Line[] => [
    { name: `${name}, drill`, colour: DRILL_COLOUR, dashed: false, points: zip(drill.t, pick(drill)) },
    { name: `${name}, ${ref}`, colour: REFERENCE_COLOUR, dashed: true, points: zip(reference.t, pick(reference)) },
  ];
  const charts = [
    lineChart(
      'Informed and safe (% of residents)',
      [...both('informed', (s) => s.informedShare), ...both('safe', (s) => s.safeShare)].map(lighterFirstPair),
      endS,
      'percent',
    ),
    lineChart(
      'Residents in danger at once',
      both('in danger', (s) => s.inDanger),
      endS,
      'count',
    ),
    lineChart(
      'Exposure (person-seconds in danger, so far)',
      both('exposure', (s) => s.exposurePersonS),
      endS,
      'count',
    ),
    lineChart('Injured and killed', [...both('injured', (s) => s.injured), ...both('killed', (s) => s.deceased)].map(lighterFirstPair), endS, 'count'),
  ];
  if (drill.supplies.length || reference.supplies.length) {
    const supply = (s: ReportSeries, k: 1 | 2) => s.supplies.map((row) => [row[0], row[k]] as const);
    charts.push(
      lineChart(
        'Supplies: needed and delivered (units)',
        [
          { name: 'needed, drill', colour: '#92400e', dashed: false, points: supply(drill, 1) },
          { name: 'delivered, drill', colour: DRILL_COLOUR, dashed: false, points: supply(drill, 2) },
          { name: `needed, ${ref}`, colour: '#1e3a8a', dashed: true, points: supply(reference, 1) },
          { name: `delivered, ${ref}`, colour: REFERENCE_COLOUR, dashed: true, points: supply(reference, 2) },
        ],
        endS,
        'count',
      ),
    );
  }
  return `<p class="meta">Solid lines: the drill. Dashed: ${escapeHtml(ref)} with the same seed.</p>
<div class="charts">
${charts.join('\n')}
</div>`;
}

/** The first figure of a two-figure chart (informed, injured) drawn lighter, so the figures of one run stay apart. */
function lighterFirstPair(line: Line, index: number): Line {
  if (index >= 2) return line;
  return { ...line, colour: line.colour === DRILL_COLOUR ? '#fb923c' : '#60a5fa' };
}

function zip(t: readonly number[], values: readonly number[]): [number, number][] {
  return t.map((x, i) => [x, values[i]]);
}

const W = 560;
const H = 230;
const PAD = { left: 58, right: 12, top: 10, bottom: 34 };

/** A line chart of figures over the run's time, in minutes, as inline SVG. */
function lineChart(title: string, lines: readonly Line[], endS: number, unit: 'percent' | 'count'): string {
  const values = lines.flatMap((l) => l.points.map((p) => p[1]));
  const top = unit === 'percent' ? 1 : niceCeiling(Math.max(1, ...values));
  const spanS = Math.max(1, endS);
  const x = (t: number) => PAD.left + (t / spanS) * (W - PAD.left - PAD.right);
  const y = (v: number) => H - PAD.bottom - (v / top) * (H - PAD.top - PAD.bottom);
  const parts: string[] = [];
  for (let k = 0; k <= 4; k++) {
    const v = (top * k) / 4;
    const label = unit === 'percent' ? `${Math.round(v * 100)}%` : Math.round(v).toLocaleString('en-US');
    parts.push(`<line x1="${PAD.left}" x2="${W - PAD.right}" y1="${r1(y(v))}" y2="${r1(y(v))}" stroke="#e5e7eb"/>`);
    parts.push(`<text x="${PAD.left - 6}" y="${r1(y(v) + 4)}" text-anchor="end">${label}</text>`);
  }
  const stepMin = niceStep(spanS / 60 / 6);
  for (let m = 0; m * 60 <= spanS + 1e-9; m += stepMin) {
    parts.push(`<text x="${r1(x(m * 60))}" y="${H - PAD.bottom + 16}" text-anchor="middle">${m}</text>`);
  }
  parts.push(`<text x="${(PAD.left + W - PAD.right) / 2}" y="${H - 4}" text-anchor="middle">minutes</text>`);
  for (const line of lines) {
    if (line.points.length === 0) continue;
    const d = line.points.map(([t, v], i) => `${i === 0 ? 'M' : 'L'}${r1(x(t))} ${r1(y(v))}`).join('');
    parts.push(`<path d="${d}" fill="none" stroke="${line.colour}" stroke-width="2"${line.dashed ? ' stroke-dasharray="6 4"' : ''}/>`);
  }
  const legend = lines
    .map(
      (l) =>
        `<span><span class="swatch" style="border-top-color:${l.colour};${l.dashed ? 'border-top-style:dashed;' : ''}"></span>${escapeHtml(l.name)}</span>`,
    )
    .join('');
  return `<figure>
<figcaption>${escapeHtml(title)}</figcaption>
<svg width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" role="img" aria-label="${escapeHtml(title)}">
${parts.join('\n')}
</svg>
<div class="legend">${legend}</div>
</figure>`;
}

function r1(v: number): string {
  return (Math.round(v * 10) / 10).toString();
}

/** 1, 2 or 5 times a power of ten, at least `value`. */
function niceCeiling(value: number): number {
  const power = 10 ** Math.floor(Math.log10(value));
  for (const m of [1, 2, 5, 10]) if (m * power >= value) return m * power;
  return 10 * power;
}

function niceStep(value: number): number {
  return Math.max(1, niceCeiling(Math.max(1, value)));
}
