import { describe, expect, it } from 'vitest';
import { drill } from './drill';

const SCENARIO = 'scenarios/tiny-court.json';

function runJson(...args: string[]) {
  const r = drill('run', SCENARIO, '--json', ...args);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  // The whole of stdout is one JSON document: nothing else may be printed there.
  return JSON.parse(r.stdout);
}

describe('drill run', () => {
  it('prints one JSON object with the run and its metrics; the scenario file sets the defaults', () => {
    const report = runJson('--seed', '7');
    expect(Object.keys(report).sort()).toEqual(['metrics', 'scenario', 'seed', 'simTimeS', 'stateHash', 'strategy', 'ticks', 'trail']);
    expect(report).toMatchObject({ scenario: 'tiny-court', seed: 7, strategy: 'as-drawn', simTimeS: 600, ticks: 2400 });
    expect(report.stateHash).toMatch(/^[0-9a-f]{16}$/);
    // 36 residents (30 adults + 6 elderly); the clinic holds 10, the rest leave by the north gate.
    expect(report.metrics).toMatchObject({ residents: 36, safe: 36, firstOrderS: 20, safeByPlace: { 'north-gate': 26, clinic: 10 } });
  });

  it('gives equal hashes for equal seeds and different ones for different seeds', () => {
    const a = runJson('--seed', '11', '--until-s', '60');
    const b = runJson('--until-s', '60', '--seed=11');
    const c = runJson('--seed', '12', '--until-s', '60');
    expect(a.stateHash).toBe(b.stateHash);
    expect(a.metrics).toEqual(b.metrics);
    expect(c.stateHash).not.toBe(a.stateHash);
  });

  it('follows --strategy and stops at --until-s', () => {
    const gateOnly = runJson('--strategy', 'gate-only');
    expect(gateOnly.strategy).toBe('gate-only');
    // The gate-only strategy closes the clinic at 0 s: everyone leaves by the gate.
    expect(gateOnly.metrics.safeByPlace).toEqual({ 'north-gate': 36, clinic: 0 });
    const short = runJson('--until-s', '15');
    expect(short).toMatchObject({ ticks: 60, simTimeS: 15 });
    // The evacuation order comes at 20 s, so nobody has been ordered yet.
    expect(short.metrics).toMatchObject({ idle: 36, safe: 0, firstOrderS: null });
  });

  it('prints a readable summary by default, with the same hash as --json', () => {
    const r = drill('run', SCENARIO, '--seed', '3');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const hash = runJson('--seed', '3').stateHash;
    expect(r.stdout).toMatch(/^Residents\s+36$/m);
    expect(r.stdout).toMatch(/^Safe\s+36 \(100\.0%\)$/m);
    expect(r.stdout).toMatch(/^50% safe\s+[\d.]+ s$/m);
    expect(r.stdout).toMatch(/^100% safe\s+[\d.]+ s$/m);
    expect(r.stdout).toMatch(/^\s+north-gate\s+26$/m);
    expect(r.stdout).toMatch(/^\s+clinic\s+10$/m);
    expect(r.stdout).toMatch(new RegExp(`^State hash\\s+${hash}$`, 'm'));
  });

  it('reports a broken scenario on stderr with exit 1 and prints nothing on stdout', () => {
    const r = drill('run', 'scenarios/missing.json', '--json');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('scenarios/missing.json: (file): no such file');
  });
});

/** The summary's rows under a heading ("Warning phase"), as label → value, up to the next blank line. */
function section(stdout: string, heading: string): Map<string, string> {
  const lines = stdout.split('\n');
  const start = lines.indexOf(heading);
  expect(start, `no "${heading}" section in:\n${stdout}`).toBeGreaterThanOrEqual(0);
  const rows = new Map<string, string>();
  for (const line of lines.slice(start + 1)) {
    if (line.trim() === '') break;
    const [label, value] = line.trim().split(/\s{2,}(.*)/);
    rows.set(label, value ?? '');
  }
  return rows;
}

/** "220.25 s" → 220.25. */
const secondsOf = (text: string | undefined) => Number(/^([\d,.]+) s\b/.exec(text ?? '')?.[1].replace(/,/g, ''));

