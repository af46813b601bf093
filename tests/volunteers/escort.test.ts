import { describe, expect, it, vi } from 'vitest';
import { Trait } from '../../sim/agents/Residents';
import { computeDistanceField, createDistanceField, ResidentState, type ScenarioInput, weidmannSpeedMps } from '../../sim/index';
import { isWalkableKind } from '../../sim/space/CellKind';
import { createPathFinder, findPath } from '../../sim/space/findPath';
import { buildGrid } from '../../sim/space/Grid';
import { volunteerStats } from '../../sim/volunteers/index';
import { worldOf } from './captureWorld';
import { runFor, scenarioOf } from './support';

vi.mock('../../sim/volunteers/tasks', async (importOriginal) => (await import('./captureWorld')).captureWorlds(await importOriginal()));

const TICK_S = 0.25;
const RESIDENT_MPS = 0.5;

/**
 * A ward behind a wall with one doorway; bedridden residents living alone (so nobody at home can carry
 * them) in its rooms, a team by the gate on the far side. Everyone is ordered out at t = 0.
 */
function ward(options: { bedridden: [number, number][]; team: [number, number][]; escort: boolean; teamMps?: number }): ScenarioInput {
  return {
    schemaVersion: 1,
    id: 'ward',
    title: 'Escorting bedridden residents',
    simulation: { tickS: TICK_S, durationS: 3600 },
    map: {
      cellSizeM: 1,
      rows: [
        '######################',
        '#RRRR#...............#',
        '#RRRR#...............#',
        '#RRRR#...######......E',
        '#RRRR....#...........#',
        '#RRRR#...#...........#',
        '######################',
      ],
      legend: { '#': 'wall', '.': 'open', R: { cell: 'building', place: 'ward' }, E: { cell: 'exit', place: 'gate' } },
    },
    places: [
      { id: 'ward', kind: 'building' },
      { id: 'gate', kind: 'exit' },
    ],
    population: {
      groups: [
        {
          id: 'bedridden',
          count: options.bedridden.length,
          mobility: 'bedridden',
          speedMps: { kind: 'fixed', valueMps: RESIDENT_MPS },
          placement: { kind: 'points', pointsM: options.bedridden },
        },
      ],
    },
    volunteers: [{ id: 'carers', count: options.team.length, speedMps: options.teamMps ?? 1.3, placement: { kind: 'points', pointsM: options.team } }],
    timeline: [
      { atS: 0, kind: 'evacuate' },
      ...(options.escort ? [{ atS: 0, kind: 'assignVolunteers' as const, team: 'carers', task: 'escortVulnerable' as const, zone: 'all' }] : []),
    ],
  };
}

/** Walking distances in the ward scenario: to the gate from every cell, and between two cells by A*. */
function distances(input: ScenarioInput) {
  const grid = buildGrid(scenarioOf(input));
  const passable = Uint8Array.from(grid.baseKinds, (k) => (isWalkableKind(k) ? 1 : 0));
  const toGate = createDistanceField(passable.length);
  computeDistanceField(grid.width, grid.height, grid.cellSizeM, passable, grid.placeById.get('gate')?.cells ?? [], toGate);
  const finder = createPathFinder(grid.width, grid.height, grid.cellSizeM);
  const cellOf = ([x, y]: [number, number]) => Math.floor(y) * grid.width + Math.floor(x);
  return {
    toGateM: (p: [number, number]) => toGate.distanceM[cellOf(p)],
    betweenM: (a: [number, number], b: [number, number]) => (findPath(finder, passable, cellOf(a), cellOf(b)) ? finder.lengthM : Infinity),
  };
}

