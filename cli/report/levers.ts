import type { Scenario, Strategy } from '../../sim/index';
import type { SupportKind } from '../../sim/scenario/schemaGovernance';
import type { ObjectiveMetric } from '../../sim/scenario/schemaObjectives';
import type { Levers } from '../../sim/scenario/schemaWarning';

/** The levers of a strategy the improvement plan can turn. */
export type LeverId =
  | 'earlyWarningSystem'
  | 'sensors'
  | 'autonomy'
  | 'platform'
  | 'decisionDelayS'
  | 'warningChannels'
  | 'knockDoors'
  | 'escortVulnerable'
  | 'volunteerTraining'
  | 'shelterPlan'
  | 'releaseSupplies'
  | 'supportUnit'
  | 'officialUpdates'
  | 'avoidHazards';

/** One concrete change of a strategy's levers, in words ("autonomy: low → high") and as a function. */
export interface LeverChange {
  lever: LeverId;
  /** Stable key of the change (the lever and what it adds), for ids and for running each change once. */
  key: string;
  /** What is changed, for people: "Autonomy". */
  label: string;
  from: string;
  to: string;
  apply(levers: Levers): Levers;
}

/**
 * Levers worth trying for a gap in each figure, most direct first: a late warning is first a matter of
 * early warning and authority, too few vulnerable residents safe a matter of escorts, unmet needs a matter
 * of released supplies.
 */
const LEVERS_FOR: Partial<Record<ObjectiveMetric, readonly LeverId[]>> = {
  firstOfficialWarningS: ['earlyWarningSystem', 'autonomy', 'decisionDelayS', 'sensors', 'platform'],
  firstOrderS: ['earlyWarningSystem', 'autonomy', 'decisionDelayS', 'sensors'],
  decisionS: ['earlyWarningSystem', 'decisionDelayS', 'sensors', 'autonomy'],
  firstDetectionS: ['sensors', 'earlyWarningSystem'],
  firstRealDetectionS: ['sensors', 'earlyWarningSystem'],
  confirmedS: ['earlyWarningSystem', 'sensors'],
  evacuationOrderLatencyS: ['autonomy', 'platform', 'earlyWarningSystem', 'decisionDelayS'],
  meanApprovalWaitS: ['autonomy', 'platform'],
  approvalRefusals: ['autonomy'],
  meanReportDelayS: ['platform'],
  reportErrors: ['platform'],
  reportsLost: ['platform'],
  informedShare: ['warningChannels', 'knockDoors', 'earlyWarningSystem', 'autonomy', 'officialUpdates'],
  compliedShare: ['warningChannels', 'knockDoors', 'officialUpdates', 'earlyWarningSystem'],
  idle: ['warningChannels', 'knockDoors', 'earlyWarningSystem'],
  vulnerableReached: ['knockDoors', 'escortVulnerable', 'warningChannels'],
  vulnerableReachedShare: ['knockDoors', 'escortVulnerable', 'warningChannels'],
  safe: ['earlyWarningSystem', 'autonomy', 'warningChannels', 'decisionDelayS', 'knockDoors', 'escortVulnerable'],
  safeShare: ['earlyWarningSystem', 'autonomy', 'warningChannels', 'decisionDelayS', 'knockDoors', 'escortVulnerable'],
  timeTo50PctSafeS: ['earlyWarningSystem', 'autonomy', 'warningChannels', 'decisionDelayS'],
  timeTo90PctSafeS: ['earlyWarningSystem', 'autonomy', 'warningChannels', 'decisionDelayS', 'knockDoors'],
  timeTo100PctSafeS: ['escortVulnerable', 'earlyWarningSystem', 'autonomy', 'knockDoors'],
  vulnerableSafe: ['escortVulnerable', 'volunteerTraining', 'supportUnit', 'autonomy', 'earlyWarningSystem'],
  vulnerableSafeShare: ['escortVulnerable', 'volunteerTraining', 'supportUnit', 'autonomy', 'earlyWarningSystem'],
  awaitingHelp: ['escortVulnerable', 'supportUnit', 'volunteerTraining', 'autonomy'],
  deceased: ['earlyWarningSystem', 'autonomy', 'warningChannels', 'escortVulnerable', 'decisionDelayS', 'avoidHazards'],
  injured: ['earlyWarningSystem', 'autonomy', 'warningChannels', 'avoidHazards', 'decisionDelayS'],
  exposurePersonS: ['earlyWarningSystem', 'autonomy', 'warningChannels', 'avoidHazards', 'decisionDelayS'],
  peakInDanger: ['earlyWarningSystem', 'autonomy', 'warningChannels', 'decisionDelayS', 'avoidHazards'],
  supplyMetShare: ['releaseSupplies', 'supportUnit', 'autonomy', 'platform', 'volunteerTraining', 'shelterPlan'],
  suppliesDelivered: ['releaseSupplies', 'supportUnit', 'autonomy', 'volunteerTraining'],
  unmetNeeds: ['releaseSupplies', 'supportUnit', 'autonomy', 'volunteerTraining'],
  shelterUnmetPersonH: ['releaseSupplies', 'supportUnit', 'autonomy', 'platform'],
  recoveryIndex: ['releaseSupplies', 'supportUnit', 'autonomy', 'platform', 'shelterPlan'],
  shelterOccupancy: ['shelterPlan', 'autonomy'],
  injuredCaredFor: ['supportUnit', 'autonomy', 'platform'],
  firstSupportArrivalS: ['supportUnit', 'autonomy', 'platform'],
  servicesRestored: ['supportUnit', 'autonomy'],
  rescued: ['supportUnit', 'escortVulnerable', 'autonomy'],
  meanTrust: ['officialUpdates', 'warningChannels', 'earlyWarningSystem'],
  rumourReach: ['officialUpdates', 'warningChannels'],
  meanPanic: ['officialUpdates', 'warningChannels', 'earlyWarningSystem'],
  peakPanic: ['officialUpdates', 'warningChannels', 'earlyWarningSystem'],
};
const DEFAULT_LEVERS: readonly LeverId[] = ['autonomy', 'earlyWarningSystem', 'platform', 'warningChannels'];