describe('drill run: the warning phase', () => {
  // scenarios/drills/detection-drill.json: 60 residents; smoke starts at 60 s at column 10, row 10 and
  // grows 0.5 m/s; sensor S1 at column 30, row 10 watches 5 m with a 10 s delay; ticks of 0.25 s.
  const DRILL = 'scenarios/drills/detection-drill.json';

  it('shows detection, the decision and the first warning, and agrees with --json', () => {
    const r = drill('run', DRILL, '--strategy', 'sensors');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const w = section(r.stdout, 'Warning phase');
    // The smoke edge comes within S1's 5 m after (20 − 5) m / 0.5 m/s = 30 s, and the alert 10 s later.
    expect(secondsOf(w.get('First detection'))).toBeCloseTo(60 + 15 / 0.5 + 10, 0);
    // The "sensors" strategy: the desk decides 120 s after the sensor's alert confirms the hazard ...
    expect(secondsOf(w.get('Decision to warn')) - secondsOf(w.get('Hazard confirmed'))).toBe(120);
    // ... and the SMS goes out at the next tick.
    expect(secondsOf(w.get('First official warning')) - secondsOf(w.get('Decision to warn'))).toBe(0.25);
    expect(w.get('Informed')).toMatch(/^\d+ of 60 \(\d+\.\d%\)$/);
    expect(w.get('Acting')).toMatch(/^\d+ of 60 \(\d+\.\d%\) leaving or sheltering as told$/);
    for (const label of ['Sheltering in place', 'Waiting for help', 'Vulnerable residents', 'Rumour reach', 'Panic', 'Trust in officials', 'False alarms']) {
      expect(w.has(label), label).toBe(true);
    }
    // Everyone in the drill has normal mobility, and nobody starts a rumour.
    expect(w.get('Vulnerable residents')).toBe('none');
    expect(w.get('Rumour reach')).toBe('0.0%');
    // No volunteer teams in this drill.
    expect(r.stdout).not.toContain('Volunteer teams');

    const m = runJsonOf(DRILL, '--strategy', 'sensors').metrics;
    expect(secondsOf(w.get('First detection'))).toBe(m.firstDetectionS);
    expect(secondsOf(w.get('First official warning'))).toBe(m.firstOfficialWarningS);
    expect(w.get('Informed')).toBe(`${Math.round(m.informedShare * 60)} of 60 (${(m.informedShare * 100).toFixed(1)}%)`);
    expect(w.get('False alarms')).toBe(`${m.falseAlarms} (resident reports: ${m.residentReports})`);
    expect(Number(/^([\d.]+) at the end/.exec(w.get('Trust in officials') ?? '')?.[1])).toBeCloseTo(m.meanTrust, 2);
  });

  it('with the early-warning system, the sensor alert starts the warning plan at once', () => {
    const w = section(drill('run', DRILL, '--strategy', 'early-warning').stdout, 'Warning phase');
    expect(secondsOf(w.get('First detection'))).toBeCloseTo(100, 0);
    expect(secondsOf(w.get('Decision to warn')) - secondsOf(w.get('First detection'))).toBeLessThanOrEqual(0.25);
  });

  // scenarios/drills/volunteer-rounds.json: 154 residents, 4 of them bedridden; teams door-team (4),
  // grid-workers (2) and patrol (2, patrolling from 0 s); the door-to-door strategy decides to warn at 60 s.
  const ROUNDS = 'scenarios/drills/volunteer-rounds.json';

  it("lists each volunteer team's task, households visited, residents reached and escorted", () => {
    const r = drill('run', ROUNDS, '--strategy', 'door-to-door');
    expect(r.code).toBe(0);
    const w = section(r.stdout, 'Warning phase');
    expect(secondsOf(w.get('Decision to warn'))).toBe(60);
    expect(secondsOf(w.get('First official warning'))).toBe(60.25);
    expect(w.get('Informed')).toMatch(/^\d+ of 154 /);
    expect(w.get('Vulnerable residents')).toMatch(/^4: \d reached, \d safe$/);
    const teams = r.stdout.split('\n').slice(r.stdout.split('\n').indexOf('Volunteer teams (3)') + 1);
    expect(teams[0]).toMatch(/^\s+team\s+task\s+members\s+households visited\s+residents reached\s+escorted\s+hazard reports$/);
    const m = runJsonOf(ROUNDS, '--strategy', 'door-to-door').metrics;
    const row = (team: string, task: string, members: number) => {
      const s = m.volunteers.find((t: { team: string }) => t.team === team);
      return new RegExp(
        `^\\s+${team}\\s+${task}\\s+${members}\\s+${s.householdsVisited}\\s+${s.residentsReached}\\s+${s.escorted}\\s+${s.hazardReports}$`,
        'm',
      );
    };
    expect(r.stdout).toMatch(row('door-team', 'knockDoors', 4));
    expect(r.stdout).toMatch(row('grid-workers', 'escortVulnerable', 2));
    expect(r.stdout).toMatch(row('patrol', 'patrol', 2));
    // The door-team knocked and the grid workers escorted: at most the 4 bedridden residents.
    const doorTeam = m.volunteers.find((t: { team: string }) => t.team === 'door-team');
    const gridWorkers = m.volunteers.find((t: { team: string }) => t.team === 'grid-workers');
    expect(doorTeam.householdsVisited).toBeGreaterThan(0);
    expect(gridWorkers.escorted).toBeGreaterThan(0);
    expect(gridWorkers.escorted).toBeLessThanOrEqual(4);
  });

  it('shows teams without a task in the app-only strategy, and no warning phase for a plain evacuation', () => {
    const r = drill('run', ROUNDS, '--strategy', 'app-only');
    expect(r.stdout).toMatch(/^\s+door-team\s+\(no task\)\s+4\s+0\s+0\s+0\s+0$/m);
    expect(r.stdout).toMatch(/^\s+grid-workers\s+\(no task\)\s+2\s+0\s+0\s+0\s+0$/m);
    const plain = drill('run', SCENARIO);
    expect(plain.stdout).not.toContain('Warning phase');
    expect(plain.stdout).not.toContain('Volunteer teams');
  });
});

function runJsonOf(file: string, ...args: string[]) {
  const r = drill('run', file, '--json', ...args);
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
}
