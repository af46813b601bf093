import { describe, expect, it, vi } from 'vitest';
import type { ScenarioInput } from '../../sim/index';
import { volunteerStats } from '../../sim/volunteers/index';
import { worldOf } from './captureWorld';
import { runFor, scenarioOf } from './support';

vi.mock('../../sim/volunteers/tasks', async (importOriginal) => (await import('./captureWorld')).captureWorlds(await importOriginal()));

const UNBLOCK_S = 60;

/**
 * A block of 10 households without phones, and a door-knocking pair standing in the middle of an area that
 * is closed all round them from 0 s to UNBLOCK_S (as a fire closes round people).
 */
function hemmedIn(): ScenarioInput {
  return {
    schemaVersion: 1,
    id: 'hemmed-in',
    title: 'Door-knockers hemmed in',
    simulation: { tickS: 0.25, durationS: 3600 },
    map: {
      cellSizeM: 1,
      rows: [
        '####################',
        '#..................#',
        '#.AAAAA............#',
        '#.AAAAA............#',
        '#..................#',
        '#..................#',
        '#########EE#########',
      ],
      legend: { '#': 'wall', '.': 'open', A: { cell: 'building', place: 'block-a' }, E: { cell: 'exit', place: 'gate' } },
    },
    places: [
      { id: 'block-a', kind: 'building' },
      { id: 'gate', kind: 'exit' },
    ],
    population: {
      groups: [{ id: 'offline', count: 20, householdSize: 2, phoneShare: 0, placement: { kind: 'buildings', buildings: ['block-a'] } }],
    },
    volunteers: [
      {
        id: 'door-team',
        count: 2,
        speedMps: 1.3,
        placement: {
          kind: 'points',
          pointsM: [
            [14.5, 3.5],
            [15.5, 3.5],
          ],
        },
      },
    ],
    channels: [{ id: 'app', kind: 'app' }],
    behaviour: { wordOfMouth: { ratePerMin: 0, householdRatePerMin: 0 } },
    timeline: [
      // Cells 13..17 × 2..4 closed: both volunteers (cells 14 and 15 of row 3) have no open neighbour.
      { atS: 0, kind: 'blockArea', rect: { x: 13, y: 2, w: 5, h: 3 } },
      { atS: 0, kind: 'assignVolunteers', team: 'door-team', task: 'knockDoors', zone: 'block-a' },
      { atS: UNBLOCK_S, kind: 'unblockArea', rect: { x: 13, y: 2, w: 5, h: 3 } },
    ],
  };
}

describe('door-knockers hemmed in', () => {
  it('wait until a way opens instead of crossing every household off as unreachable', () => {
    const scenario = scenarioOf(hemmedIn());
    const early = volunteerStats(worldOf(runFor(scenario, UNBLOCK_S - 5)))[0];
    expect(early).toMatchObject({ householdsVisited: 0, householdsUnreachable: 0, householdsLeft: 10, done: 0 });
    // Free at 60 s: 10 doors between two, each a walk of a few metres and a 30 s knock.
    const sim = runFor(scenario, UNBLOCK_S + 6 * 30 + 60);
    const stats = volunteerStats(worldOf(sim))[0];
    expect(stats).toMatchObject({ householdsVisited: 10, householdsUnreachable: 0, householdsLeft: 0, residentsReached: 20, done: 2 });
  });
});
