import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSimulation, loadStrategyText, strategyFileOf } from '../../sim/index';
import { drill } from '../cli/drill';
import { loadScenarioFile } from '../support/scenarios';
import { STRATEGIES_DIR } from './files';

const SHIPPED = 'scenarios/strategies/old-compound-top-down-with-platform.json';
const scenario = loadScenarioFile('scenarios/old-compound.json');
const text = (value: unknown) => JSON.stringify(value);

describe('strategies in their own files', () => {
  it('the shipped strategy file loads for its scenario and adds its strategy', () => {
    const result = loadStrategyText(scenario, readFileSync(SHIPPED, 'utf8'));
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.strategy).toBe('top-down-with-platform');
    expect(result.scenario.strategies.map((s) => s.id)).toEqual([...scenario.strategies.map((s) => s.id), 'top-down-with-platform']);
  });

  it('every shipped strategy file loads for the scenario it names', () => {
    const files = readdirSync(STRATEGIES_DIR).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThanOrEqual(1);
    for (const f of files) {
      const text = readFileSync(join(STRATEGIES_DIR, f), 'utf8');
      const target = loadScenarioFile(`scenarios/${JSON.parse(text).scenario}.json`);
      const result = loadStrategyText(target, text);
      expect(result.ok, `${f}: ${result.ok ? '' : JSON.stringify(result.errors)}`).toBe(true);
    }
  });

  it('a strategy saved as a file loads back to the same strategy, replacing the one of the same id', () => {
    const topDown = scenario.strategies.find((s) => s.id === 'top-down');
    if (!topDown) throw new Error('no top-down strategy');
    const file = strategyFileOf(scenario, { ...topDown, name: 'Renamed' });
    const result = loadStrategyText(scenario, text(file));
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.scenario.strategies.length).toBe(scenario.strategies.length);
    expect(result.scenario.strategies.find((s) => s.id === 'top-down')?.name).toBe('Renamed');
  });

  it('names the place and the fix of each problem', () => {
    const wrongScenario = loadStrategyText(scenario, text({ schemaVersion: 1, kind: 'strategy', scenario: 'tiny-court', strategy: { id: 'x', name: 'X' } }));
    expect(wrongScenario.ok ? [] : wrongScenario.errors[0]).toMatchObject({
      path: 'scenario',
      message: expect.stringContaining('"tiny-court", not "old-compound"'),
    });
    const badRef = loadStrategyText(
      scenario,
      text({
        schemaVersion: 1,
        kind: 'strategy',
        scenario: 'old-compound',
        strategy: { id: 'x', name: 'X', levers: { shelterPlan: [{ shelter: 'school' }] } },
      }),
    );
    expect(badRef.ok ? [] : badRef.errors[0]).toMatchObject({
      path: 'strategy.levers.shelterPlan[0].shelter',
      message: expect.stringContaining('"school" is a building'),
    });
    const notJson = loadStrategyText(scenario, '{ "kind": "strategy", ');
    expect(notJson.ok ? '' : notJson.errors[0].message).toContain('not valid JSON');
    const scenarioFile = loadStrategyText(scenario, readFileSync('scenarios/tiny-court.json', 'utf8'));
    expect(scenarioFile.ok ? [] : scenarioFile.errors.map((e) => e.path)).toContain('kind');
  });

  it('drill run --strategy-file runs the file strategy: the same hash as in process, and the platform shortens the approvals', () => {
    const result = loadStrategyText(scenario, readFileSync(SHIPPED, 'utf8'));
    if (!result.ok) throw new Error('the shipped strategy file does not load');
    const cli = drill('run', 'scenarios/old-compound.json', '--strategy-file', SHIPPED, '--until-s', '1200', '--json');
    expect(cli.code).toBe(0);
    const report = JSON.parse(cli.stdout);
    const sim = createSimulation(result.scenario, { seed: 1, strategy: 'top-down-with-platform' });
    sim.step(Math.round(1200 / sim.tickS));
    expect(report.strategy).toBe('top-down-with-platform');
    expect(report.stateHash).toBe(sim.hash());
    const plain = createSimulation(scenario, { seed: 1, strategy: 'top-down' });
    plain.step(Math.round(1200 / plain.tickS));
    expect(sim.metrics().meanReportDelayS).toBeLessThanOrEqual(15);
    expect(sim.metrics().evacuationOrderLatencyS as number).toBeLessThan((plain.metrics().evacuationOrderLatencyS as number) - 300);
  });

  it('drill run refuses a bad strategy file with exit 1 and both --strategy and --strategy-file with exit 2', () => {
    const missing = drill('run', 'scenarios/old-compound.json', '--strategy-file', 'nowhere.json');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('nowhere.json: no such file');
    const both = drill('run', 'scenarios/old-compound.json', '--strategy', 'resilient', '--strategy-file', SHIPPED);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('either --strategy or --strategy-file');
  });
});
