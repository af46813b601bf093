import { loadScenarioObject, type Scenario } from '../../sim/index';

/**
 * A small test community: `blocks` × `blocks` buildings of 6 × 4 cells (2 m cells) on open ground inside a
 * wall, one gate in the east wall, `perBuilding` residents in each building, in households of 2.
 * `extra` is merged over the scenario object (shallowly) before loading.
 */
export function testCommunity(extra: Record<string, unknown> = {}, blocks = 4, perBuilding = 40): Scenario {
  const width = blocks * 8 + 3;
  const height = blocks * 6 + 3;
  const grid: string[][] = Array.from({ length: height }, (_, y) =>
    Array.from({ length: width }, (_, x) => (x === 0 || y === 0 || x === width - 1 || y === height - 1 ? '#' : '.')),
  );
  const legend: Record<string, unknown> = { '#': 'wall', '.': 'open', '>': { cell: 'exit', place: 'gate' } };
  const places: Record<string, unknown>[] = [{ id: 'gate', kind: 'exit' }];
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
  for (let by = 0; by < blocks; by++) {
    for (let bx = 0; bx < blocks; bx++) {
      const k = by * blocks + bx;
      const ch = letters[k];
      legend[ch] = { cell: 'building', place: `b${k}` };
      places.push({ id: `b${k}`, kind: 'building' });
      for (let y = 0; y < 4; y++) for (let x = 0; x < 6; x++) grid[2 + by * 6 + y][2 + bx * 8 + x] = ch;
    }
  }
  grid[Math.floor(height / 2)][width - 1] = '>';
  const scenario = {
    schemaVersion: 1,
    id: 'test-community',
    title: 'Test community',
    simulation: { tickS: 0.5, durationS: 3600, metricsEveryS: 30 },
    map: { cellSizeM: 2, rows: grid.map((r) => r.join('')), legend },
    places,
    population: {
      defaultPreMovementS: { kind: 'uniform', minS: 30, maxS: 120 },
      groups: [{ id: 'residents', count: blocks * blocks * perBuilding, householdSize: 2, placement: { kind: 'allBuildings' } }],
    },
    ...extra,
  };
  const result = loadScenarioObject(scenario);
  if (!result.ok) throw new Error(result.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  return result.scenario;
}
