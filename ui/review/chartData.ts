import type { Decision, Metrics } from '../../sim/index';
import { decisionTimes } from '../../workers/reviewMarkers';
import type { MessageKey } from '../i18n/index';

/** One line of a chart: [timeS, value] points; `tone` picks its colour (a CSS class, see review.css). */
export interface ChartLine {
  tone: 'informed' | 'safe' | 'exposure' | 'injured' | 'deceased' | 'panic' | 'trust' | 'needed' | 'delivered' | 'sheltered' | 'waiting';
  label: MessageKey;
  points: [number, number][];
}

/** A chart of lines over the run's time. */
export interface LineChart {
  kind: 'lines';
  id: string;
  title: MessageKey;
  /** How values read on the axis. */
  unit: 'share' | 'count' | 'personMinutes';
  lines: ChartLine[];
  /** Said instead of the chart when it has nothing to show. */
  empty?: MessageKey;
}

/** A decision as a bar on the run's time: from when its latency counts to when it took effect. */
export interface DecisionBar {
  decision: Decision;
  /** The shelter or support unit it is about, if any (untrusted text from the scenario). */
  subject: string | null;
  /** Where its latency starts counting (the first report of a real hazard, or its request), s. */
  fromS: number;
  requestedS: number;
  /** End of the wait for approval, s; null when it still waits at the end. */
  approvedS: number | null;
  /** When it took effect, s; null when it had not by the end. */
  effectiveS: number | null;
  latencyS: number | null;
  approvalWaitS: number | null;
}

export interface DecisionChart {
  kind: 'decisions';
  id: string;
  title: MessageKey;
  bars: DecisionBar[];
  empty: MessageKey;
}

export type ReviewChart = LineChart | DecisionChart;

type Column = Metrics['series'];

/** Zip a series column, divided by `per`, with its times; counts start from zero at 0 s. */
function line(series: Column, column: Exclude<keyof Column, 't'>, per = 1, fromZero = true): [number, number][] {
  const points: [number, number][] = fromZero ? [[0, 0]] : [];
  for (let k = 0; k < series.t.length; k++) points.push([series.t[k], series[column][k] / per]);
  return points;
}

/** The review's charts from the metrics at the end of the run: all figures over time, and decision latencies. */
export function chartsOf(metrics: Metrics): ReviewChart[] {
  const s = metrics.series;
  const residents = Math.max(1, metrics.residents);
  const supplies = metrics.suppliesOverTime;
  return [
    {
      kind: 'lines',
      id: 'shares',
      title: 'review.chart.shares',
      unit: 'share',
      lines: [
        { tone: 'informed', label: 'review.line.informed', points: line(s, 'informed', residents) },
        { tone: 'safe', label: 'review.line.safe', points: line(s, 'safe', residents) },
      ],
    },
    {
      kind: 'lines',
      id: 'exposure',
      title: 'review.chart.exposure',
      unit: 'personMinutes',
      lines: [{ tone: 'exposure', label: 'review.line.exposure', points: line(s, 'exposurePersonS', 60) }],
    },
    {
      kind: 'lines',
      id: 'harm',
      title: 'review.chart.harm',
      unit: 'count',
      lines: [
        { tone: 'injured', label: 'review.line.injured', points: line(s, 'injured') },
        { tone: 'deceased', label: 'review.line.deceased', points: line(s, 'deceased') },
      ],
    },
    {
      kind: 'lines',
      id: 'mood',
      title: 'review.chart.mood',
      unit: 'share',
      lines: [
        { tone: 'panic', label: 'review.line.panic', points: line(s, 'meanPanic', 1, false) },
        { tone: 'trust', label: 'review.line.trust', points: line(s, 'meanTrust', 1, false) },
      ],
    },
    {
      kind: 'lines',
      id: 'supplies',
      title: 'review.chart.supplies',
      unit: 'count',
      lines: supplies.length
        ? [
            { tone: 'needed', label: 'review.line.needed', points: supplies.map(([t, needed]) => [t, needed]) },
            { tone: 'delivered', label: 'review.line.delivered', points: supplies.map(([t, , delivered]) => [t, delivered]) },
          ]
        : [],
      empty: 'review.chart.noSupplies',
    },
    {
      kind: 'lines',
      id: 'shelter',
      title: 'review.chart.shelter',
      unit: 'count',
      lines: [
        { tone: 'sheltered', label: 'review.line.sheltered', points: line(s, 'sheltered') },
        { tone: 'waiting', label: 'review.line.waiting', points: line(s, 'awaitingHelp') },
      ],
    },
    { kind: 'decisions', id: 'decisions', title: 'review.chart.decisions', bars: decisionBars(metrics), empty: 'review.chart.noDecisions' },
  ];
}

/** Governance decisions as bars: latency from the first report of a real hazard, approval wait inside it. */
export function decisionBars(metrics: Metrics): DecisionBar[] {
  const effective = decisionTimes(metrics);
  const fromS = metrics.firstRealDetectionS ?? metrics.decisionS;
  return metrics.decisions.map((d) => {
    const done = effective.find((e) => e.decision === d.decision && e.subject === d.subject && e.requestedS === d.requestedS);
    return {
      decision: d.decision,
      subject: d.subject,
      fromS: Math.min(fromS ?? d.requestedS, d.requestedS),
      requestedS: d.requestedS,
      approvedS: d.approvalWaitS === null ? null : d.requestedS + d.approvalWaitS,
      effectiveS: done ? done.effectiveS : null,
      latencyS: d.latencyS,
      approvalWaitS: d.approvalWaitS,
    };
  });
}
