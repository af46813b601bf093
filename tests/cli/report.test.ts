import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createSimulation, loadStrategyText, type Metrics, type Scenario } from '../../sim/index';
import { loadScenarioFile } from '../support/scenarios';
import { DRILL_COMMANDS, playLiveDrill } from '../ui/drill/liveDrill';
import { drill, STACK_LINE } from './drill';

const dir = mkdtempSync(join(tmpdir(), 'drill-report-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const path = (name: string) => join(dir, name);

const SEED = 7;
const UNTIL_S = 1500;
const scenario = loadScenarioFile('scenarios/old-compound.json');
const recordFile = path('drill.json');
writeFileSync(recordFile, JSON.stringify(playLiveDrill(1200, 'top-down', SEED).record, null, 2));

/** The drill replayed here: the record's commands at their ticks, then on to UNTIL_S. */
function replayed(): { metrics: Metrics; hash: string } {
  const sim = createSimulation(scenario, { seed: SEED, strategy: 'top-down' });
  for (const { tick, command } of DRILL_COMMANDS) {
    sim.step(tick - sim.tick);
    sim.apply([command]);
  }
  sim.step(UNTIL_S / sim.tickS - sim.tick);
  return { metrics: sim.metrics(), hash: sim.hash() };
}

function run(within: Scenario, strategy: string, seed: number): Metrics {
  const sim = createSimulation(within, { seed, strategy });
  sim.step(UNTIL_S / sim.tickS);
  return sim.metrics();
}

describe('drill report', () => {
  const html = path('report.html');
  const csv = path('report.csv');
  const r = drill('report', recordFile, '--until-s', String(UNTIL_S), '--quick', '--json', '--html', html, '--csv', csv);
  const report = r.code === 0 ? JSON.parse(r.stdout) : null;
  const own = replayed();
  const resilient = run(scenario, 'resilient', SEED);

  it('builds the report of a recorded drill: JSON on stdout, HTML and CSV written', () => {
    expect(r.stderr).not.toMatch(STACK_LINE);
    expect(r.code).toBe(0);
    expect(report).toMatchObject({ format: 'resilience-drill-after-action-report', seed: SEED, strategy: { id: 'top-down' }, reference: { id: 'resilient' } });
    expect(report.drill.stateHash).toBe(own.hash);
    expect(r.stderr).toContain(`Wrote the report to ${html}`);
  });

  it('writes a self-contained HTML page holding the real figures', () => {
    const page = readFileSync(html, 'utf8');
    expect(page.startsWith('<!doctype html>')).toBe(true);
    // Nothing is fetched: no external src or href, no scripts, no style sheets from elsewhere.
    expect(page).not.toMatch(/(?:src|href)\s*=\s*["']?\s*(?:https?:)?\/\//i);
    expect(page).not.toMatch(/https?:\/\//i);
    expect(page).not.toMatch(/<script|<link|@import|url\(/i);
    expect((page.match(/<svg /g) ?? []).length).toBeGreaterThanOrEqual(4);
    expect(page).toContain(own.hash);
    const died = own.metrics.deceased - resilient.deceased;
    expect(page).toContain(`${died} more residents died (${own.metrics.deceased} against ${resilient.deceased})`);
    expect(page).toContain('Resilient community');
    // Each plan item offers its strategy file as a download inside the page.
    expect((page.match(/<a download="top-down-[^"]+\.json" href="data:application\/json/g) ?? []).length).toBe(report.plan.length);
  });

  it('writes the key figures, objectives and series as CSV rows', () => {
    const lines = readFileSync(csv, 'utf8').split('\r\n');
    expect(lines[0]).toBe('section,run,name,timeS,value,status');
    expect(lines).toContain(`figure,drill,deceased,,${own.metrics.deceased},`);
    expect(lines).toContain(`figure,resilient,deceased,,${resilient.deceased},`);
    const t = own.metrics.series.t;
    const k = t.length - 1;
    expect(lines).toContain(`series,drill,safeShare,${t[k]},${own.metrics.series.safe[k] / own.metrics.residents},`);
    expect(lines.filter((l) => l.startsWith('series,drill,inDanger,')).length).toBe(t.length);
    expect(lines.some((l) => /^objective,drill,everyone-out\/deceased,1500,\d+,notMet$/.test(l))).toBe(own.metrics.deceased > 0);
  });

  it('--save-strategy writes a plan item as a strategy file that loads and closes its gap at other seeds too', () => {
    const item = report.plan.find((p: { gap: { metric: string } }) => p.gap.metric === 'evacuationOrderLatencyS');
    expect(item?.lever).toMatchObject({ id: 'autonomy', from: 'low', to: 'high' });
    const out = path('improved.json');
    const saved = drill('report', recordFile, '--until-s', String(UNTIL_S), '--quick', '--save-strategy', String(item.index), '--out', out);
    expect(saved.code).toBe(0);
    expect(saved.stdout).toContain(`to ${out}`);
    const loaded = loadStrategyText(scenario, readFileSync(out, 'utf8'));
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.errors));
    expect(loaded.strategy).toBe('top-down-autonomy');
    for (const seed of [SEED, 8, 9]) {
      const before = run(scenario, 'top-down', seed).evacuationOrderLatencyS as number;
      const after = run(loaded.scenario, loaded.strategy, seed).evacuationOrderLatencyS as number;
      expect(after).toBeLessThan(before);
      expect(after).toBeLessThanOrEqual(180);
    }
    // The next drill runs with it.
    const next = drill('run', 'scenarios/old-compound.json', '--strategy-file', out, '--until-s', '60', '--json');
    expect(next.code).toBe(0);
    expect(JSON.parse(next.stdout).strategy).toBe('top-down-autonomy');
  });

  it('reports a plain run of a strategy with a seed', () => {
    const plain = drill(
      'report',
      '--scenario',
      'scenarios/old-compound.json',
      '--strategy',
      'paper-plan',
      '--seed',
      '3',
      '--until-s',
      '900',
      '--quick',
      '--json',
    );
    expect(plain.code).toBe(0);
    const data = JSON.parse(plain.stdout);
    expect(data).toMatchObject({ seed: 3, strategy: { id: 'paper-plan' }, session: null, drill: { commands: 0, endedS: null, runUntilS: 900 } });
    expect(data.timeline.some((i: { kind: string }) => i.kind === 'command')).toBe(false);
  });

  it.each([
    [['report'], 2, 'needs a drill record'],
    [['report', 'REC', '--save-strategy', '1'], 2, '--save-strategy needs --out FILE.json'],
    [['report', 'REC', '--key-metric', 'residents'], 2, '--key-metric "residents" is not a figure with a better direction'],
    [['report', 'REC', '--seed', '3'], 2, 'a drill record names its strategy and seed'],
    [['report', '--scenario', 'scenarios/old-compound.json', '--strategy', 'nope', '--quick'], 2, 'has no strategy "nope"'],
    [['report', 'REC', '--until-s', '60', '--quick', '--save-strategy', '99', '--out', 'OUT'], 1, '--save-strategy 99: the improvement plan has'],
  ])('%j exits %d with a clear message and writes nothing', (args, code, message) => {
    const out = path('never.json');
    const r = drill(...args.map((a) => (a === 'REC' ? recordFile : a === 'OUT' ? out : a)));
    expect(r.code).toBe(code);
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toMatch(STACK_LINE);
    expect(existsSync(out)).toBe(false);
  });
});
