import type { AlertRecord, Metrics, SimEvent } from '../sim/index';
import type { ReplayEntry } from './replayCommands';

/** What a timeline marker stands for: a decision of the run, a trainee's command, an inject or an alert. */
export type MarkerKind = 'decision' | 'command' | 'inject' | 'alert';

export interface TimelineMarker {
  kind: MarkerKind;
  tick: number;
  timeS: number;
  /** What happened, in the simulation's words (or the command's kind); untrusted text. */
  label: string;
}

/** Events that bring something into the drill from outside: a scheduled or live inject, a facilitator's message. */
const INJECT_KINDS = new Set(['inject', 'message']);

/**
 * The markers of a reviewed run, in time order: the governance decisions at the moment each took effect and the
 * community's decision to warn; the record's commands; injects; and alerts as the duty desk received them.
 * Several at one tick of one kind become one marker, their labels joined.
 */
export function markersOf(run: {
  metrics: Metrics;
  events: readonly SimEvent[];
  alerts: readonly AlertRecord[];
  entries: readonly ReplayEntry[];
  tickS: number;
}): TimelineMarker[] {
  const { metrics, tickS } = run;
  const tickOf = (timeS: number) => Math.round(timeS / tickS);
  const markers: TimelineMarker[] = [];
  const add = (kind: MarkerKind, tick: number, label: string) => markers.push({ kind, tick, timeS: tick * tickS, label });
  for (const d of decisionTimes(metrics)) add('decision', tickOf(d.effectiveS), d.subject ? `${d.decision} (${d.subject})` : d.decision);
  for (const e of run.events) {
    if (e.kind === 'activatePlan') add('decision', e.tick, e.title);
    else if (INJECT_KINDS.has(e.kind)) add('inject', e.tick, e.title);
  }
  for (const entry of run.entries) add('command', entry.tick, entry.command.kind);
  for (const a of run.alerts) if (a.receivedS >= 0) add('alert', tickOf(a.receivedS), a.title);
  return merge(markers);
}

/**
 * When each governance decision took effect. Metrics give its latency from the first report of a real
 * hazard (or from the warning decision, or from the request when neither came), as governance/metrics.ts
 * counts it; undone decisions are left out.
 */
export function decisionTimes(metrics: Metrics): { decision: string; subject: string | null; requestedS: number; effectiveS: number }[] {
  const fromS = metrics.firstRealDetectionS ?? metrics.decisionS;
  return metrics.decisions
    .filter((d) => d.latencyS !== null)
    .map((d) => ({
      decision: d.decision,
      subject: d.subject,
      requestedS: d.requestedS,
      effectiveS: (d.latencyS as number) + Math.min(fromS ?? d.requestedS, d.requestedS),
    }));
}

function merge(markers: TimelineMarker[]): TimelineMarker[] {
  markers.sort((a, b) => a.tick - b.tick || a.kind.localeCompare(b.kind));
  const out: TimelineMarker[] = [];
  for (const m of markers) {
    const last = out[out.length - 1];
    if (last && last.tick === m.tick && last.kind === m.kind) {
      if (!last.label.split('; ').includes(m.label)) last.label = `${last.label}; ${m.label}`;
    } else out.push({ ...m });
  }
  return out;
}
