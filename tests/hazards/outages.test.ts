import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createSimulation, type Scenario } from '../../sim/index';
import { tinyCourtFlood, tinyCourtWith } from '../support/scenarios';

const informedAt = (scenario: Scenario, seconds: number) => {
  const sim = createSimulation(scenario, { seed: 3 });
  sim.step(Math.round(seconds / sim.tickS));
  return sim;
};

describe('power and telecom outages', () => {
  const sms = { channels: [{ id: 'sms', kind: 'sms', ratePerMin: 6 }] };
  const warn = { atS: 0, kind: 'warn', channel: 'sms', content: 'shelterInPlace' };
  const everyonePhones = (scenario: Record<string, unknown>) => {
    const base = JSON.parse(readFileSync('scenarios/tiny-court.json', 'utf8'));
    const groups = base.population.groups.map((g: Record<string, unknown>) => ({ ...g, phoneShare: 1 }));
    return { ...scenario, population: { ...base.population, groups } };
  };

  it('a telecom outage stops SMS warnings until the service is restored', () => {
    const outage = { id: 'network-down', kind: 'telecom', fromS: 0, durationS: 300 };
    const scenario = tinyCourtWith(everyonePhones({ ...sms, outages: [outage], timeline: [warn] }));
    expect(informedAt(scenario, 290).metrics().informedShare).toBe(0);
    // At 6 per minute, nearly everyone hears within a minute of the network coming back.
    expect(informedAt(scenario, 420).metrics().informedShare).toBeGreaterThan(0.9);
    const kinds = informedAt(scenario, 420)
      .events()
      .map((e) => e.title);
    expect(kinds).toContain('Telecom cut: network-down');
    expect(kinds).toContain('Telecom restored: network-down');
  });

  it('a power cut switches off the sensors in its zone', () => {
    const fire = { id: 'fire-b', kind: 'fire', fire: { ignition: { kind: 'point', xM: 13.5, yM: 3.5 }, spreadRateMps: 0.05 } };
    const sensors = [{ id: 's1', kind: 'smoke', at: { x: 14, y: 1 }, delayS: 5, missProbability: 0 }];
    const lit = tinyCourtWith({ hazards: [fire], sensors, detection: { reportProbability: 0 } });
    const dark = tinyCourtWith({
      hazards: [fire],
      sensors,
      detection: { reportProbability: 0 },
      outages: [{ id: 'blackout', kind: 'power', fromS: 0, durationS: 3600 }],
    });
    expect(informedAt(lit, 300).metrics().firstDetectionS).not.toBeNull();
    expect(informedAt(dark, 300).metrics().firstDetectionS).toBeNull();
  });

  it('a flood reaching the substation cuts the power: a cascade', () => {
    const flood = tinyCourtFlood();
    const outage = { id: 'substation', kind: 'power', durationS: 7200, trigger: { hazard: 'breach', at: { x: 10, y: 6 }, intensity: 0.05 } };
    const scenario = tinyCourtWith({ hazards: [flood], outages: [outage] });
    const early = informedAt(scenario, 1);
    expect(early.events().some((e) => e.kind === 'outage')).toBe(false);
    const later = informedAt(scenario, 300);
    const cut = later.events().find((e) => e.title === 'Power cut: substation');
    expect(cut).toBeDefined();
    expect(cut?.timeS).toBeGreaterThan(0);
  });
});

describe('lifts', () => {
  it('a power cut stops the lifts, so residents upstairs take the stairs and leave later', () => {
    const places = JSON.parse(readFileSync('scenarios/tiny-court.json', 'utf8')).places.map((p: Record<string, unknown>) =>
      p.kind === 'building' ? { ...p, floors: 8, lift: true } : p,
    );
    const order = [{ atS: 5, kind: 'evacuate' }];
    const meanStart = (outages: unknown[]) => {
      const sim = createSimulation(tinyCourtWith({ places, timeline: order, outages }), { seed: 2 });
      sim.step(Math.round(6 / sim.tickS));
      const r = sim.residents();
      let sum = 0;
      // The order came at 5 s: what is left after the pre-movement time is the way down.
      for (let i = 0; i < r.count; i++) sum += r.startS[i] - 5 - r.preMovementS[i];
      return sum / r.count;
    };
    const withLift = meanStart([]);
    const stairs = meanStart([{ id: 'blackout', kind: 'power', fromS: 0, durationS: 3600 }]);
    // Lift: 20 s wait + 3 s a floor; stairs: 12 s a floor (35 with limited mobility), floors 0-7.
    expect(withLift).toBeGreaterThan(0);
    expect(stairs).toBeGreaterThan(withLift * 1.5);
  });
});
