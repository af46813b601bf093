import type { ScenarioInput } from '../sim/index';
import { type CommunityLayout, createSyntheticCommunity } from './syntheticCommunity';

/** Share of the limited-mobility group who are bedridden instead (living alone: they need an escort to leave). */
const BEDRIDDEN_SHARE_OF_LIMITED = 0.2;
/** Volunteers per resident (the issue's ~0.5%), and the share of them knocking on doors; the rest escort. */
const VOLUNTEERS_PER_RESIDENT = 0.005;
const KNOCKING_SHARE = 0.8;
/** The hazard's edge speed, m/s, and its largest radius as a share of the map's side. */
const HAZARD_GROWTH_MPS = 0.5;
const HAZARD_MAX_RADIUS_SHARE = 0.125;
/** Sensors next to the hazard's origin, m east and west of it: both trip within the first half minute. */
const NEAR_SENSOR_OFFSET_M = 20;
/** The duty desk's time from a confirmed alert to the decision to warn, s. */
const DECISION_DELAY_S = 60;
/** The loudspeaker van starts a little after the app and SMS messages, s. */
const LOUDSPEAKER_AFTER_S = 30;
export const OFFICIAL_UPDATES_EVERY_S = 300;
export const RUMOUR_AT_S = 60;
/** Strategy the warning benchmark runs. */
export const WARNING_STRATEGY = 'sensors-and-volunteers';

/** What the warning community adds, for reports and tests. */
export interface WarningPlanInfo {
  volunteers: number;
  knockers: number;
  escorts: number;
  bedridden: number;
  sensors: number;
  speakers: number;
}

/**
 * The benchmark's warning and behaviour model: the synthetic community of `createSyntheticCommunity`
 * (same map, same homes) at night, without the direct evacuation order. An area hazard starts at 0 s near
 * the middle and grows; sensors watch it; the duty desk decides to warn and the strategy's plan sends the
 * warning on the group-chat app, SMS and a loudspeaker, with updates every 5 minutes; a "stay put" rumour
 * goes round at 60 s; a door-knocking team and an escort team (0.5% of residents in all) set out. People
 * leave only because they are warned, believe it, get ready and go.
 * @example const { scenario } = createWarningCommunity(100_000); loadScenarioObject(scenario)
 */
export function createWarningCommunity(agents: number): { scenario: ScenarioInput; layout: CommunityLayout; plan: WarningPlanInfo } {
  const { scenario: base, layout } = createSyntheticCommunity(agents);
  const side = layout.sideCells;
  const mid = Math.floor(side / 2);
  // Map coordinates in cells are metres here (1 m cells); keep every point inside the wall.
  const at = (x: number, y: number) => ({ x: clamp(Math.round(x), 1, side - 2), y: clamp(Math.round(y), 1, side - 2) });

  // Split the limited-mobility group: the same homes, a fifth of them bedridden and living alone.
  let bedridden = 0;
  const groups = base.population.groups.flatMap((g) => {
    if (g.mobility !== 'limited') return [g];
    bedridden = Math.round(g.count * BEDRIDDEN_SHARE_OF_LIMITED);
    return [
      { ...g, count: g.count - bedridden },
      { ...g, id: 'bedridden', count: bedridden, mobility: 'bedridden' as const, householdSize: 1 },
    ];
  });

  const volunteers = Math.max(2, Math.round(agents * VOLUNTEERS_PER_RESIDENT));
  const knockers = Math.max(1, Math.round(volunteers * KNOCKING_SHARE));
  const escorts = volunteers - knockers;
  // Volunteers live among the families.
  const volunteerHomes = { kind: 'buildings' as const, buildings: ['homes-adults'] };

  // Five speakers (the centre and the middle of each quarter) reaching a fifth of the side: about 60% of the map.
  const speakers = [at(mid, mid), at(side / 4, side / 4), at((3 * side) / 4, side / 4), at(side / 4, (3 * side) / 4), at((3 * side) / 4, (3 * side) / 4)];
  const sensors = [
    { id: 'smoke-east', kind: 'smoke' as const, at: at(mid + NEAR_SENSOR_OFFSET_M, mid) },
    { id: 'smoke-west', kind: 'smoke' as const, at: at(mid - NEAR_SENSOR_OFFSET_M, mid) },
    { id: 'smoke-nw', kind: 'smoke' as const, at: at(side / 4, side / 4) },
    { id: 'smoke-se', kind: 'smoke' as const, at: at((3 * side) / 4, (3 * side) / 4) },
    { id: 'camera-gate', kind: 'camera' as const, at: at(side / 2, 2), coverageM: 40 },
  ];

  const scenario: ScenarioInput = {
    ...base,
    id: `synthetic-warning-${agents}`,
    title: `Synthetic community of ${agents} residents, warned at night`,
    // 02:00: most residents are asleep, so channels, family and neighbours reach them slowly.
    simulation: { ...base.simulation, startClock: '02:00' },
    population: {
      // Dressing, waking the family and packing at night take a while once a household decides to go.
      defaultPreMovementS: { kind: 'uniform', minS: 20, maxS: 90 },
      groups,
    },
    volunteers: [
      { id: 'door-knockers', name: 'Door-to-door team', role: 'volunteers', count: knockers, placement: volunteerHomes },
      { id: 'escorts', name: 'Escort team', role: 'gridWorkers', count: escorts, placement: volunteerHomes },
    ],
    channels: [
      { id: 'app', kind: 'app', name: 'Community group chat' },
      { id: 'sms', kind: 'sms', name: 'SMS alert' },
      { id: 'loudspeaker', kind: 'loudspeaker', name: 'Loudspeakers', speakers, rangeM: Math.max(30, Math.round(side / 5)) },
    ],
    sensors,
    hazards: [
      {
        id: 'fire',
        kind: 'area',
        cue: 'smoke',
        origin: at(mid, mid),
        startS: 0,
        growthMps: HAZARD_GROWTH_MPS,
        maxRadiusM: Math.max(10, Math.round(side * HAZARD_MAX_RADIUS_SHARE)),
      },
    ],
    // No evacuation order: people leave because they are warned. A "stay put" rumour goes round first.
    timeline: [{ atS: RUMOUR_AT_S, kind: 'rumour', content: 'stayPut', seedShare: 0.02, text: 'It is only a bin fire, go back to sleep' }],
    strategies: [
      {
        id: WARNING_STRATEGY,
        name: 'Sensors, duty desk, three channels and volunteers',
        levers: {
          sensors: true,
          earlyWarningSystem: false,
          decisionDelayS: DECISION_DELAY_S,
          warningPlan: [
            { channel: 'app', content: 'evacuate' },
            { channel: 'sms', content: 'evacuate' },
            { channel: 'loudspeaker', content: 'evacuate', afterS: LOUDSPEAKER_AFTER_S },
          ],
          officialUpdatesEveryS: OFFICIAL_UPDATES_EVERY_S,
          volunteerPlan: [
            { team: 'door-knockers', task: 'knockDoors' },
            { team: 'escorts', task: 'escortVulnerable' },
          ],
        },
      },
    ],
  };
  return { scenario, layout, plan: { volunteers, knockers, escorts, bedridden, sensors: sensors.length, speakers: speakers.length } };
}

function clamp(value: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, value));
}
