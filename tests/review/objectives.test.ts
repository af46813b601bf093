import { describe, expect, it } from 'vitest';
import { createSimulation, describeErrors, loadScenarioObject, type Metrics, type RunSeries, type Scenario } from '../../sim/index';
import { evaluateObjectives, inDangerOverTime, judge, metricValue, objectiveTimes, peakInDanger } from '../../sim/review/objectives';
import { OBJECTIVE_METRIC_NAMES } from '../../sim/scenario/schemaObjectives';
import { testCommunity } from '../support/community';
import { loadScenarioFile } from '../support/scenarios';

/** The test community evacuated at 60 s, with objectives on the evacuation judged at 150 s and at the end. */
function community(objectives: unknown[]): Scenario {
  return testCommunity({ timeline: [{ atS: 60, kind: 'evacuate' }], objectives, simulation: { tickS: 0.5, durationS: 900, metricsEveryS: 10 } }, 3, 30);
}

const OBJECTIVES = [
  {
    id: 'out-fast',
    title: 'Out within five minutes',
    capability: 'Evacuation',
    criteria: [
      { metric: 'safeShare', atLeast: 0.99, partly: 0.2, byS: 150 },
      { metric: 'timeTo90PctSafeS', atMost: 240 },
    ],
  },
  { id: 'all-out', title: 'Everyone out', capability: 'Evacuation', criteria: [{ metric: 'safeShare', atLeast: 1 }] },
  { id: 'impossible', title: 'Out before the order', capability: 'Evacuation', criteria: [{ metric: 'timeTo50PctSafeS', atMost: 30, partly: 45 }] },
];

describe('objectives: judged against figures read from the run', () => {
  const scenario = community(OBJECTIVES);
  // The figures, read straight from the simulation at 150 s and at the end.
  const sim = createSimulation(scenario, { seed: 3 });
  sim.step(300);
  const at150 = sim.metrics();
  sim.step(1800 - sim.tick);
  const atEnd = sim.metrics();
  const results = evaluateObjectives(scenario.objectives, (byS) =>
    byS === null ? { timeS: 900, metrics: atEnd } : byS === 150 ? { timeS: 150, metrics: at150 } : null,
  );

  it('reads each criterion at its time and judges it by its target, or by the looser "partly" one', () => {
    const [fast, all, impossible] = results;
    const safe150 = at150.safe / at150.residents;
    expect(fast.criteria[0]).toMatchObject({ metric: 'safeShare', atS: 150, value: safe150 });
    expect(fast.criteria[0].status).toBe(safe150 >= 0.99 ? 'met' : safe150 >= 0.2 ? 'partly' : 'notMet');
    expect(fast.criteria[1]).toMatchObject({ atS: 900, value: atEnd.timeTo90PctSafeS });
    const t90 = atEnd.timeTo90PctSafeS;
    expect(fast.criteria[1].status).toBe(t90 !== null && t90 <= 240 ? 'met' : 'notMet');
    const statuses = fast.criteria.map((c) => c.status);
    expect(fast.status).toBe(statuses.every((s) => s === 'met') ? 'met' : statuses.every((s) => s === 'notMet') ? 'notMet' : 'partly');
    expect(all.criteria[0].value).toBe(atEnd.safe / atEnd.residents);
    expect(all.status).toBe(atEnd.safe === atEnd.residents ? 'met' : 'notMet');
    // Nobody is out 30 or 45 s in: the order comes at 60 s.
    expect(impossible.criteria[0].value).toBe(atEnd.timeTo50PctSafeS);
    expect(impossible.status).toBe('notMet');
  });

  it('has a run where objectives are met, partly met and not met, so every verdict is exercised', () => {
    expect(results.map((r) => r.status)).toEqual(['partly', 'met', 'notMet']);
    expect(results[0].criteria.map((c) => c.status)).toEqual(['partly', 'met']);
  });

  it('lists the times criteria are judged at', () => {
    expect(objectiveTimes(scenario.objectives)).toEqual([150]);
  });

  it('is not evaluated when the run ended before the criterion’s time', () => {
    const [fast] = evaluateObjectives(scenario.objectives.slice(0, 1), (byS) => (byS === null ? { timeS: 900, metrics: atEnd } : null));
    expect(fast.criteria[0].status).toBe('notEvaluated');
    expect(fast.status).toBe(fast.criteria[1].status);
  });
});

