import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { playLiveDrill } from '../ui/drill/liveDrill';
import { drill, STACK_LINE } from './drill';

const dir = mkdtempSync(join(tmpdir(), 'drill-replay-'));
const live = playLiveDrill();

/** Write a record (or any text) to a file in the test's folder and return its path. */
function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return path;
}

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('drill replay', () => {
  it('rebuilds the drill headless and ends in the live drill’s hash (scenario found by id)', () => {
    const r = drill('replay', file('drill.json', live.record), '--json');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({
      scenario: 'old-compound',
      scenarioFile: 'scenarios/old-compound.json',
      seed: 7,
      strategy: 'resilient',
      commands: 6,
      ticks: 300,
      simTimeS: 150,
      stateHash: live.hash,
      recordedHash: live.hash,
      matches: true,
    });
    expect(report.metrics.safe).toBe(live.safe);
  });

  it('prints a summary with the hash, and takes the scenario from --scenario', () => {
    const r = drill('replay', file('drill.json', live.record), '--scenario', 'scenarios/old-compound.json');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^State hash\\s+${live.hash} \\(matches the live drill\\)$`, 'm'));
    expect(r.stdout).toMatch(/^Commands\s+6$/m);
    expect(r.stdout).toMatch(new RegExp(`^Safe\\s+${live.safe} `, 'm'));
  });

  it('reports a damaged record with its place and fix, exit 1, no stack', () => {
    const r = drill('replay', file('cut.json', JSON.stringify(live.record).slice(0, 300)));
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(
      /cut\.json: \(file\): this is not valid JSON: .* at line 1, column \d+; the file is damaged or cut short — export the record again/,
    );
    expect(r.stderr).not.toMatch(STACK_LINE);
  });

  it('refuses a record of another format version', () => {
    const r = drill('replay', file('v2.json', { ...live.record, formatVersion: 2 }));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('v2.json: formatVersion: this record has format version 2; this app reads version 1 — open it with the newer version');
  });

  it('refuses a scenario with other content, and says when none has the id', () => {
    const other = drill('replay', file('drill.json', live.record), '--scenario', 'scenarios/tiny-court.json');
    expect(other.code).toBe(1);
    expect(other.stderr).toContain('scenarios/tiny-court.json: is scenario "tiny-court", but the drill ran "old-compound"');
    const changed = drill('replay', file('changed.json', { ...live.record, scenario: { ...live.record.scenario, contentHash: '0123456789abcdef' } }));
    expect(changed.code).toBe(1);
    expect(changed.stderr).toContain('scenarios/old-compound.json has this id but other content');
    expect(changed.stderr).toContain('--scenario FILE');
  });

  it('fails when the replay does not end in the hash the live drill saved', () => {
    const record = { ...live.record, reached: { ...live.record.reached, stateHash: 'ffffffffffffffff' } };
    const r = drill('replay', file('wrong-hash.json', record), '--json');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ stateHash: live.hash, recordedHash: 'ffffffffffffffff', matches: false });
    expect(r.stderr).toContain('but the live drill saved ffffffffffffffff');
  });

  it('is a usage error without a record file', () => {
    const r = drill('replay');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('"drill replay" takes one drill record file');
  });
});
