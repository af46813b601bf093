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
    expect(Object.keys(report).sort()).toEqual(['metrics', 'scenario', 'seed', 'simTimeS', 'stateHash', 'strategy', 'ticks']);
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
