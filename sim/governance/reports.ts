import type { World } from '../core/World';
import type { Decision, Organisation } from '../scenario/schemaGovernance';
import type { GovernanceState, ReportRecord } from './GovernanceState';
import { at, record } from './queue';

/** Losses after which a report is given up: a chain that loses it this often is broken. */
const MAX_RESENDS = 20;

/** `from` and the organisations above it, up to the top of its chain (a loop, which the check forbids, ends it). */
export function chainFrom(parent: Int32Array, from: number): number[] {
  const chain: number[] = [];
  const seen = new Set<number>();
  for (let o = from; o >= 0 && !seen.has(o); o = parent[o]) {
    seen.add(o);
    chain.push(o);
  }
  return chain;
}

/** The first organisation above `from` that approves `decision`, or -1 when none does. */
export function approverAbove(orgs: readonly Organisation[], parent: Int32Array, from: number, decision: Decision): number {
  return (
    chainFrom(parent, from)
      .slice(1)
      .find((o) => orgs[o].approves.includes(decision)) ?? -1
  );
}

/**
 * Organisations a report passes from `from` to `to` along the reporting chains: up from the sender to the
 * first organisation both report to, then down. Null when no chain joins them.
 */
export function routeBetween(parent: Int32Array, from: number, to: number): number[] | null {
  const up: number[] = [];
  const seen = new Map<number, number>();
  for (let o = from; o >= 0 && !seen.has(o); o = parent[o]) {
    seen.set(o, up.length);
    up.push(o);
  }
  const down: number[] = [];
  const visited = new Set<number>();
  for (let o = to; o >= 0 && !visited.has(o); o = parent[o]) {
    visited.add(o);
    const k = seen.get(o);
    if (k !== undefined) return [...up.slice(0, k + 1), ...down.reverse()];
    down.push(o);
  }
  return null;
}

/**
 * Send a report from organisation `from` to `to`. Without the platform it travels hop by hop along the
 * chain: each organisation it passes through takes its relay delay, may garble it, or lose it (then it is
 * sent again after `reporting.resendAfterS`). On the platform it is one fast hop. `onArrive` runs when it
 * arrives, with the record (its `wrong` flag says whether it arrived garbled). Returns the record, or null
 * when no chain joins the two (the trail says so).
 */
export function sendReport(
  world: World,
  g: GovernanceState,
  from: number,
  to: number,
  content: string,
  onArrive: (r: ReportRecord) => void,
): ReportRecord | null {
  const nowS = world.tick * world.tickS;
  const fromId = g.orgs[from].id;
  const toId = g.orgs[to].id;
  const random = g.random;
  let delayS = 0;
  let wrong = false;
  let losses = 0;
  let hops = 0;
  if (from !== to && g.levers.platform) {
    hops = 1;
    delayS = g.spec.platform.delayS;
    wrong = random.next() < g.spec.platform.errorProbability;
  } else if (from !== to) {
    const route = routeBetween(g.parent, from, to);
    if (!route) {
      record(world, g, { kind: 'report', author: fromId, to: toId, content: `${content} — no reporting chain leads there; it goes nowhere` });
      return null;
    }
    const { hopErrorProbability, hopLossProbability, resendAfterS } = g.spec.reporting;
    hops = route.length - 1;
    for (let k = 0; k < hops; k++) {
      // The organisation passing it on takes its relay time; a lost report is noticed and sent again.
      delayS += g.orgs[route[k]].relayDelayS;
      while (losses < MAX_RESENDS && random.next() < hopLossProbability) {
        losses++;
        delayS += resendAfterS;
      }
      if (random.next() < hopErrorProbability) wrong = true;
    }
  }
  const report: ReportRecord = { seq: g.reports.length, from: fromId, to: toId, content, sentS: nowS, arrivesS: nowS + delayS, hops, wrong, losses };
  g.reports.push(report);
  record(world, g, { kind: 'report', author: fromId, to: toId, content });
  at(g, report.arrivesS, () => onArrive(report));
  return report;
}
