import { describe, expect, it } from 'vitest';
import { loadValidation, startSimulation } from '../support/scenarios';
import { mean, standardDeviation } from '../support/stats';

// VALIDATION V5 (RiMEA 7): speeds drawn from the RiMEA table, in m/s.
const TABLE: Record<string, [number, number]> = {
  'under-30': [0.58, 1.61],
  'aged-30-50': [1.41, 1.54],
  'over-50': [0.68, 1.41],
  'limited-mobility': [0.46, 0.76],
};

describe('V5 demographic speeds', () => {
  const scenario = loadValidation('v05-demographic-speeds');
  const sim = startSimulation('v05-demographic-speeds');
  const r = sim.residents();
  const speedsOf = (groupId: string) => {
    const g = scenario.population.groups.findIndex((group) => group.id === groupId);
    return Array.from(r.speedMps).filter((_, i) => r.group[i] === g);
  };

  it('draws 200 adults plus a limited-mobility group', () => {
    expect(speedsOf('under-30').length + speedsOf('aged-30-50').length + speedsOf('over-50').length).toBe(200);
  });

  it.each(Object.entries(TABLE))('every %s speed lies inside its range', (group, [min, max]) => {
    const speeds = speedsOf(group);
    expect(speeds.length).toBeGreaterThan(0);
    for (const v of speeds) {
      expect(v).toBeGreaterThanOrEqual(min - 1e-6);
      expect(v).toBeLessThanOrEqual(max + 1e-6);
    }
  });

  it('orders group means by age: 30–50 fastest, then under 30 and over 50, limited mobility slowest', () => {
    const m = Object.fromEntries(Object.keys(TABLE).map((g) => [g, mean(speedsOf(g))]));
    expect(m['aged-30-50']).toBeGreaterThan(m['under-30']);
    expect(m['aged-30-50']).toBeGreaterThan(m['over-50']);
    expect(m['over-50']).toBeGreaterThan(m['limited-mobility']);
    expect(m['under-30']).toBeGreaterThan(m['limited-mobility']);
  });

  it.each(Object.entries(TABLE))('the %s mean is within three standard errors of its range midpoint', (group, [min, max]) => {
    const speeds = speedsOf(group);
    const standardError = standardDeviation(speeds) / Math.sqrt(speeds.length);
    expect(Math.abs(mean(speeds) - (min + max) / 2)).toBeLessThanOrEqual(3 * standardError);
  });
});
