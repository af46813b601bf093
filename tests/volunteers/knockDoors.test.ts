import { describe, expect, it, vi } from 'vitest';
import { Trait } from '../../sim/agents/Residents';
import { ResidentState, type ScenarioInput } from '../../sim/index';
import { KNOCK_S_GRID_WORKER, KNOCK_S_VOLUNTEER, volunteerStats } from '../../sim/volunteers/index';
import { worldOf } from './captureWorld';
import { runFor, scenarioOf } from './support';

vi.mock('../../sim/volunteers/tasks', async (importOriginal) => (await import('./captureWorld')).captureWorlds(await importOriginal()));

const TICK_S = 0.25;
const SPEED_MPS = 1.3;
const HOUSEHOLDS = 20;
const TEAM = 2;

/**
 * Two blocks: A (10 × 4 cells) where 40 residents in 20 households have no phone, B where 40 residents
 * are all in the community group chat. The app warns everyone at t = 0. Word of mouth is off, so what
 * reaches block A can only be the door knock.
 */
function twoBlocks(options: { knock: boolean; role?: 'volunteers' | 'gridWorkers'; night?: boolean }): ScenarioInput {
  return {
    schemaVersion: 1,
    id: 'door-to-door',
    title: 'Door-to-door reaches residents without phones',
    simulation: { tickS: TICK_S, durationS: 3600, startClock: options.night ? '02:00' : '10:00' },
    map: {
      cellSizeM: 1,
      rows: [
        '##############################',
        '#............................#',
        '#.AAAAAAAAAA......BBBBBBBBBB.#',
        '#.AAAAAAAAAA......BBBBBBBBBB.#',
        '#.AAAAAAAAAA......BBBBBBBBBB.#',
        '#.AAAAAAAAAA......BBBBBBBBBB.#',
        '#............................#',
        '#............................#',
        '#............................#',
        '#............................#',
        '##############EE##############',
      ],
      legend: {
        '#': 'wall',
        '.': 'open',
        A: { cell: 'building', place: 'block-a' },
        B: { cell: 'building', place: 'block-b' },
        E: { cell: 'exit', place: 'gate' },
      },
    },
    places: [
      { id: 'block-a', kind: 'building' },
      { id: 'block-b', kind: 'building' },
      { id: 'gate', kind: 'exit' },
    ],
    population: {
      groups: [
        { id: 'offline', count: 40, householdSize: 2, ageGroup: 'over50', phoneShare: 0, placement: { kind: 'buildings', buildings: ['block-a'] } },
        { id: 'connected', count: 40, householdSize: 2, phoneShare: 1, groupChatShare: 1, placement: { kind: 'buildings', buildings: ['block-b'] } },
      ],
    },
    volunteers: [
      {
        id: 'door-team',
        role: options.role ?? 'volunteers',
        count: TEAM,
        speedMps: SPEED_MPS,
        placement: {
          kind: 'points',
          pointsM: [
            [15.5, 7.5],
            [14.5, 7.5],
          ],
        },
      },
    ],
    channels: [{ id: 'app', kind: 'app', ratePerMin: 1 }],
    behaviour: { wordOfMouth: { ratePerMin: 0, householdRatePerMin: 0 } },
    timeline: [
      { atS: 0, kind: 'warn', channel: 'app', content: 'evacuate' },
      ...(options.knock ? [{ atS: 0, kind: 'assignVolunteers' as const, team: 'door-team', task: 'knockDoors' as const, zone: 'block-a' }] : []),
    ],
  };
}

/**
 * Latest time by which the team must have told every household: its first walk to the farthest door,
 * then, as free members take the next door, at most (households / team + 1) doors each, each a walk of
 * at most the block's diameter (octile, 9 × 3 cells) and a knock; plus two ticks of rounding per door.
 */
function deadlineS(knockS: number): number {
  const octile = (dx: number, dy: number) => Math.max(dx, dy) - Math.min(dx, dy) + Math.SQRT2 * Math.min(dx, dy);
  const firstWalkS = octile(15 - 2, 7 - 2) / SPEED_MPS;
  const doors = HOUSEHOLDS / TEAM + 1;
  return firstWalkS + doors * (knockS + octile(9, 3) / SPEED_MPS + 2 * TICK_S);
}

