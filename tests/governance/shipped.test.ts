import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../sim/index';
import { loadScenarioFile } from '../support/scenarios';

/** Every shipped scenario with organisations and the three strategies of the domain brief. */
const governed = readdirSync('scenarios')
  .filter((f) => f.endsWith('.json') && f !== 'scenario.schema.json')
  .map((f) => ({ file: f, scenario: loadScenarioFile(`scenarios/${f}`) }))
  .filter(({ scenario }) => scenario.governance && ['paper-plan', 'resilient'].every((id) => scenario.strategies.some((s) => s.id === id)));

describe('the resilient community beats the paper plan on every shipped scenario', () => {
  it('ships organisations in all six community scenarios', () => {
    expect(governed.map((g) => g.file).sort()).toEqual([
      'compound-earthquake.json',
      'compound-fire-night.json',
      'epidemic-lockdown.json',
      'gas-leak-school.json',
      'old-compound.json',
      'riverside-flood-power-cut.json',
    ]);
  });

  it.each(governed.map((g) => [g.file, g.scenario]))('%s: supplies, recovery and (where it warns) the evacuation order', (_file, scenario) => {
    const run = (strategy: string) => {
      const sim = createSimulation(scenario, { seed: 1, strategy });
      sim.step(Math.round(scenario.simulation.durationS / sim.tickS));
      return sim.metrics();
    };
    const paper = run('paper-plan');
    const resilient = run('resilient');
    expect(resilient.supplyMetShare).toBeGreaterThan(0.95);
    expect(resilient.supplyMetShare - paper.supplyMetShare).toBeGreaterThan(0.25);
    expect((resilient.recoveryIndex ?? 0) - (paper.recoveryIndex ?? 0)).toBeGreaterThan(0.1);
    expect(resilient.meanReportDelayS ?? 0).toBeLessThanOrEqual(15);
    if (resilient.evacuationOrderLatencyS !== null) {
      expect((paper.evacuationOrderLatencyS ?? Infinity) - resilient.evacuationOrderLatencyS).toBeGreaterThan(500);
      expect(resilient.safeShare).toBeGreaterThan(paper.safeShare);
    }
  });
});