describe('judging one criterion', () => {
  it.each([
    ['atLeast', 0.9, null, 0.95, 'met'],
    ['atLeast', 0.9, null, 0.9, 'met'],
    ['atLeast', 0.9, 0.5, 0.6, 'partly'],
    ['atLeast', 0.9, 0.5, 0.4, 'notMet'],
    ['atMost', 300, 600, 300, 'met'],
    ['atMost', 300, 600, 599, 'partly'],
    ['atMost', 300, null, 301, 'notMet'],
    ['atMost', 300, 600, null, 'notMet'],
  ] as const)('%s %d (partly %s), measured %s: %s', (bound, target, partly, value, expected) => {
    expect(judge(bound, target, partly, value)).toBe(expected);
  });
});

describe('figures derived from the metrics', () => {
  const series = (t: number[], exposure: number[]): RunSeries => ({
    t,
    exposurePersonS: exposure,
    informed: t.map(() => 0),
    safe: t.map(() => 0),
    injured: t.map(() => 0),
    deceased: t.map(() => 0),
    meanPanic: t.map(() => 0),
    meanTrust: t.map(() => 0),
    awaitingHelp: t.map(() => 0),
    sheltered: t.map(() => 0),
  });

  it('residents in danger at once are the exposure gained over each interval divided by its length', () => {
    // 0-10 s: 4 people (40 person-s); 10-20 s: 12 people; 20-40 s (the interval doubled): 3 people.
    const s = series([10, 20, 40], [40, 160, 220]);
    expect(inDangerOverTime(s)).toEqual([4, 12, 3]);
    expect(peakInDanger(s)).toBe(12);
    expect(peakInDanger(s, 10)).toBe(4);
  });

  it('shares of the vulnerable, and no approval wait when the community decided everything itself', () => {
    const base = { vulnerable: 8, vulnerableSafe: 6, vulnerableReached: 7, meanApprovalWaitS: null } as unknown as Metrics;
    expect(metricValue(base, 'vulnerableSafeShare')).toBe(0.75);
    expect(metricValue(base, 'vulnerableReachedShare')).toBe(0.875);
    expect(metricValue({ ...base, vulnerable: 0 }, 'vulnerableSafeShare')).toBeNull();
    const decided = { decision: 'orderEvacuation' as const, subject: null, requestedS: 20, latencyS: 0, approvalWaitS: null, approver: null, refusals: 0 };
    expect(metricValue({ ...base, decisions: [decided] }, 'meanApprovalWaitS')).toBe(0);
    // A decision still waiting for its approver: never approved is not met.
    expect(metricValue({ ...base, decisions: [{ ...decided, approver: 'street-office' }] }, 'meanApprovalWaitS')).toBeNull();
  });

  it('every numeric figure of a run can be named by a criterion', () => {
    const m = createSimulation(loadScenarioFile('scenarios/old-compound.json'), { seed: 1 }).metrics();
    const numeric = Object.entries(m)
      .filter(([, v]) => typeof v === 'number' || v === null)
      .map(([k]) => k);
    expect(numeric.filter((k) => !(OBJECTIVE_METRIC_NAMES as readonly string[]).includes(k))).toEqual([]);
  });
});

