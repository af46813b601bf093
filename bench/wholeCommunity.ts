import type { ScenarioInput } from '../sim/index';
import { blockRect, type CommunityLayout } from './syntheticCommunity';
import { createWarningCommunity, WARNING_STRATEGY, type WarningPlanInfo } from './warningCommunity';

/** Strategy the whole model runs: the warning model's, with what the parts add to it. */
export const WHOLE_STRATEGY = WARNING_STRATEGY;

/** The fire: front speed through buildings (m/s), wind (m/s, from the west), and fuel on roads and open ground. */
export const WHOLE_FIRE_SPREAD_MPS = 0.3;
export const WHOLE_FIRE_WIND_MPS = 3;
const ROAD_FUEL = 0.3;
/** Patrolling volunteers per resident, on top of the warning model's door-knockers and escorts. */
const PATROLLERS_PER_RESIDENT = 0.0005;

/** What a part of the whole model sees of the community it adds to. */
export interface WholeCommunityContext {
  agents: number;
  layout: CommunityLayout;
  plan: WarningPlanInfo;
}

/**
 * One part of the whole model: takes the scenario built so far and returns it with its part added (a
 * hazard, a volunteer team, organisations, ...). Parts must keep the scenario valid and leave the map alone,
 * but for the organisations' shelter, which takes one block's place.
 */
export type WholeModelPart = (scenario: ScenarioInput, community: WholeCommunityContext) => ScenarioInput;

/**
 * A spreading fire instead of the warning model's growing disc: lit at the disc's origin at 0 s, its front
 * running through the buildings (and, slower, over roads) pushed east by the wind, which carries its smoke
 * over the sensor 20 m east. Burning cells block walking, so routes are rebuilt every few seconds.
 */
export const withSpreadingFire: WholeModelPart = (scenario) => {
  const area = scenario.hazards?.find((h) => h.kind === 'area');
  if (area?.kind !== 'area') throw new Error('withSpreadingFire: the scenario has no area hazard to replace; build on createWarningCommunity');
  const cellSizeM = scenario.map.cellSizeM;
  const fire = {
    id: 'fire',
    kind: 'fire' as const,
    name: 'Fire spreading through the blocks',
    fire: {
      ignition: { kind: 'point' as const, xM: (area.origin.x + 0.5) * cellSizeM, yM: (area.origin.y + 0.5) * cellSizeM },
      spreadRateMps: WHOLE_FIRE_SPREAD_MPS,
      burnDurationS: 900,
      fuelByCellKind: { road: ROAD_FUEL, open: ROAD_FUEL },
      wind: { speedMps: WHOLE_FIRE_WIND_MPS, fromDeg: 270 },
    },
  };
  return { ...scenario, hazards: [...(scenario.hazards ?? []).filter((h) => h !== area), fire] };
};

/** A patrol team (0.05% of residents, at least one) walking the whole area and reporting hazards it sees. */
export const withPatrol: WholeModelPart = (scenario, { agents }) => {
  const count = Math.max(1, Math.round(agents * PATROLLERS_PER_RESIDENT));
  const team = { id: 'patrol', name: 'Patrol', role: 'volunteers' as const, count, placement: { kind: 'buildings' as const, buildings: ['homes-adults'] } };
  return {
    ...scenario,
    volunteers: [...(scenario.volunteers ?? []), team],
    strategies: (scenario.strategies ?? []).map((s) =>
      s.id === WHOLE_STRATEGY
        ? { ...s, levers: { ...s.levers, volunteerPlan: [...(s.levers?.volunteerPlan ?? []), { team: 'patrol', task: 'patrol' as const }] } }
        : s,
    ),
  };
};

/** The shelter the organisations open: its place id, and its capacity as a share of residents (at least 50 persons). */
export const WHOLE_SHELTER = 'shelter-gym';
const SHELTER_SHARE = 0.01;
/** Supplies stored in the community per resident, units (a ration of water or food, a box of medicine). */
const STORED_PER_RESIDENT = { water: 0.05, food: 0.05, medicine: 0.005 };
/** The outside units the strategy asks for. */
export const WHOLE_SUPPORT_UNITS = ['fire-crew', 'medical-team', 'neighbour-volunteers', 'district-supplies'] as const;

/**
 * The organisations of the community and around it, with the strategy's levers set so every decision goes
 * through them: autonomy "low" (the committee asks the street office to approve ordering the evacuation,
 * mobilising volunteers, opening the shelter and releasing supplies, and the district to approve each
 * support unit) and no shared platform (reports travel hop by hop, with delays, garbling and losses). The
 * committee's chain: committee → street office → district, with property management, a social
 * organisation and a neighbouring community reporting in, and fire and health departments under the
 * district, each with a unit. A store of supplies next to a shelter: one block west of the middle (upwind
 * of the fire), closed until the shelter is opened, takes the place of that block's homes; the only part
 * that changes the map. Staff and units grow slowly with the community. Approvals are never refused, so
 * the phase the bench times starts at the same point at every size.
 */