describe('escortVulnerable', () => {
  const home: [number, number] = [1.5, 1.5];
  const base: [number, number] = [19.5, 4.5];

  it('a bedridden resident living alone waits for help without a team', () => {
    const sim = runFor(scenarioOf(ward({ bedridden: [home], team: [base], escort: false })), 900);
    const r = sim.residents();
    expect(r.traits[0] & Trait.NeedsHelp).toBeTruthy();
    expect(r.state[0]).toBe(ResidentState.AwaitingHelp);
    expect(sim.metrics()).toMatchObject({ safe: 0, awaitingHelp: 1 });
  });

  it('is reached after the volunteer walks to it, and brought out at the escort speed', () => {
    const input = ward({ bedridden: [home], team: [base], escort: true });
    const { toGateM, betweenM } = distances(input);
    const sim = runFor(scenarioOf(input), 900);
    const r = sim.residents();
    expect(r.state[0]).toBe(ResidentState.Safe);
    // The volunteer walks the A* path from its cell centre to the resident's cell centre at 1.3 m/s, from
    // the tick after the order, slowed on the last (at most diagonal) leg by the resident in that 1 m² cell.
    const walkToS = betweenM(base, home) / 1.3;
    const lastLegS = Math.SQRT2 * (1 / (1.3 * (weidmannSpeedMps(1) / weidmannSpeedMps(0))) - 1 / 1.3);
    expect(r.startS[0]).toBeGreaterThanOrEqual(walkToS);
    expect(r.startS[0]).toBeLessThanOrEqual(walkToS + lastLegS + TICK_S);
    // Then the two walk the distance field to the gate at the resident's pace; safe on entering the gate
    // cell, so up to one cell short of the field's distance, plus a tick of rounding.
    const walkS = r.safeAtS[0] - r.startS[0];
    expect(r.speedMps[0]).toBeCloseTo(RESIDENT_MPS, 6);
    expect(walkS).toBeLessThanOrEqual(toGateM(home) / RESIDENT_MPS + TICK_S + 1e-6);
    expect(walkS).toBeGreaterThanOrEqual((toGateM(home) - 1) / RESIDENT_MPS - TICK_S);
    const [stats] = volunteerStats(worldOf(sim));
    expect(stats).toMatchObject({ escortsStarted: 1, escorted: 1, task: 'escortVulnerable', done: 1 });
    expect(sim.events().filter((e) => e.kind === 'escortDone')).toHaveLength(1);
  });

  it('walks at the slower of the two: a slow volunteer sets the pace', () => {
    const input = ward({ bedridden: [home], team: [base], escort: true, teamMps: 0.4 });
    const { toGateM } = distances(input);
    const sim = runFor(scenarioOf(input), 1200);
    const r = sim.residents();
    expect(r.speedMps[0]).toBeCloseTo(0.4, 6);
    const walkS = r.safeAtS[0] - r.startS[0];
    expect(walkS).toBeGreaterThanOrEqual((toGateM(home) - 1) / 0.4 - TICK_S);
    expect(walkS).toBeLessThanOrEqual(toGateM(home) / 0.4 + TICK_S + 1e-6);
  });

  it('one volunteer escorts two residents one after the other', () => {
    const other: [number, number] = [3.5, 4.5];
    const sim = runFor(scenarioOf(ward({ bedridden: [home, other], team: [base], escort: true })), 1800);
    const r = sim.residents();
    expect(sim.metrics().safe).toBe(2);
    // The nearer one (the other, by the doorway) first; the second sets off only after the first is safe.
    expect(r.startS[1]).toBeLessThan(r.startS[0]);
    expect(r.startS[0]).toBeGreaterThanOrEqual(r.safeAtS[1]);
    expect(volunteerStats(worldOf(sim))[0]).toMatchObject({ escortsStarted: 2, escorted: 2 });
  });

  it('two volunteers never go for the same resident', () => {
    const other: [number, number] = [3.5, 4.5];
    const sim = runFor(scenarioOf(ward({ bedridden: [home, other], team: [base, [18.5, 4.5]], escort: true })), 900);
    const r = sim.residents();
    expect(sim.metrics().safe).toBe(2);
    // Both set off as soon as their own volunteer arrives: in parallel, not one after the other.
    expect(Math.max(r.startS[0], r.startS[1])).toBeLessThan(Math.min(r.safeAtS[0], r.safeAtS[1]));
    expect(volunteerStats(worldOf(sim))[0]).toMatchObject({ escortsStarted: 2, escorted: 2 });
  });
});