/** Outside units that answer each kind of gap, in order of preference. */
const SUPPORT_FOR: Partial<Record<ObjectiveMetric, readonly SupportKind[]>> = {
  injuredCaredFor: ['medicalTeam'],
  injured: ['medicalTeam'],
  rescued: ['rescueTeam', 'fireCrew'],
  awaitingHelp: ['rescueTeam', 'fireCrew', 'volunteers'],
  vulnerableSafe: ['rescueTeam', 'volunteers', 'fireCrew'],
  vulnerableSafeShare: ['rescueTeam', 'volunteers', 'fireCrew'],
  servicesRestored: ['utilityCrew'],
  supplyMetShare: ['supplies', 'volunteers'],
  suppliesDelivered: ['supplies', 'volunteers'],
  unmetNeeds: ['supplies', 'volunteers'],
  shelterUnmetPersonH: ['supplies', 'volunteers'],
  recoveryIndex: ['medicalTeam', 'supplies', 'utilityCrew'],
};

/** A quicker decision delay to try: the reference's when quicker, else half, at most a minute. */
const QUICK_DECISION_S = 60;

/**
 * The lever changes that could close a gap in `metric`, most direct first, leaving out those that change
 * nothing for `base` (already on, nothing left to add) or that the scenario cannot use (no sensors, no
 * organisations, no volunteer teams). The reference strategy, when given, is copied where it can be.
 */
export function leverChangesFor(metric: ObjectiveMetric, scenario: Scenario, base: Strategy, reference: Strategy | null): LeverChange[] {
  const ids = LEVERS_FOR[metric] ?? DEFAULT_LEVERS;
  const changes: LeverChange[] = [];
  for (const id of ids) {
    const change = leverChange(id, metric, scenario, base.levers, reference?.levers ?? null);
    if (change) changes.push(change);
  }
  return changes;
}

