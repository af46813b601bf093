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

  it.each(raw.strategies.map((s: { id: string }) => s.id) as string[])('strategy %s evacuates everyone before the run ends', (strategy) => {
    const sim = createSimulation(scenario, { seed: 1, strategy });
    sim.step(Math.round(scenario.simulation.durationS / sim.tickS));
    const m = sim.metrics();
    expect(m.residents).toBe(residents);
    expect(m.safe).toBe(residents);
    expect(m.firstOrderS).not.toBeNull();
    // Nobody is safe before the first order; everyone is, with time to spare, before the run ends.
    expect(m.timeTo50PctSafeS).toBeGreaterThan(m.firstOrderS ?? 0);
    expect(m.timeTo100PctSafeS).toBeLessThan(scenario.simulation.durationS);
  });

  it('the flooded river gate lets nobody through once it closes, and people re-route', () => {
    const closesAtS = raw.timeline.find((e: { kind: string; place?: string }) => e.kind === 'closeExit' && e.place === 'river-gate').atS;
    const sim = createSimulation(scenario, { seed: 1, strategy: 'nearest-safe' });
    sim.step(Math.round(closesAtS / sim.tickS) + 1);
    const before = sim.metrics();
    expect(before.safe).toBeLessThan(residents);
    sim.step(Math.round((scenario.simulation.durationS - closesAtS) / sim.tickS));
    const after = sim.metrics();
    expect(after.safeByPlace['river-gate']).toBe(before.safeByPlace['river-gate']);
    expect(after.safe).toBe(residents);
  });

  it('the construction plan sends nobody through the blocked south gate', () => {
    const sim = createSimulation(scenario, { seed: 1, strategy: 'south-gate-construction' });
    sim.step(Math.round(scenario.simulation.durationS / sim.tickS));
    expect(sim.metrics().safeByPlace['south-gate']).toBe(0);
  });
});
