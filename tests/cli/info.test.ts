import { describe, expect, it } from 'vitest';
import { drill } from './drill';

describe('drill info', () => {
  it('lists places, groups, strategies and timeline by id', () => {
    const r = drill('info', 'scenarios/tiny-court.json');
    expect(r.code).toBe(0);
    for (const id of ['block-a', 'block-b', 'north-gate', 'clinic', 'west-side', 'adults', 'elderly', 'as-drawn', 'gate-only']) {
      expect(r.stdout).toMatch(new RegExp(`^\\s+${id}\\s`, 'm'));
    }
    expect(r.stdout).toMatch(/^Residents\s+36 in 2 groups$/m);
    expect(r.stdout).toMatch(/^\s+20 s\s+evacuate\s+everyone → nearest-safe/m);
    // No warning phase in this scenario: no channel, sensor, hazard or lever listings.
    for (const heading of ['Channels', 'Sensors', 'Hazards']) expect(r.stdout).not.toMatch(new RegExp(`^${heading} `, 'm'));
    expect(r.stdout).not.toContain('Decision delay');
  });

  it('prints the same as JSON with --json', () => {
    const r = drill('info', 'scenarios/tiny-court.json', '--json');
    expect(r.code).toBe(0);
    const info = JSON.parse(r.stdout);
    expect(info.id).toBe('tiny-court');
    expect(info.residents).toBe(36);
    expect(info.map).toEqual({ widthCells: 20, heightCells: 8, cellSizeM: 1 });
    expect(info.places.map((p: { id: string }) => p.id)).toEqual(['block-a', 'block-b', 'north-gate', 'clinic', 'west-side']);
    expect(info.groups.map((g: { id: string; count: number }) => [g.id, g.count])).toEqual([
      ['adults', 30],
      ['elderly', 6],
    ]);
    expect(info.strategies.map((s: { id: string }) => s.id)).toEqual(['as-drawn', 'gate-only']);
    expect(info.strategies[1].timeline).toEqual([{ atS: 0, kind: 'closeExit', what: 'clinic' }]);
    expect(info.timeline.map((e: { atS: number; kind: string }) => [e.atS, e.kind])).toEqual([
      [10, 'message'],
      [20, 'evacuate'],
    ]);
  });
});

/** The lines of a strategy's block in `drill info`: its "  id  name" line and the indented lines under it. */
function strategyBlock(stdout: string, id: string): string[] {
  const lines = stdout.split('\n');
  const start = lines.findIndex((line) => new RegExp(`^  ${id}  `).test(line));
  expect(start, `no strategy ${id} in:\n${stdout}`).toBeGreaterThanOrEqual(0);
  const end = lines.findIndex((line, k) => k > start && !line.startsWith('    '));
  return lines.slice(start, end);
}

/** The value of a labelled row in a block ("    Sensors  on" → "on"). */
function rowOf(block: readonly string[], label: string): string | undefined {
  return block
    .find((line) => line.trimStart().startsWith(`${label}  `))
    ?.trim()
    .slice(label.length)
    .trim();
}