/** Heard times of the residents of a group. */
function heardTimes(sim: ReturnType<typeof runFor>, group: number): number[] {
  const r = sim.residents();
  const out: number[] = [];
  for (let i = 0; i < r.count; i++) if (r.group[i] === group) out.push(r.heardAtS[i]);
  return out;
}

describe('knockDoors', () => {
  const deadline = deadlineS(KNOCK_S_VOLUNTEER);

  it('door-to-door reaches residents without phones that the app does not', () => {
    const appOnly = runFor(scenarioOf(twoBlocks({ knock: false })), deadline);
    const withTeam = runFor(scenarioOf(twoBlocks({ knock: true })), deadline);

    // The app alone: the connected block hears it or leaves with a household member who did; the block
    // without phones hears nothing, even much later.
    const r = appOnly.residents();
    const connectedReached = Array.from({ length: r.count }, (_, i) => i).filter(
      (i) => r.group[i] === 1 && (r.heardAtS[i] < Infinity || r.state[i] !== ResidentState.Idle),
    );
    expect(connectedReached.length).toBeGreaterThanOrEqual(38);
    expect(heardTimes(appOnly, 0).filter(Number.isFinite)).toEqual([]);
    appOnly.step(Math.round(deadline / TICK_S));
    expect(heardTimes(appOnly, 0).filter(Number.isFinite)).toEqual([]);

    // With two volunteers knocking, all 40 are told by the deadline, and no sooner than the knocks allow:
    // 20 knocks of 30 s between two volunteers end no earlier than 10 × 30 s.
    const offline = heardTimes(withTeam, 0);
    expect(offline).toHaveLength(40);
    expect(offline.every((t) => t <= deadline)).toBe(true);
    expect(Math.max(...offline)).toBeGreaterThanOrEqual((HOUSEHOLDS / TEAM) * KNOCK_S_VOLUNTEER);
    expect(Math.min(...offline)).toBeGreaterThanOrEqual(KNOCK_S_VOLUNTEER);
    expect(withTeam.metrics().informedShare).toBeGreaterThan(appOnly.metrics().informedShare + 0.45);

    const [stats] = volunteerStats(worldOf(withTeam));
    expect(stats).toMatchObject({ team: 'door-team', task: 'knockDoors', zone: 'block-a', done: TEAM, householdsLeft: 0 });
    expect(stats).toMatchObject({ householdsVisited: HOUSEHOLDS, householdsUnreachable: 0, residentsReached: 40, residentsFirstInformed: 40 });
    expect(stats.doneS).toBeLessThanOrEqual(deadline);
    const kinds = withTeam.events().map((e) => e.kind);
    expect(kinds).toContain('assignVolunteers');
    expect(kinds).toContain('volunteersDone');
  });

  it('grid workers, faster at the door, finish sooner', () => {
    const volunteers = volunteerStats(worldOf(runFor(scenarioOf(twoBlocks({ knock: true })), deadline)))[0];
    const gridWorkers = volunteerStats(worldOf(runFor(scenarioOf(twoBlocks({ knock: true, role: 'gridWorkers' })), deadline)))[0];
    expect(gridWorkers.householdsVisited).toBe(HOUSEHOLDS);
    expect(gridWorkers.doneS as number).toBeLessThan(volunteers.doneS as number);
    expect(gridWorkers.doneS as number).toBeLessThanOrEqual(deadlineS(KNOCK_S_GRID_WORKER));
  });

  it('wakes sleepers at night: everyone knocked at is awake afterwards', () => {
    const scenario = scenarioOf(twoBlocks({ knock: true, night: true }));
    const sim = runFor(scenario, 2);
    const r = sim.residents();
    const asleepAtStart = Array.from({ length: r.count }, (_, i) => r.group[i] === 0 && (r.traits[i] & Trait.Asleep) !== 0).filter(Boolean).length;
    expect(asleepAtStart).toBeGreaterThan(20);
    sim.step(Math.round(deadline / TICK_S));
    for (let i = 0; i < r.count; i++) if (r.group[i] === 0) expect(r.traits[i] & Trait.Asleep).toBe(0);
  });
});
