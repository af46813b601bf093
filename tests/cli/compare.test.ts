import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createSimulation, loadScenarioOrThrow } from '../../sim/index';
import { drill, STACK_LINE } from './drill';

const SCENARIO = 'scenarios/tiny-court.json';
const dir = mkdtempSync(join(tmpdir(), 'drill-compare-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function compareJson(...args: string[]) {
  const r = drill('compare', SCENARIO, '--json', ...args);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout);
}

/** The same run in this process, straight from the simulation: what every sweep row must equal. */
function singleRun(strategy: string, seed: number, untilS: number) {
  const scenario = loadScenarioOrThrow(readFileSync(SCENARIO, 'utf8'));
  const sim = createSimulation(scenario, { seed, strategy });
  sim.step(Math.round(untilS / sim.tickS));
  return { hash: sim.hash(), metrics: sim.metrics() as unknown as Record<string, unknown> };
}

describe('drill compare', () => {
  const twoWorkers = compareJson('--strategies', 'gate-only,as-drawn', '--seeds', '3', '--first-seed', '5', '--until-s', '60', '--workers', '2');

  it('gives one row per run, by strategy then seed, equal to single runs with the same seeds', () => {
    expect(twoWorkers).toMatchObject({ scenario: 'tiny-court', strategies: ['gate-only', 'as-drawn'], seeds: [5, 6, 7], untilS: 60 });
    expect(twoWorkers.rows.map((r: { strategy: string; seed: number }) => `${r.strategy}/${r.seed}`)).toEqual([
      'gate-only/5',
      'gate-only/6',
      'gate-only/7',
      'as-drawn/5',
      'as-drawn/6',
      'as-drawn/7',
    ]);
    for (const row of twoWorkers.rows) {
      const single = singleRun(row.strategy, row.seed, 60);
      expect(row).toMatchObject({ scenario: 'tiny-court', ticks: 240, simTimeS: 60, stateHash: single.hash });
      // Every numeric scalar metric of the simulation is a column with the same value; lists and records are not.
      for (const [name, value] of Object.entries(single.metrics)) {
        if (typeof value === 'number' || value === null) expect(row[name], name).toBe(value);
        else expect(row, name).not.toHaveProperty(name);
      }
      expect(row.vulnerableSafeShare).toBe((single.metrics.vulnerableSafe as number) / (single.metrics.vulnerable as number));
    }
    // tiny-court: 36 residents, the evacuation order at 20 s.
    expect(twoWorkers.rows[0]).toMatchObject({ residents: 36, firstOrderS: 20 });
    expect(twoWorkers.timing.workers).toBe(2);
  });

  it('gives the same rows with one worker as with two', () => {
    const oneWorker = compareJson('--strategies', 'gate-only,as-drawn', '--seeds', '3', '--first-seed', '5', '--until-s', '60', '--workers', '1');
    expect(oneWorker.timing.workers).toBe(1);
    expect(oneWorker.rows).toEqual(twoWorkers.rows);
    expect(oneWorker.summary).toEqual(twoWorkers.summary);
  });

  it('summarises each strategy with the mean and 95% confidence interval of its runs', () => {
    const gateOnly = twoWorkers.summary[0];
    expect(gateOnly).toMatchObject({ strategy: 'gate-only', runs: 3 });
    const values: number[] = twoWorkers.rows.slice(0, 3).map((r: { safe: number }) => r.safe);
    const mean = (values[0] + values[1] + values[2]) / 3;
    const sd = Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / 2);
    // Student's t for 2 degrees of freedom, 4.303 (a printed table).
    expect(gateOnly.metrics.safe.mean).toBeCloseTo(mean, 10);
    expect(gateOnly.metrics.safe.ciHigh - mean).toBeCloseTo((4.303 * sd) / Math.sqrt(3), 10);
  });

  it('prints a table per strategy, the worker count and runs per minute', () => {
    const r = drill('compare', SCENARIO, '--seeds', '2', '--until-s', '60', '--workers', '2');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^Strategies\s+as-drawn, gate-only$/m);
    expect(r.stdout).toMatch(/^Seeds\s+1 to 2 \(2 runs per strategy\)$/m);
    expect(r.stdout).toMatch(/^Mean ± 95% CI\s+as-drawn\s+gate-only$/m);
    expect(r.stdout).toMatch(/^Runs\s+2\s+2$/m);
    expect(r.stdout).toMatch(/^Safe \(%\)\s+[\d.]+ ± [\d.]+\s+[\d.]+ ± [\d.]+$/m);
    expect(r.stdout).toMatch(/^4 runs on 2 workers in [\d.]+ s: [\d,.]+ runs per minute$/m);
  });

  it('writes the rows as CSV and a self-contained HTML report, leaving no temporary files', () => {
    const csv = join(dir, 'rows.csv');
    const report = join(dir, 'report.html');
    const r = drill('compare', SCENARIO, '--seeds', '2', '--until-s', '60', '--workers', '2', '--csv', csv, '--report', report);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Wrote 4 rows to ${csv}`);
    const json = compareJson('--seeds', '2', '--until-s', '60');
    const text = readFileSync(csv, 'utf8');
    expect(text.endsWith('\r\n')).toBe(true);
    const lines = text.slice(0, -2).split('\r\n');
    expect(lines).toHaveLength(1 + 4);
    expect(lines[0]).toBe(json.columns.join(','));
    expect(lines[0].startsWith('scenario,strategy,seed,ticks,simTimeS,stateHash,residents,')).toBe(true);
    const first = lines[1].split(',');
    const firstRow = json.rows[0];
    expect(first).toEqual(json.columns.map((c: string) => (firstRow[c] === null ? '' : String(firstRow[c]))));

    const html = readFileSync(report, 'utf8');
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<svg');
    expect(html).toContain('Tiny court');
    expect(html).toMatch(/<th>as-drawn<\/th><th>gate-only<\/th>/);
    // Self-contained: nothing loaded from elsewhere.
    expect(html).not.toMatch(/\s(src|href)=|<link|<script|url\(/);
    expect(readdirSync(dir).sort()).toEqual(['report.html', 'rows.csv']);
  });

  it.each([
    [['--seeds', '2', '--strategies', 'as-drawn,fly-away'], 'scenario "tiny-court" has no strategy "fly-away"; choose one of: as-drawn, gate-only'],
    [['--seeds', '2', '--strategies', 'as-drawn,,gate-only'], '--strategies takes ids separated by commas'],
    [['--seeds', '2', '--strategies', 'as-drawn,as-drawn'], '--strategies names "as-drawn" twice'],
    [[], '"drill compare" needs --seeds N'],
    [['--seeds', '0'], '--seeds must be a whole number from 1 to 100000, got "0"'],
    [['--seeds', 'many'], '--seeds must be a whole number from 1 to 100000, got "many"'],
    [['--seeds', '2.5'], '--seeds must be a whole number'],
    [['--seeds'], '--seeds needs a value, for example --seeds 20'],
    [['--seeds', '2', '--workers', '0'], '--workers must be a whole number from 1 to 1024'],
    [['--seeds', '2', '--first-seed', '4294967295'], 'goes past the largest seed'],
  ])('drill compare %j is a usage error (exit 2) and runs nothing', (args, message) => {
    const r = drill('compare', SCENARIO, ...args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toMatch(STACK_LINE);
  });

  it('reports a missing scenario or output folder with exit 1, before running, writing nothing', () => {
    const missing = drill('compare', 'scenarios/missing.json', '--seeds', '2');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('scenarios/missing.json: (file): no such file');
    const out = join(dir, 'no-such-folder', 'rows.csv');
    const noFolder = drill('compare', SCENARIO, '--seeds', '2', '--csv', out);
    expect(noFolder.code).toBe(1);
    expect(noFolder.stdout).toBe('');
    expect(noFolder.stderr).toContain(`cannot write ${out} (--csv): there is no folder ${join(dir, 'no-such-folder')}`);
    expect(noFolder.stderr).not.toMatch(STACK_LINE);
    expect(existsSync(join(dir, 'no-such-folder'))).toBe(false);
  });
});