describe('objectives in a scenario file', () => {
  const load = (objectives: unknown[]) => loadScenarioObject({ ...JSON.parse(JSON.stringify(scenarioInput)), objectives });
  const scenarioInput = {
    schemaVersion: 1,
    id: 'court',
    title: 'Court',
    simulation: { durationS: 600 },
    map: { cellSizeM: 1, rows: ['#####', '#..>#', '#####'], legend: { '#': 'wall', '.': 'open', '>': { cell: 'exit', place: 'gate' } } },
    places: [{ id: 'gate', kind: 'exit' }],
    population: { groups: [{ id: 'people', count: 2, placement: { kind: 'rect', rect: { x: 1, y: 1, w: 2, h: 1 } } }] },
  };
  const objective = (criteria: unknown[], id = 'o') => ({ id, title: 'T', capability: 'Evacuation', criteria });
  const errors = (objectives: unknown[]) => {
    const result = load(objectives);
    return result.ok ? '' : describeErrors(result.errors);
  };

  it('load when well formed', () => {
    expect(errors([objective([{ metric: 'safeShare', atLeast: 0.9, partly: 0.5, byS: 300 }])])).toBe('');
  });

  it('an unknown figure is an error listing the figures a criterion may name', () => {
    const text = errors([objective([{ metric: 'safePercent', atLeast: 90 }])]);
    expect(text).toContain('objectives[0].criteria[0].metric: "safePercent" is not allowed here');
    for (const name of ['safeShare', 'firstOfficialWarningS', 'vulnerableSafeShare', 'supplyMetShare', 'deceased', 'recoveryIndex'])
      expect(text).toContain(`"${name}"`);
  });

  it.each([
    [[{ metric: 'deceased' }], 'objectives[0].criteria[0]: the criterion on deceased has no target', '"atMost" suits deceased'],
    [[{ metric: 'safeShare', atLeast: 0.5, atMost: 0.9 }], 'has both atLeast and atMost', 'write a second criterion for a range'],
    [[{ metric: 'safeShare', atLeast: 90 }], 'objectives[0].criteria[0].atLeast: safeShare is between 0 and 1', 'write 0.9 for 90%'],
    [[{ metric: 'deceased', atMost: 5, partly: 2 }], 'objectives[0].criteria[0].partly: "partly" (2) is stricter than the target (atMost 5)', 'above 5'],
    [
      [{ metric: 'safeShare', atLeast: 0.9, byS: 900 }],
      'objectives[0].criteria[0].byS: 900 s is after the end of the run (simulation.durationS is 600 s)',
      'up to 600',
    ],
  ])('%j is refused with its place and fix', (criteria, message, hint) => {
    const text = errors([objective(criteria)]);
    expect(text).toContain(message);
    expect(text).toContain(hint);
  });

  it('ids are unique', () => {
    expect(errors([objective([{ metric: 'deceased', atMost: 0 }], 'a'), objective([{ metric: 'deceased', atMost: 0 }], 'a')])).toContain(
      'objectives[1].id: another objective already has the id "a"',
    );
  });

  it('the default community ships objectives of each capability', () => {
    const shipped = loadScenarioFile('scenarios/old-compound.json').objectives;
    expect(new Set(shipped.map((o) => o.capability))).toEqual(
      new Set(['Early warning', 'Evacuation of the vulnerable', 'Evacuation', 'Shelter and supplies', 'Coordination']),
    );
  });

  it('the epidemic lockdown ships objectives the resilient community meets and the paper plan does not', () => {
    const scenario = loadScenarioFile('scenarios/epidemic-lockdown.json');
    expect(scenario.objectives.length).toBeGreaterThanOrEqual(4);
    const verdicts = (strategy: string) => {
      const sim = createSimulation(scenario, { seed: 1, strategy });
      const readings = new Map<number | null, { timeS: number; metrics: Metrics }>();
      for (const byS of objectiveTimes(scenario.objectives)) {
        sim.step(Math.round(byS / sim.tickS) - sim.tick);
        readings.set(byS, { timeS: byS, metrics: sim.metrics() });
      }
      sim.step(Math.round(scenario.simulation.durationS / sim.tickS) - sim.tick);
      readings.set(null, { timeS: scenario.simulation.durationS, metrics: sim.metrics() });
      return evaluateObjectives(scenario.objectives, (byS) => readings.get(byS) ?? null).map((r) => r.status);
    };
    expect(verdicts('resilient').every((status) => status === 'met')).toBe(true);
    // Nothing released, nobody asked for help, no reports sent: the paper plan meets no objective in full.
    expect(verdicts('paper-plan').filter((status) => status === 'met')).toEqual([]);
    expect(verdicts('top-down').filter((status) => status !== 'met').length).toBeGreaterThan(0);
  });
});
