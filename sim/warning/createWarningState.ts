import type { Residents } from '../agents/Residents';
import { Content } from '../agents/Residents';
import { initialWaits, isNight, languagesOf } from '../agents/traits';
import { createRandom } from '../random/Random';
import type { Scenario } from '../scenario/schema';
import type { Levers } from '../scenario/schemaWarning';
import type { Grid } from '../space/Grid';
import { buildChannel } from './channels';
import type { WarningState } from './WarningState';

/** Salt of the residents' first waits for a message. */
const HEARING_SALT = 0x4ea1;

export function createWarningState(scenario: Scenario, grid: Grid, residents: Residents, levers: Levers, seed: number): WarningState {
  const languages = languagesOf(scenario);
  const channels = scenario.channels.map((c, i) => buildChannel(c, i, grid, languages));
  const residentsByBuilding = new Int32Array(grid.places.length);
  if (scenario.channels.length) residents.hearRemaining = initialWaits(residents.count, seed, HEARING_SALT);
  for (let i = 0; i < residents.count; i++) if (residents.homeBuilding[i] >= 0) residentsByBuilding[residents.homeBuilding[i]]++;
  return {
    channels,
    channelById: new Map(channels.map((c, i) => [c.id, i])),
    broadcasts: [],
    levers,
    night: isNight(scenario.simulation.startClock),
    decide: createRandom(seed, 'decide'),
    lastContent: Content.None,
    lastTargetSlot: 0,
    rumourActive: false,
    rumourPanics: false,
    informed: 0,
    acting: 0,
    heardRumour: 0,
    rumourBelievers: 0,
    informedByBuilding: new Int32Array(grid.places.length),
    residentsByBuilding,
    leavingByBuilding: new Int32Array(grid.places.length),
    firstOfficialWarningS: -1,
    planStartedS: -1,
    meanPanic: 0,
    peakPanic: 0,
    meanTrust: scenario.behaviour.initialTrust,
    informedShareOverTime: [],
  };
}