function leverChange(id: LeverId, metric: ObjectiveMetric, scenario: Scenario, levers: Levers, reference: Levers | null): LeverChange | null {
  const governance = scenario.governance;
  const onOff = (on: boolean) => (on ? 'on' : 'off');
  switch (id) {
    case 'earlyWarningSystem':
      if (levers.earlyWarningSystem || scenario.sensors.length === 0) return null;
      return {
        lever: id,
        key: id,
        label: levers.sensors ? 'Early-warning system' : 'Sensors and early-warning system',
        from: 'off',
        to: 'on',
        apply: (l) => ({ ...l, sensors: true, earlyWarningSystem: true }),
      };
    case 'sensors':
      if (levers.sensors || scenario.sensors.length === 0) return null;
      return { lever: id, key: id, label: 'Sensors', from: 'off', to: 'on', apply: (l) => ({ ...l, sensors: true }) };
    case 'autonomy': {
      if (!governance) return null;
      const all = levers.autonomousDecisions === undefined ? levers.autonomy === 'high' : levers.autonomousDecisions.length >= 5;
      if (all) return null;
      const from = levers.autonomousDecisions === undefined ? levers.autonomy : `${levers.autonomousDecisions.length} of 5 decisions`;
      return {
        lever: id,
        key: id,
        label: 'Autonomy',
        from,
        to: 'high',
        apply: (l) => {
          const { autonomousDecisions: _, ...rest } = l;
          return { ...rest, autonomy: 'high' };
        },
      };
    }
    case 'platform':
      if (!governance || levers.platform) return null;
      return { lever: id, key: id, label: 'Shared data platform', from: onOff(false), to: onOff(true), apply: (l) => ({ ...l, platform: true }) };
    case 'decisionDelayS': {
      const current = levers.decisionDelayS;
      const target = reference && reference.decisionDelayS < current ? reference.decisionDelayS : Math.min(QUICK_DECISION_S, Math.round(current / 2));
      if (!(target < current)) return null;
      return {
        lever: id,
        key: `${id}-${target}`,
        label: 'Decision delay',
        from: `${current} s`,
        to: `${target} s`,
        apply: (l) => ({ ...l, decisionDelayS: target }),
      };
    }
    case 'warningChannels': {
      const used = new Set(levers.warningPlan.map((w) => w.channel));
      const fromReference = (reference?.warningPlan ?? []).filter((w) => !used.has(w.channel));
      const content = levers.warningPlan[0]?.content ?? 'evacuate';
      const others = scenario.channels
        .map((c) => c.id)
        .filter((c) => !used.has(c) && !fromReference.some((w) => w.channel === c))
        .map((channel) => ({ channel, afterS: 0, content, zone: 'all', target: 'nearest-safe' }));
      const added = fromReference.length ? fromReference : others;
      if (added.length === 0) return null;
      const names = [...new Set(added.map((w) => w.channel))];
      return {
        lever: id,
        key: `${id}-${names.join('-')}`,
        label: 'Warning plan',
        from: levers.warningPlan.length ? [...used].join(', ') : 'no channels',
        to: `also ${names.join(', ')}`,
        apply: (l) => ({ ...l, warningPlan: [...l.warningPlan, ...added.map((w) => ({ ...w }))] }),
      };
    }
    case 'knockDoors':
    case 'escortVulnerable': {
      if (levers.volunteerPlan.some((v) => v.task === id)) return null;
      const fromReference = reference?.volunteerPlan.find((v) => v.task === id);
      const team = fromReference?.team ?? teamFor(scenario, id);
      if (!team) return null;
      const task = { team, task: id, zone: fromReference?.zone ?? 'all', afterS: fromReference?.afterS ?? 0 };
      return {
        lever: id,
        key: `${id}-${team}`,
        label: id === 'knockDoors' ? 'Door-to-door warnings' : 'Escorts for the vulnerable',
        from: 'none',
        to: `${team}, ${task.zone === 'all' ? 'everywhere' : task.zone}`,
        apply: (l) => ({ ...l, volunteerPlan: [...l.volunteerPlan, task] }),
      };
    }
    case 'volunteerTraining':
      if (levers.volunteerTraining === 'trained' || (scenario.volunteers.length === 0 && !governance)) return null;
      return { lever: id, key: id, label: 'Volunteer training', from: 'untrained', to: 'trained', apply: (l) => ({ ...l, volunteerTraining: 'trained' }) };
    case 'shelterPlan': {
      const planned = new Set(levers.shelterPlan.map((s) => s.shelter));
      const shelters = (governance?.shelters.map((s) => s.place) ?? scenario.places.filter((p) => p.kind === 'shelter').map((p) => p.id)).filter(
        (s) => !planned.has(s),
      );
      if (shelters.length === 0) return null;
      return {
        lever: id,
        key: `${id}-${shelters.join('-')}`,
        label: 'Shelter plan',
        from: planned.size ? [...planned].join(', ') : 'none',
        to: `also open ${shelters.join(', ')}`,
        apply: (l) => ({ ...l, shelterPlan: [...l.shelterPlan, ...shelters.map((shelter) => ({ shelter, afterS: 0 }))] }),
      };
    }
    case 'releaseSupplies':
      if (levers.releaseSupplies || !governance || governance.stores.length === 0) return null;
      return { lever: id, key: id, label: 'Release stored supplies', from: 'no', to: 'yes', apply: (l) => ({ ...l, releaseSupplies: true }) };
    case 'supportUnit': {
      const unit = supportUnitFor(metric, scenario, levers, reference);
      if (!unit) return null;
      return {
        lever: id,
        key: `${id}-${unit}`,
        label: 'Outside support',
        from: levers.supportPlan.length ? levers.supportPlan.map((s) => s.unit).join(', ') : 'none requested',
        to: `also request ${unit}`,
        apply: (l) => ({ ...l, supportPlan: [...l.supportPlan, { unit, afterS: 0 }] }),
      };
    }
    case 'officialUpdates': {
      const current = levers.officialUpdatesEveryS;
      const target =
        reference?.officialUpdatesEveryS !== undefined && (current === undefined || reference.officialUpdatesEveryS < current)
          ? reference.officialUpdatesEveryS
          : 300;
      if (current !== undefined && current <= target) return null;
      if (levers.warningPlan.length === 0 && scenario.channels.length === 0) return null;
      return {
        lever: id,
        key: `${id}-${target}`,
        label: 'Official updates',
        from: current === undefined ? 'none' : `every ${current} s`,
        to: `every ${target} s`,
        apply: (l) => ({ ...l, officialUpdatesEveryS: target }),
      };
    }
    case 'avoidHazards':
      if (levers.avoidHazards || scenario.hazards.length === 0) return null;
      return { lever: id, key: id, label: 'Route around hazards', from: 'no', to: 'yes', apply: (l) => ({ ...l, avoidHazards: true }) };
  }
}

