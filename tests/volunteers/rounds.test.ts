import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { createSimulation, loadScenarioOrThrow } from '../../sim/index';
import { VolunteerState, volunteerStats } from '../../sim/volunteers/index';
import { peekVolunteerRuntime } from '../../sim/volunteers/VolunteerRuntime';
import { worldOf } from './captureWorld';

vi.mock('../../sim/volunteers/tasks', async (importOriginal) => (await import('./captureWorld')).captureWorlds(await importOriginal()));

const scenario = loadScenarioOrThrow(readFileSync('scenarios/drills/volunteer-rounds.json', 'utf8'));
const run = (strategy: string, seconds: number) => {
  const sim = createSimulation(scenario, { seed: 2, strategy });
  sim.step(Math.round(seconds / sim.tickS));
  return sim;
};

describe('volunteer-rounds drill', () => {
  it('door-to-door and escorts reach those the app leaves behind', () => {
    const withTeams = run('door-to-door', 600);
    const appOnly = run('app-only', 600);
    // The 30 older residents without a phone hear from a knock, or from a neighbour who heard the app.
    const offlineHeard = (sim: typeof withTeams) => {
      const r = sim.residents();
      let n = 0;
      for (let i = 0; i < r.count; i++) if (r.group[i] === 1 && r.heardAtS[i] < Infinity) n++;
      return n;
    };
    expect(offlineHeard(withTeams)).toBe(30);
    expect(offlineHeard(appOnly)).toBeLessThan(20);
    expect(withTeams.metrics().informedShare).toBeGreaterThan(appOnly.metrics().informedShare + 0.05);
    // Bedridden residents living alone leave only with help.
    withTeams.step(4 * 600);
    appOnly.step(4 * 600);
    expect(withTeams.metrics().vulnerableSafe).toBe(4);
    expect(appOnly.metrics().vulnerableSafe).toBe(0);
    expect(appOnly.metrics().awaitingHelp).toBeGreaterThan(0);
    const [door, grid] = volunteerStats(worldOf(withTeams));
    expect(door).toMatchObject({ task: 'knockDoors', householdsLeft: 0, done: 4 });
    // Households that had all left on the app's word are skipped; the rest are knocked at.
    expect(door.householdsVisited).toBeGreaterThan(10);
    expect(door.residentsReached).toBeGreaterThanOrEqual(door.residentsFirstInformed);
    expect(door.residentsFirstInformed).toBeGreaterThan(10);
    expect(door.doneS as number).toBeLessThan(600);
    expect(grid).toMatchObject({ task: 'escortVulnerable', escortsStarted: 4, escorted: 4 });
    // The plan starts at 60 s and its tasks a tick later.
    expect(door.startedS).toBeCloseTo(60.25, 6);
  });

  it('the patrol walks its rounds and each member reports the smoke once', () => {
    const sim = run('app-only', 900);
    const world = worldOf(sim);
    const patrol = volunteerStats(world)[2];
    expect(patrol).toMatchObject({ task: 'patrol', patrolling: 2, hazardReports: 2 });
    // Reports reach the duty desk, which counts a detection.
    expect(sim.metrics().firstDetectionS).not.toBeNull();
    // Waypoints are walkable cells, and the patrol has been to both sides of the road.
    const rt = peekVolunteerRuntime(world);
    const vol = world.volunteers;
    for (let v = 0; v < vol.count; v++) if (vol.state[v] === VolunteerState.Patrolling) expect(world.passable[rt?.target[v] ?? -1]).toBe(1);
    let north = false;
    let south = false;
    const probe = createSimulation(scenario, { seed: 2, strategy: 'app-only' });
    for (let k = 0; k < 4 * 900; k++) {
      probe.step(1);
      const xy = probe.snapshot().volunteerXY;
      for (const v of [6, 7]) {
        north ||= xy[2 * v + 1] < 6;
        south ||= xy[2 * v + 1] >= 9;
      }
    }
    expect(north && south).toBe(true);
  });
});
