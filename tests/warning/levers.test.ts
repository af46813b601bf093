import { describe, expect, it } from 'vitest';
import { createSimulation, type Scenario } from '../../sim/index';
import { testCommunity } from '../support/community';

const SEEDS = [1, 2, 3, 4, 5, 6];

/** Time at which the informed share first reaches `share`, from the metrics series (30 s steps). */
function timeToInformed(scenario: Scenario, seed: number, share: number): number {
  const sim = createSimulation(scenario, { seed });
  const every = Math.round(scenario.simulation.metricsEveryS / sim.tickS);
  while (sim.timeS < scenario.simulation.durationS && sim.metrics().informedShare < share) sim.step(every);
  const hit = sim.metrics().informedShareOverTime.find(([, s]) => s >= share);
  return hit ? hit[0] : Infinity;
}

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;

describe('warning levers move outcomes the expected way', () => {
  const appAndSms = {
    channels: [
      { id: 'app', kind: 'app' },
      { id: 'sms', kind: 'sms' },
    ],
    timeline: [
      { atS: 0, kind: 'warn', channel: 'app', content: 'shelterInPlace' },
      { atS: 0, kind: 'warn', channel: 'sms', content: 'shelterInPlace' },
    ],
  };

  it('a night-time scenario warns slower than daytime', () => {
    const day = testCommunity({ ...appAndSms, simulation: { tickS: 0.5, durationS: 3600, metricsEveryS: 30, startClock: '14:00' } });
    const night = testCommunity({ ...appAndSms, simulation: { tickS: 0.5, durationS: 3600, metricsEveryS: 30, startClock: '02:30' } });
    const dayTimes = SEEDS.map((seed) => timeToInformed(day, seed, 0.5));
    const nightTimes = SEEDS.map((seed) => timeToInformed(night, seed, 0.5));
    // Asleep, phones reach people at a tenth of the rate or less (the channel defaults), so half the
    // community takes several times longer to hear; household word of mouth narrows the gap.
    expect(mean(nightTimes)).toBeGreaterThan(2 * mean(dayTimes));
    for (let k = 0; k < SEEDS.length; k++) expect(nightTimes[k]).toBeGreaterThan(dayTimes[k]);
  });

  it('an official update stops a rumour from growing', () => {
    const rumour = { atS: 0, kind: 'rumour', content: 'stayPut', seedShare: 0.02 };
    const channels = [{ id: 'radio', kind: 'broadcast', ratePerMin: 1 }];
    const behaviour = { initialTrust: 0.3, wordOfMouth: { ratePerMin: 0.6 } };
    const silent = testCommunity({ channels, behaviour, timeline: [rumour] });
    const answered = testCommunity({
      channels,
      behaviour,
      timeline: [rumour, { atS: 300, kind: 'officialUpdate', channel: 'radio', text: 'No danger has been found; follow official channels only.' }],
    });
    const reachAt = (scenario: Scenario, seed: number, minutes: number) => {
      const sim = createSimulation(scenario, { seed });
      sim.step(Math.round((minutes * 60) / sim.tickS));
      return sim.metrics().rumourReach;
    };
    for (const seed of SEEDS.slice(0, 3)) {
      const silentLate = reachAt(silent, seed, 40);
      const answeredAtUpdate = reachAt(answered, seed, 5);
      const answeredLate = reachAt(answered, seed, 40);
      // Left alone the rumour keeps spreading; answered, it barely grows after the update has gone round.
      expect(silentLate).toBeGreaterThan(0.5);
      expect(answeredLate).toBeLessThan(silentLate / 2);
      expect(answeredLate - answeredAtUpdate).toBeLessThan(0.15);
    }
  });

  it('more trust in official sources means more residents act on the same warning', () => {
    const warning = { channels: [{ id: 'sms', kind: 'sms' }], timeline: [{ atS: 0, kind: 'warn', channel: 'sms', content: 'shelterInPlace' }] };
    const compliedAt10Min = (trust: number) =>
      mean(
        SEEDS.map((seed) => {
          const scenario = testCommunity({ ...warning, behaviour: { initialTrust: trust, wordOfMouth: { ratePerMin: 0, householdRatePerMin: 0 } } });
          const sim = createSimulation(scenario, { seed });
          sim.step(Math.round(600 / sim.tickS));
          return sim.metrics().compliedShare;
        }),
      );
    expect(compliedAt10Min(0.9)).toBeGreaterThan(compliedAt10Min(0.3) + 0.2);
  });
});

describe('consistent information', () => {
  it('contradicting official messages cost trust and raise panic', () => {
    const channels = [{ id: 'radio', kind: 'broadcast', ratePerMin: 2 }];
    const first = { atS: 0, kind: 'warn', channel: 'radio', content: 'shelterInPlace' };
    const consistent = testCommunity({ channels, timeline: [first, { atS: 300, kind: 'warn', channel: 'radio', content: 'shelterInPlace' }] });
    const contradicting = testCommunity({ channels, timeline: [first, { atS: 300, kind: 'warn', channel: 'radio', content: 'evacuate' }] });
    const metricsAfter15Min = (scenario: Scenario) => {
      const sim = createSimulation(scenario, { seed: 4 });
      sim.step(Math.round(900 / sim.tickS));
      return sim.metrics();
    };
    const a = metricsAfter15Min(consistent);
    const b = metricsAfter15Min(contradicting);
    // Each contradiction costs 0.1 trust and adds 0.1 panic (the defaults). About half the residents hear it
    // officially; the rest hear "leave" from their household first, which contradicts nothing official.
    expect(a.meanTrust).toBeCloseTo(0.7, 6);
    expect(a.meanTrust - b.meanTrust).toBeGreaterThan(0.03);
    expect(b.peakPanic).toBeGreaterThan(a.peakPanic + 0.03);
  });
});