/** A team for a volunteer task: grid workers for escorts, volunteers for doors, else the first team. */
function teamFor(scenario: Scenario, task: 'knockDoors' | 'escortVulnerable'): string | null {
  const role = task === 'escortVulnerable' ? 'gridWorkers' : 'volunteers';
  return (scenario.volunteers.find((v) => v.role === role && v.count > 0) ?? scenario.volunteers.find((v) => v.count > 0))?.id ?? null;
}

/** An outside unit not yet requested: the reference's first, else the kind that answers the gap. */
function supportUnitFor(metric: ObjectiveMetric, scenario: Scenario, levers: Levers, reference: Levers | null): string | null {
  const units = scenario.governance?.organisations.flatMap((o) => o.support) ?? [];
  const requested = new Set(levers.supportPlan.map((s) => s.unit));
  const open = units.filter((u) => !requested.has(u.id));
  if (open.length === 0) return null;
  const kinds = SUPPORT_FOR[metric] ?? [];
  for (const kind of kinds) {
    const preferred = reference?.supportPlan.find((s) => !requested.has(s.unit) && open.find((u) => u.id === s.unit)?.kind === kind);
    if (preferred) return preferred.unit;
    const unit = open.find((u) => u.kind === kind);
    if (unit) return unit.id;
  }
  return reference?.supportPlan.find((s) => !requested.has(s.unit) && open.some((u) => u.id === s.unit))?.unit ?? (kinds.length ? null : open[0].id);
}