describe('drill info: the warning phase', () => {
  // Values from scenarios/drills/detection-drill.json.
  const DRILL = 'scenarios/drills/detection-drill.json';

  it('lists channels, sensors and hazards', () => {
    const r = drill('info', DRILL);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^Channels \(1\)\n\s+sms\s+sms\s+SMS alert\s/m);
    expect(r.stdout).toMatch(
      /^Sensors \(1\)\n\s+S1\s+smoke\s+at column 30, row 10\s+watches 5 m, trips at 0\.2, alert after 10 s, misses 5%, 0\.05 false alarms\/day$/m,
    );
    expect(r.stdout).toMatch(/^Hazards \(1\)\n\s+yard-fire\s+area\s+smoke\s+from column 10, row 10, starts at 60 s, grows 0\.5 m\/s up to 40 m$/m);
    expect(r.stdout).toMatch(/^Simulation\s+ticks of 0\.25 s, runs 900 s by default, starts at 10:00$/m);
  });

  it("lists each strategy's levers: sensors, early warning, decision delay, plans and updates", () => {
    const r = drill('info', DRILL);
    const sensors = strategyBlock(r.stdout, 'sensors');
    expect(sensors[0]).toMatch(/^ {2}sensors {2}Sensors, duty desk decides$/);
    expect(rowOf(sensors, 'Timeline')).toBe('(no actions of its own)');
    expect(rowOf(sensors, 'Sensors')).toBe('on');
    expect(rowOf(sensors, 'Early warning')).toMatch(/^off/);
    expect(rowOf(sensors, 'Decision delay')).toMatch(/^120 s /);
    expect(rowOf(sensors, 'Warning plan')).toBe('sms: evacuate → nearest-safe, at once');
    expect(rowOf(sensors, 'Volunteer plan')).toBe('(none)');
    expect(rowOf(sensors, 'Official updates')).toBe('none');
    expect(rowOf(strategyBlock(r.stdout, 'no-sensors'), 'Sensors')).toBe('off');
    const early = strategyBlock(r.stdout, 'early-warning');
    expect(rowOf(early, 'Sensors')).toBe('on');
    expect(rowOf(early, 'Early warning')).toMatch(/^on/);
  });

  it('gives the same as JSON', () => {
    const info = JSON.parse(drill('info', DRILL, '--json').stdout);
    expect(info.warningPhase).toBe(true);
    expect(info.channels).toEqual([{ id: 'sms', kind: 'sms', name: 'SMS alert', ratePerMin: null, reliability: 1, asleepFactor: null, languages: null }]);
    expect(info.sensors).toEqual([
      {
        id: 'S1',
        kind: 'smoke',
        name: null,
        at: { x: 30, y: 10 },
        coverageM: 5,
        threshold: 0.2,
        delayS: 10,
        missProbability: 0.05,
        falseAlarmsPerDay: 0.05,
        outages: [],
      },
    ]);
    expect(info.hazards).toEqual([
      { id: 'yard-fire', kind: 'area', name: null, cue: 'smoke', origin: { x: 10, y: 10 }, startS: 60, growthMps: 0.5, maxRadiusM: 40 },
    ]);
    expect(info.strategies.map((s: { id: string }) => s.id)).toEqual(['sensors', 'no-sensors', 'early-warning']);
    expect(info.strategies.map((s: { levers: { sensors: boolean } }) => s.levers.sensors)).toEqual([true, false, true]);
    expect(info.strategies.map((s: { levers: { earlyWarningSystem: boolean } }) => s.levers.earlyWarningSystem)).toEqual([false, false, true]);
    expect(info.strategies[0].levers).toMatchObject({
      decisionDelayS: 120,
      warningPlan: [{ channel: 'sms', content: 'evacuate', zone: 'all', target: 'nearest-safe', afterS: 0 }],
      volunteerPlan: [],
    });
  });

  // Values from scenarios/drills/volunteer-rounds.json.
  const ROUNDS = 'scenarios/drills/volunteer-rounds.json';

  it('lists volunteer teams with their roles, the app channel and the volunteer plans', () => {
    const r = drill('info', ROUNDS);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^\s+door-team\s+4\s+volunteers\s+Door-to-door team\s+buildings: centre$/m);
    expect(r.stdout).toMatch(/^\s+grid-workers\s+2\s+gridWorkers\s+Grid workers\s+buildings: centre$/m);
    expect(r.stdout).toMatch(/^\s+patrol\s+2\s+volunteers\s+Night patrol\s+buildings: centre$/m);
    expect(r.stdout).toMatch(/^\s+app\s+app\s+Community group chat\s+noticed at 0\.5\/min$/m);
    expect(r.stdout).toMatch(/^Sensors \(0\)\n\s+\(none\)$/m);
    expect(r.stdout).toMatch(/^\s+yard-smoke\s+area\s+smoke\s+from column 30, row 4, starts at 120 s, grows 0\.05 m\/s up to 6 m$/m);
    const door = strategyBlock(r.stdout, 'door-to-door');
    expect(rowOf(door, 'Timeline')).toMatch(/^60 s\s+activatePlan\s/);
    expect(rowOf(door, 'Warning plan')).toBe('app: evacuate → nearest-safe, at once');
    const plan = door.slice(door.findIndex((line) => line.trimStart().startsWith('Volunteer plan')));
    expect(plan[0]).toMatch(/Volunteer plan\s+door-team: knockDoors, at once$/);
    expect(plan[1]).toMatch(/^\s+grid-workers: escortVulnerable, at once$/);
    expect(rowOf(door, 'Decision delay')).toMatch(/^300 s /);
    expect(rowOf(strategyBlock(r.stdout, 'app-only'), 'Volunteer plan')).toBe('(none)');
    // The scenario's own timeline: the patrol from 0 s, and the fallen tree at 300 s.
    expect(r.stdout).toMatch(/^\s+0 s\s+assignVolunteers\s+patrol: patrol$/m);
    expect(r.stdout).toMatch(/^\s+300 s\s+blockArea\s+3×2 cells at column 22, row 7 \(a fallen tree blocks the road\)$/m);
  });

  it('gives volunteers and levers as JSON', () => {
    const info = JSON.parse(drill('info', ROUNDS, '--json').stdout);
    expect(info.volunteers.map((v: { id: string; role: string; count: number }) => [v.id, v.role, v.count])).toEqual([
      ['door-team', 'volunteers', 4],
      ['grid-workers', 'gridWorkers', 2],
      ['patrol', 'volunteers', 2],
    ]);
    expect(info.channels).toEqual([
      { id: 'app', kind: 'app', name: 'Community group chat', ratePerMin: 0.5, reliability: 1, asleepFactor: null, languages: null },
    ]);
    expect(info.strategies[0].levers.volunteerPlan).toEqual([
      { team: 'door-team', task: 'knockDoors', zone: 'all', afterS: 0 },
      { team: 'grid-workers', task: 'escortVulnerable', zone: 'all', afterS: 0 },
    ]);
    expect(info.strategies[1].levers.volunteerPlan).toEqual([]);
    expect(info.strategies[0].timeline).toEqual([
      { atS: 60, kind: 'activatePlan', what: "the community decides to warn: the strategy's warning and volunteer plans start" },
    ]);
  });
});
