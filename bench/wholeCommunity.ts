import type { ScenarioInput } from '../sim/index';
import type { CommunityLayout } from './syntheticCommunity';
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
 * hazard, a volunteer team, organisations, ...). Parts must keep the scenario valid and leave the map alone.
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

/** The parts of the whole model, in order. Organisations go here when the scenario has them. */
export const WHOLE_MODEL_PARTS: readonly WholeModelPart[] = [withSpreadingFire, withPatrol];

/**
 * The benchmark's whole model: the warning community (synthetic map, night, sensors, duty desk, three
 * channels, updates, a rumour, door-knockers and escorts; see warningCommunity.ts) with each part of
 * `parts` added in turn: by default a spreading fire with its smoke instead of the growing disc, and a patrol.
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
