import { describe, expect, it } from 'vitest';
import { createSimulation, type Metrics } from '../../sim/index';
import { governedCourt } from '../support/governance';
import { loadScenarioFile } from '../support/scenarios';

const SEEDS = [1, 2, 3];
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe('strategies on the shipped old compound', () => {
  const scenario = loadScenarioFile('scenarios/old-compound.json');
  const runs: Record<string, Metrics[]> = {};
  for (const strategy of ['paper-plan', 'top-down', 'resilient']) {
    runs[strategy] = SEEDS.map((seed) => {
      const sim = createSimulation(scenario, { seed, strategy });
      sim.step(Math.round(scenario.simulation.durationS / sim.tickS));
      return sim.metrics();
    });
  }
  const avg = (strategy: string, pick: (m: Metrics) => number | null, missing = Infinity) => mean(runs[strategy].map((m) => pick(m) ?? missing));

  it('the resilient community orders the evacuation within two minutes of the first report; the paper plan takes over 10 minutes more', () => {
    expect(avg('resilient', (m) => m.evacuationOrderLatencyS)).toBeLessThan(120);
    expect(avg('paper-plan', (m) => m.evacuationOrderLatencyS) - avg('resilient', (m) => m.evacuationOrderLatencyS)).toBeGreaterThan(600);
    expect(avg('top-down', (m) => m.evacuationOrderLatencyS)).toBeGreaterThan(avg('resilient', (m) => m.evacuationOrderLatencyS) + 600);
    expect(avg('top-down', (m) => m.evacuationOrderLatencyS)).toBeLessThan(avg('paper-plan', (m) => m.evacuationOrderLatencyS));
  });

  it('the resilient community saves many more lives and gets everyone out', () => {
    expect(avg('resilient', (m) => m.safeShare)).toBeGreaterThan(0.99);
    expect(avg('resilient', (m) => m.safeShare) - avg('paper-plan', (m) => m.safeShare)).toBeGreaterThan(0.1);
    expect(avg('paper-plan', (m) => m.deceased) - avg('resilient', (m) => m.deceased)).toBeGreaterThan(250);
    expect(avg('top-down', (m) => m.deceased)).toBeLessThan(avg('paper-plan', (m) => m.deceased));
  });

  it('on the platform its reports take seconds, not minutes, and it needs no approvals', () => {
    expect(avg('resilient', (m) => m.meanReportDelayS)).toBeLessThanOrEqual(15);
    expect(avg('top-down', (m) => m.meanReportDelayS)).toBeGreaterThan(150);
    for (const m of runs.resilient) expect(m.meanApprovalWaitS).toBeNull();
    for (const m of runs['top-down']) expect(m.meanApprovalWaitS).toBeGreaterThan(600);
  });

  it('it supplies its shelters, brings in outside help and reaches recovery; the paper plan does not', () => {
    expect(avg('resilient', (m) => m.supplyMetShare)).toBeGreaterThan(0.95);
    expect(avg('resilient', (m) => m.supplyMetShare) - avg('paper-plan', (m) => m.supplyMetShare)).toBeGreaterThan(0.5);
    for (const m of runs.resilient) {
      expect(m.phase).toBe('recovery');
      expect(m.firstSupportArrivalS).toBeLessThan(1200);
      expect(m.injuredCaredFor).toBeGreaterThan(0);
    }
    for (const m of runs['paper-plan']) expect(m.phase).toBe('response');
    expect(avg('resilient', (m) => m.recoveryIndex) - avg('paper-plan', (m) => m.recoveryIndex)).toBeGreaterThan(0.25);
  });
});

describe('volunteer training', () => {
  const withTeam = (training: string) =>
    governedCourt({
      levers: { autonomy: 'high', volunteerTraining: training, warningPlan: [], volunteerPlan: [{ team: 'door-team', task: 'knockDoors' }] },
      extra: { volunteers: [{ id: 'door-team', count: 1, placement: { kind: 'buildings', buildings: ['block-a'] } }] },
    });

  it('untrained volunteers take longer to knock on every door: a quarter slower walking, half as long again at each door', () => {
    for (const seed of [1, 2, 3]) {
      const doneS = (training: string) => {
        const sim = createSimulation(withTeam(training), { seed });
        sim.step(Math.round(1200 / sim.tickS));
        const team = sim.metrics().volunteers[0];
        return (team.doneS as number) - (team.startedS as number);
      };
      const ratio = doneS('untrained') / doneS('trained');
      // Knocking dominates (30 s a door against a few metres between doors): the ratio lies between 1/0.75 and 1.5.
      expect(ratio).toBeGreaterThan(1.3);
      expect(ratio).toBeLessThan(1.55);
    }
  });
});
