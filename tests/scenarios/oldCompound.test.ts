import { describe, expect, it } from 'vitest';
import { createSimulation, loadScenarioOrThrow } from '../../sim/index';
import { readText } from './files';

const FILE = 'scenarios/old-compound.json';
const raw = JSON.parse(readText(FILE));
const scenario = loadScenarioOrThrow(readText(FILE));
const residents = raw.population.groups.reduce((sum: number, g: { count: number }) => sum + g.count, 0);
const placesOfKind = (kind: string) => raw.places.filter((p: { kind: string }) => p.kind === kind);

describe('old compound (the default community)', () => {
  it('is a community of about 3,000 residents in tens of buildings, with gates, shelters and zones', () => {
    expect(residents).toBeGreaterThanOrEqual(2500);
    expect(residents).toBeLessThanOrEqual(3500);
    const residential = placesOfKind('building').filter((p: { id: string }) => p.id.startsWith('block-'));
    expect(residential.length).toBeGreaterThanOrEqual(20);
    expect(placesOfKind('exit').length).toBeGreaterThanOrEqual(3);
    const shelters = placesOfKind('shelter');
    expect(shelters).toHaveLength(2);
    for (const s of shelters) expect(s.capacityPersons).toBeGreaterThan(0);
    expect(placesOfKind('zone').length).toBeGreaterThanOrEqual(4);
    expect(raw.map.rows.join('')).toContain('~');
    expect(raw.strategies.length).toBeGreaterThanOrEqual(2);
  });

  it('has gates of different widths', () => {
    const widths = placesOfKind('exit').map((p: { id: string }) => {
      const chars = Object.entries(raw.map.legend)
        .filter(([, v]) => typeof v === 'object' && (v as { place: string }).place === p.id)
        .map(([k]) => k);
      return raw.map.rows
        .join('')
        .split('')
        .filter((c: string) => chars.includes(c)).length;
    });
    expect(new Set(widths).size).toBe(widths.length);
  });

  const runToEnd = (strategy: string) => {
    const sim = createSimulation(scenario, { seed: 1, strategy });
    sim.step(Math.round(scenario.simulation.durationS / sim.tickS));
    return sim.metrics();
  };
  const outcomes = Object.fromEntries(['paper-plan', 'top-down', 'resilient'].map((id) => [id, runToEnd(id)]));
  const safeShareAt = (m: (typeof outcomes)[string], seconds: number) => (m.safeShareOverTime.find(([t]) => t >= seconds) ?? [0, 0])[1];

  it('ships the three contrasting strategies of the domain brief', () => {
    expect(raw.strategies.map((s: { id: string }) => s.id)).toEqual(expect.arrayContaining(['paper-plan', 'top-down', 'resilient']));
    for (const s of raw.strategies) expect(s.description.length).toBeGreaterThan(40);
  });

  it('warns earliest as a resilient community, later top-down, latest with a plan on paper', () => {
    const warnedAt = (id: string) => outcomes[id].firstOfficialWarningS as number;
    expect(warnedAt('resilient')).toBeLessThan(warnedAt('top-down'));
    // Never later than the paper plan: when the street office refuses, the district's order starts both at once.
    expect(warnedAt('top-down')).toBeLessThanOrEqual(warnedAt('paper-plan'));
    // The paper plan waits for the district's order, given in the scenario's timeline.
    const order = raw.timeline.find((e: { id?: string }) => e.id === 'district-order').atS;
    expect(warnedAt('paper-plan')).toBeGreaterThanOrEqual(order);
    // Top-down: the sensors see the water, the desk decides (decisionDelayS), then the committee waits for approval.
    const decision = raw.strategies.find((s: { id: string }) => s.id === 'top-down').levers.decisionDelayS;
    expect(outcomes['top-down'].meanApprovalWaitS).toBeGreaterThan(0);
    expect(warnedAt('top-down')).toBeGreaterThanOrEqual(decision + (outcomes['top-down'].decisions[0].approvalWaitS ?? 0));
  });

  it('gets people out in the same order, and only escorts save the bedridden', () => {
    // At 20 minutes: after the district's order (15 minutes in) has settled any approval still pending.
    const at20Min = (id: string) => safeShareAt(outcomes[id], 1200);
    expect(at20Min('resilient')).toBeGreaterThan(at20Min('top-down'));
    expect(at20Min('top-down')).toBeGreaterThan(at20Min('paper-plan'));
    expect(outcomes.resilient.safe).toBe(residents);
    expect(outcomes.resilient.vulnerableSafe).toBe(outcomes.resilient.vulnerable);
    // Without anyone assigned to them, the bedridden living alone are still waiting at the end.
    // Without anyone assigned to them, the bedridden living alone are never safe: they wait, or the water kills them.
    const bedridden = raw.population.groups.find((g: { id: string }) => g.id === 'bedridden').count;
    expect(outcomes['top-down'].awaitingHelp + outcomes['top-down'].deceased).toBeGreaterThanOrEqual(bedridden);
    expect(outcomes['top-down'].vulnerableSafe).toBeLessThanOrEqual(outcomes['top-down'].vulnerable - bedridden);
    expect(outcomes['paper-plan'].peakPanic).toBeGreaterThan(outcomes.resilient.peakPanic);
    expect(outcomes['paper-plan'].rumourReach).toBeGreaterThan(outcomes.resilient.rumourReach);
  });

  it('the flooded river gate lets nobody through once it closes, and people re-route', () => {
    const closesAtS = raw.timeline.find((e: { kind: string; place?: string }) => e.kind === 'closeExit' && e.place === 'river-gate').atS;
    const sim = createSimulation(scenario, { seed: 1, strategy: 'paper-plan' });
    sim.step(Math.round(closesAtS / sim.tickS) + 1);
    const before = sim.metrics();
    expect(before.moving).toBeGreaterThan(100);
    sim.step(Math.round((scenario.simulation.durationS - closesAtS) / sim.tickS));
    const after = sim.metrics();
    expect(after.safeByPlace['river-gate']).toBe(before.safeByPlace['river-gate']);
    expect(after.safe).toBeGreaterThan(before.safe + 100);
  });

  it('the construction plan sends nobody through the blocked south gate', () => {
    const sim = createSimulation(scenario, { seed: 1, strategy: 'resilient-south-gate-blocked' });
    sim.step(Math.round(scenario.simulation.durationS / sim.tickS));
    expect(sim.metrics().safeByPlace['south-gate']).toBe(0);
    expect(sim.metrics().safe).toBe(residents);
  });
});
