import { createSimulation, type Scenario, type Simulation } from '../../sim/index';
import { tinyCourtWith } from './scenarios';

/**
 * Tiny court with organisations: the committee reports to the street office, which reports to the
 * district; the fire department sits under the district and the neighbouring community under the street
 * office. Reports are never garbled, lost or refused unless `reporting`/org overrides say so, so times
 * follow from the delays alone. The community decides to act at 10 s (an `activatePlan` event).
 */
export const COURT_DELAYS = {
  committeeRelayS: 120,
  committeeResponseS: 60,
  streetRelayS: 180,
  streetApprovalS: 300,
  districtRelayS: 240,
  districtApprovalS: 600,
  fireResponseS: 90,
  rescueArrivalS: 400,
  platformS: 15,
  decideAtS: 10,
} as const;

export interface CourtOptions {
  levers?: Record<string, unknown>;
  governance?: Record<string, unknown>;
  organisations?: Record<string, Record<string, unknown>>;
  extra?: Record<string, unknown>;
}

export function governedCourt(options: CourtOptions = {}): Scenario {
  return tinyCourtWith(governedCourtInput(options));
}

/** The scenario keys governedCourt lays over Tiny court, before validation (for tests of invalid input). */
export function governedCourtInput(options: CourtOptions = {}): Record<string, unknown> {
  const d = COURT_DELAYS;
  const orgs: Record<string, Record<string, unknown>> = {
    committee: {
      id: 'committee',
      kind: 'neighbourhoodCommittee',
      staff: 2,
      at: { x: 8, y: 6 },
      reportsTo: 'street-office',
      relayDelayS: d.committeeRelayS,
      responseDelayS: d.committeeResponseS,
    },
    'street-office': {
      id: 'street-office',
      kind: 'streetOffice',
      reportsTo: 'district',
      relayDelayS: d.streetRelayS,
      approves: ['orderEvacuation', 'mobiliseVolunteers', 'openShelter', 'releaseSupplies'],
      approvalDelayS: d.streetApprovalS,
      refusalProbability: 0,
    },
    district: {
      id: 'district',
      kind: 'districtGovernment',
      relayDelayS: d.districtRelayS,
      approves: ['requestSupport'],
      approvalDelayS: d.districtApprovalS,
      refusalProbability: 0,
    },
    fire: {
      id: 'fire',
      kind: 'department',
      function: 'fire',
      reportsTo: 'district',
      responseDelayS: d.fireResponseS,
      support: [{ id: 'rescue-crew', kind: 'rescueTeam', staff: 2, arrivalS: d.rescueArrivalS, workS: 120 }],
    },
    neighbour: {
      id: 'neighbour',
      kind: 'neighbouringCommunity',
      reportsTo: 'street-office',
      support: [{ id: 'east-volunteers', kind: 'volunteers', staff: 4, arrivalS: 300 }],
    },
  };
  for (const [id, patch] of Object.entries(options.organisations ?? {})) orgs[id] = { ...(orgs[id] ?? { id }), ...patch };
  return {
    channels: [{ id: 'sms', kind: 'sms' }],
    timeline: [{ atS: d.decideAtS, kind: 'activatePlan' }],
    strategies: [
      {
        id: 'plan',
        name: 'Plan',
        levers: { sensors: false, warningPlan: [{ channel: 'sms', content: 'evacuate' }], ...options.levers },
      },
    ],
    governance: {
      community: 'committee',
      organisations: Object.values(orgs),
      stores: [{ id: 'store', at: { x: 8, y: 6 }, owner: 'committee', supplies: { water: 100, food: 100, medicine: 10 } }],
      shelters: [{ place: 'clinic', supplies: { water: 1, food: 1 } }],
      needs: { householdFirstAfterS: 1800 },
      reporting: { hopErrorProbability: 0, hopLossProbability: 0 },
      platform: { delayS: d.platformS, errorProbability: 0 },
      ...options.governance,
    },
    ...options.extra,
  };
}

/** Step until `done` holds or `maxS` simulated seconds pass. */
export function runUntil(sim: Simulation, maxS: number, done: (sim: Simulation) => boolean): void {
  const maxTicks = Math.round(maxS / sim.tickS);
  while (sim.tick < maxTicks && !done(sim)) sim.step(1);
}

export function runGoverned(scenario: Scenario, seed: number, untilS: number): Simulation {
  const sim = createSimulation(scenario, { seed });
  sim.step(Math.round(untilS / sim.tickS));
  return sim;
}