export const withOrganisations: WholeModelPart = (scenario, { agents, layout }) => {
  const blocks = layout.blocksPerSide;
  const shelter = blockRect(Math.max(0, Math.floor(blocks / 4)), Math.floor(blocks / 2));
  const symbol = 'S';
  const rows = scenario.map.rows.map((row, y) =>
    y < shelter.y || y >= shelter.y + shelter.h ? row : row.slice(0, shelter.x) + symbol.repeat(shelter.w) + row.slice(shelter.x + shelter.w),
  );
  // The store and the offices stand on the road west of the shelter.
  const office = { x: shelter.x - 2, y: shelter.y + Math.floor(shelter.h / 2) };
  const scaled = (perResident: number) => Math.max(10, Math.round(agents * perResident));
  const staff = (perResident: number, least: number) => Math.max(least, Math.round(agents * perResident));
  const governance = {
    community: 'committee',
    organisations: [
      {
        id: 'committee',
        name: 'Neighbourhood committee',
        kind: 'neighbourhoodCommittee' as const,
        staff: staff(1 / 5000, 4),
        at: office,
        reportsTo: 'street-office',
        relayDelayS: 30,
        responseDelayS: 15,
      },
      {
        id: 'property-management',
        name: 'Property management',
        kind: 'propertyManagement' as const,
        staff: staff(1 / 10_000, 2),
        at: office,
        reportsTo: 'committee',
        relayDelayS: 90,
      },
      {
        id: 'social-organisation',
        name: 'Senior-care social organisation',
        kind: 'socialOrganisation' as const,
        staff: staff(1 / 20_000, 2),
        at: office,
        reportsTo: 'committee',
      },
      {
        id: 'street-office',
        name: 'Street office',
        kind: 'streetOffice' as const,
        reportsTo: 'district',
        relayDelayS: 30,
        approves: ['orderEvacuation' as const, 'mobiliseVolunteers' as const, 'openShelter' as const, 'releaseSupplies' as const],
        approvalDelayS: 60,
        refusalProbability: 0,
      },
      {
        id: 'district',
        name: 'District government',
        kind: 'districtGovernment' as const,
        relayDelayS: 120,
        approves: ['requestSupport' as const],
        approvalDelayS: 180,
        refusalProbability: 0,
        support: [
          {
            id: 'district-supplies',
            name: 'District relief supplies',
            kind: 'supplies' as const,
            staff: 4,
            arrivalS: 1200,
            supplies: { water: scaled(0.02), food: scaled(0.02), medicine: scaled(0.002) },
          },
        ],
      },
      {
        id: 'fire-department',
        name: 'District fire and rescue',
        kind: 'department' as const,
        function: 'fire' as const,
        reportsTo: 'district',
        support: [{ id: 'fire-crew', name: 'Fire and rescue crew', kind: 'fireCrew' as const, staff: staff(1 / 20_000, 8), arrivalS: 480, workS: 300 }],
      },
      {
        id: 'health-department',
        name: 'District health commission',
        kind: 'department' as const,
        function: 'health' as const,
        reportsTo: 'district',
        support: [{ id: 'medical-team', name: 'Medical team', kind: 'medicalTeam' as const, staff: staff(1 / 25_000, 4), arrivalS: 900 }],
      },
      {
        id: 'neighbour',
        name: 'Neighbouring community',
        kind: 'neighbouringCommunity' as const,
        reportsTo: 'street-office',
        responseDelayS: 300,
        support: [{ id: 'neighbour-volunteers', name: 'Neighbouring volunteers', kind: 'volunteers' as const, staff: staff(1 / 10_000, 10), arrivalS: 600 }],
      },
    ],
    stores: [
      {
        id: 'centre-store',
        name: 'Community emergency store',
        at: office,
        owner: 'committee',
        supplies: { water: scaled(STORED_PER_RESIDENT.water), food: scaled(STORED_PER_RESIDENT.food), medicine: scaled(STORED_PER_RESIDENT.medicine) },
      },
    ],
    shelters: [{ place: WHOLE_SHELTER, supplies: { water: scaled(SHELTER_SHARE * 0.25), food: scaled(SHELTER_SHARE * 0.25) } }],
  };
  return {
    ...scenario,
    map: { ...scenario.map, rows, legend: { ...scenario.map.legend, [symbol]: { cell: 'shelter', place: WHOLE_SHELTER } } },
    places: [
      ...(scenario.places ?? []),
      {
        id: WHOLE_SHELTER,
        kind: 'shelter' as const,
        name: 'School gym shelter',
        closed: true,
        capacityPersons: Math.max(50, Math.round(agents * SHELTER_SHARE)),
      },
    ],
    governance,
    strategies: (scenario.strategies ?? []).map((st) =>
      st.id === WHOLE_STRATEGY
        ? {
            ...st,
            levers: {
              ...st.levers,
              autonomy: 'low' as const,
              platform: false,
              shelterPlan: [{ shelter: WHOLE_SHELTER }],
              releaseSupplies: true,
              supportPlan: WHOLE_SUPPORT_UNITS.map((unit) => ({ unit })),
            },
          }
        : st,
    ),
  };
};

/** The parts of the whole model, in order. */
export const WHOLE_MODEL_PARTS: readonly WholeModelPart[] = [withSpreadingFire, withPatrol, withOrganisations];

/**
 * The benchmark's whole model: the warning community (synthetic map, night, sensors, duty desk, three
 * channels, updates, a rumour, door-knockers and escorts; see warningCommunity.ts) with each part of
 * `parts` added in turn: by default a spreading fire with its smoke instead of the growing disc, a patrol,
 * and the organisations (reporting chain, approvals, a store, a shelter, outside units).
 * @example const { scenario } = createWholeCommunity(100_000); loadScenarioObject(scenario)
 */
export function createWholeCommunity(
  agents: number,
  parts: readonly WholeModelPart[] = WHOLE_MODEL_PARTS,
): { scenario: ScenarioInput; layout: CommunityLayout; plan: WarningPlanInfo } {
  const base = createWarningCommunity(agents);
  const community: WholeCommunityContext = { agents, layout: base.layout, plan: base.plan };
  let scenario: ScenarioInput = { ...base.scenario, id: `synthetic-whole-${agents}`, title: `Synthetic community of ${agents} residents, the whole model` };
  for (const part of parts) scenario = part(scenario, community);
  return { scenario, layout: base.layout, plan: base.plan };
}
