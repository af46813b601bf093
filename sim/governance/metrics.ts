import type { World } from '../core/World';
import type { Decision } from '../scenario/schemaGovernance';
import type { Phase, SupportRecord } from './GovernanceState';
import { unmetNeeds } from './logistics';
import { recoveryIndex, shelterOccupancy } from './stepGovernance';

/** A key decision as metrics report it: times from the first report of a real hazard, s. */
export interface DecisionMetric {
  decision: Decision;
  subject: string | null;
  requestedS: number;
  /** From the first report of a real hazard to the decision taking effect; null before it does. */
  latencyS: number | null;
  /** Time spent waiting for approval (0 when the community took it alone); null while it waits. */
  approvalWaitS: number | null;
  approver: string | null;
  refusals: number;
}

/** Co-governance figures of a run (all zero or null without organisations in the scenario). */
export interface GovernanceMetrics {
  phase: Phase;
  responseStartS: number | null;
  recoveryStartS: number | null;
  /** 0 to 1: supplies against need, injured cared for, services restored, shelter time supplied; null without organisations. */
  recoveryIndex: number | null;
  /** From the first report of a real hazard to the evacuation order (the warning plan) taking effect. */
  evacuationOrderLatencyS: number | null;
  meanApprovalWaitS: number | null;
  approvalRefusals: number;
  decisions: DecisionMetric[];
  reportsSent: number;
  meanReportDelayS: number | null;
  reportErrors: number;
  reportsLost: number;
  suppliesNeeded: number;
  suppliesDelivered: number;
  /** Supplies delivered against need, 0 to 1 (1 when nothing was needed). */
  supplyMetShare: number;
  unmetNeeds: number;
  shelterOccupancy: number;
  /** Person-hours in shelters without the supplies they needed. */
  shelterUnmetPersonH: number;
  injuredCaredFor: number;
  servicesRestored: number;
  firstSupportArrivalS: number | null;
  support: SupportRecord[];
  /** [timeS, supplies needed, supplies delivered, shelter occupancy] every 10 s of the run. */
  suppliesOverTime: [number, number, number, number][];
}

const r3 = (v: number) => Math.round(v * 1000) / 1000;

export function readGovernanceMetrics(world: World): GovernanceMetrics {
  const g = world.governance;
  const firstReportS = world.detection.firstRealDetectionS;
  if (!g) {
    return {
      phase: firstReportS >= 0 || world.warning.planStartedS >= 0 ? 'response' : 'monitoring',
      responseStartS: null,
      recoveryStartS: null,
      recoveryIndex: null,
      evacuationOrderLatencyS: null,
      meanApprovalWaitS: null,
      approvalRefusals: 0,
      decisions: [],
      reportsSent: 0,
      meanReportDelayS: null,
      reportErrors: 0,
      reportsLost: 0,
      suppliesNeeded: 0,
      suppliesDelivered: 0,
      supplyMetShare: 1,
      unmetNeeds: 0,
      shelterOccupancy: 0,
      shelterUnmetPersonH: 0,
      injuredCaredFor: 0,
      servicesRestored: 0,
      firstSupportArrivalS: null,
      support: [],
      suppliesOverTime: [],
    };
  }
  // Latency counts from the first report of a real hazard, or from the decision when none came (an order from above).
  const fromS = firstReportS >= 0 ? firstReportS : world.warning.planStartedS;
  const decisions: DecisionMetric[] = g.decisions.map((d) => ({
    decision: d.decision,
    subject: d.subject,
    requestedS: d.requestedS,
    latencyS: d.effectiveS >= 0 ? r3(d.effectiveS - Math.min(fromS >= 0 ? fromS : d.requestedS, d.requestedS)) : null,
    approvalWaitS: d.authorisedS >= 0 ? r3(d.authorisedS - d.requestedS) : null,
    approver: d.approver,
    refusals: d.refusals,
  }));
  const waits = decisions.filter((d) => d.approver !== null && d.approvalWaitS !== null).map((d) => d.approvalWaitS as number);
  const nowS = world.tick * world.tickS;
  const arrived = g.reports.filter((r) => r.arrivesS <= nowS);
  const arrivals = g.support.filter((s) => s.arrivedS >= 0).map((s) => s.arrivedS);
  return {
    phase: g.phase,
    responseStartS: g.responseStartS >= 0 ? g.responseStartS : null,
    recoveryStartS: g.recoveryStartS >= 0 ? g.recoveryStartS : null,
    recoveryIndex: recoveryIndex(world, g),
    evacuationOrderLatencyS: decisions.find((d) => d.decision === 'orderEvacuation')?.latencyS ?? null,
    meanApprovalWaitS: waits.length ? r3(waits.reduce((a, b) => a + b, 0) / waits.length) : null,
    approvalRefusals: g.decisions.reduce((a, d) => a + d.refusals, 0),
    decisions,
    reportsSent: g.reports.length,
    meanReportDelayS: arrived.length ? r3(arrived.reduce((a, r) => a + (r.arrivesS - r.sentS), 0) / arrived.length) : null,
    reportErrors: arrived.filter((r) => r.wrong).length,
    reportsLost: g.reports.reduce((a, r) => a + r.losses, 0),
    suppliesNeeded: r3(g.suppliesNeeded),
    suppliesDelivered: r3(g.suppliesDelivered),
    supplyMetShare: g.suppliesNeeded > 0 ? r3(g.suppliesDelivered / g.suppliesNeeded) : 1,
    unmetNeeds: unmetNeeds(g),
    shelterOccupancy: shelterOccupancy(world, g),
    shelterUnmetPersonH: r3(g.shelterUnmetPersonS / 3600),
    injuredCaredFor: g.injuredCaredFor,
    servicesRestored: g.servicesRestored,
    firstSupportArrivalS: arrivals.length ? Math.min(...arrivals) : null,
    support: g.support.map((s) => ({ ...s })),
    suppliesOverTime: g.overTime.map(([t, n, d, o]) => [t, n, d, o]),
  };
}
