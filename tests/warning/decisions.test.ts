import { describe, expect, it } from 'vitest';
import { createSimulation, ResidentState } from '../../sim/index';
import { testCommunity } from '../support/community';

/** Members of each household, by household id. */
function households(household: Int32Array): Map<number, number[]> {
  const out = new Map<number, number[]>();
  household.forEach((h, i) => {
    out.set(h, [...(out.get(h) ?? []), i]);
  });
  return out;
}

describe('residents decide as households', () => {
  const warned = {
    channels: [{ id: 'sms', kind: 'sms' }],
    behaviour: { initialTrust: 1 },
    population: {
      defaultPreMovementS: { kind: 'uniform', minS: 30, maxS: 300 },
      groups: [{ id: 'residents', count: 320, householdSize: 3, phoneShare: 1, placement: { kind: 'allBuildings' } }],
    },
    timeline: [{ atS: 0, kind: 'warn', channel: 'sms', content: 'evacuate' }],
  };

  it('a household leaves together: when its slowest member is ready, at its slowest member’s pace', () => {
    const sim = createSimulation(testCommunity(warned), { seed: 3 });
    const r = sim.residents();
    const freeSpeed = Float32Array.from(r.speedMps);
    const preMovement = Float32Array.from(r.preMovementS);
    sim.step(Math.round(900 / sim.tickS));
    let checked = 0;
    for (const members of households(r.household).values()) {
      if (!members.every((i) => Number.isFinite(r.startS[i]))) continue;
      const start = r.startS[members[0]];
      for (const i of members) {
        expect(r.startS[i]).toBe(start);
        expect(r.speedMps[i]).toBeCloseTo(Math.min(...members.map((k) => freeSpeed[k])), 5);
      }
      // Nobody starts before their own preparation is over, and the household waits for the slowest.
      const decidedAt = start - Math.max(...members.map((k) => preMovement[k]));
      expect(decidedAt).toBeGreaterThanOrEqual(-1e-3);
      checked++;
    }
    expect(checked).toBeGreaterThan(50);
  });

  it('shelters in place when told to, and stays put', () => {
    const scenario = testCommunity({ ...warned, timeline: [{ atS: 0, kind: 'warn', channel: 'sms', content: 'shelterInPlace' }] });
    const sim = createSimulation(scenario, { seed: 1 });
    const x0 = Float32Array.from(sim.residents().x);
    sim.step(Math.round(1200 / sim.tickS));
    const m = sim.metrics();
    expect(m.sheltering).toBeGreaterThan(0.9 * m.residents);
    expect(m.safe + m.moving + m.preparing).toBe(0);
    expect(Array.from(sim.residents().x)).toEqual(Array.from(x0));
  });

  it('bedridden residents living alone wait for help while everyone else leaves', () => {
    const scenario = testCommunity({
      ...warned,
      population: {
        defaultPreMovementS: { kind: 'fixed', valueS: 60 },
        groups: [
          { id: 'bedridden-alone', count: 5, mobility: 'bedridden', ageGroup: 'over50', phoneShare: 1, placement: { kind: 'buildings', buildings: ['b0'] } },
          { id: 'families', count: 40, householdSize: 2, phoneShare: 1, placement: { kind: 'buildings', buildings: ['b1'] } },
        ],
      },
    });
    const sim = createSimulation(scenario, { seed: 1 });
    sim.step(Math.round(1800 / sim.tickS));
    const r = sim.residents();
    for (let i = 0; i < 5; i++) expect(r.state[i]).toBe(ResidentState.AwaitingHelp);
    const m = sim.metrics();
    expect(m.awaitingHelp).toBe(5);
    expect(m.vulnerable).toBe(5);
    expect(m.vulnerableSafe).toBe(0);
    expect(m.safe).toBe(40);
  });
});
