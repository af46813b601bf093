import { describe, expect, it } from 'vitest';
import { drillJson, eventsWith, HAZARD, load, reachS, run } from './drill';

/** The drill with nobody calling, so only sensors can detect, and S1 never missing nor raising false alarms. */
function sensorsOnly() {
  const json = drillJson();
  json.detection.reportProbability = 0;
  Object.assign(json.sensors[0], { missProbability: 0, falseAlarmsPerDay: 0 });
  return json;
}

describe('sensors', () => {
  it('trip when the hazard reaches the edge of their coverage, and alert the desk after their delay', () => {
    const scenario = load(sensorsOnly());
    const sim = run(scenario, 'sensors', 1, 300);
    // S1 is 20 m east of the origin and watches 5 m: the nearest watched cell is 15 cells away.
    const expected = reachS(20 - 5) + 10;
    expect(expected).toBeCloseTo(HAZARD.startS + 15 / HAZARD.growthMps + 10, 1);
    const detected = sim.metrics().firstDetectionS;
    expect(detected).not.toBeNull();
    expect(Math.abs((detected as number) - expected)).toBeLessThanOrEqual(sim.tickS);
    const alerts = eventsWith(sim, 'alert', /^Smoke sensor S1 alert$/);
    expect(alerts).toHaveLength(1);
    expect(alerts[0].timeS).toBe(detected);
  });

  it('scale with coverage and delay: 8 m coverage and a 45 s delay', () => {
    const json = sensorsOnly();
    Object.assign(json.sensors[0], { coverageM: 8, delayS: 45 });
    const sim = run(load(json), 'sensors', 1, 300);
    expect(Math.abs((sim.metrics().firstDetectionS as number) - (reachS(20 - 8) + 45))).toBeLessThanOrEqual(sim.tickS);
  });

  it('stay silent when the sensors lever is off', () => {
    const sim = run(load(sensorsOnly()), 'no-sensors', 1, 600);
    expect(sim.metrics().firstDetectionS).toBeNull();
    expect(eventsWith(sim, 'alert', /sensor/)).toHaveLength(0);
  });

  it('stay silent during an outage, and trip when it ends if the hazard is still there', () => {
    const json = sensorsOnly();
    json.sensors[0].outages = [{ fromS: 0, toS: 900 }];
    expect(run(load(json), 'sensors', 1, 600).metrics().firstDetectionS).toBeNull();
    json.sensors[0].outages = [{ fromS: 50, toS: 150 }];
    const sim = run(load(json), 'sensors', 1, 600);
    expect(sim.metrics().firstDetectionS).toBe(150 + 10);
  });

  it('never detect with missProbability 1', () => {
    const json = sensorsOnly();
    json.sensors[0].missProbability = 1;
    for (const seed of [1, 2, 3]) expect(run(load(json), 'sensors', seed, 600).metrics().firstDetectionS).toBeNull();
  });

  it('miss about missProbability of hazards, one draw per sensor and hazard', () => {
    const json = sensorsOnly();
    json.sensors[0].missProbability = 0.5;
    const seeds = Array.from({ length: 60 }, (_, k) => k + 1);
    const missed = seeds.filter((seed) => run(load(json), 'sensors', seed, 200).metrics().firstDetectionS === null).length;
    // Binomial(60, 0.5): mean 30, standard deviation 3.9.
    expect(Math.abs(missed - 30)).toBeLessThanOrEqual(3 * Math.sqrt(60 * 0.25));
  });

  it('respond only to the cues of their kind: a gas sensor ignores smoke, a camera sees it', () => {
    const json = sensorsOnly();
    json.sensors = [
      { id: 'G1', kind: 'gas', at: { x: 12, y: 10 }, coverageM: 5, missProbability: 0, falseAlarmsPerDay: 0 },
      { id: 'C1', kind: 'camera', at: { x: 30, y: 10 }, coverageM: 5, delayS: 10, missProbability: 0, falseAlarmsPerDay: 0 },
    ];
    const sim = run(load(json), 'sensors', 1, 300);
    expect(eventsWith(sim, 'alert', /Gas sensor/)).toHaveLength(0);
    expect(eventsWith(sim, 'alert', /^Camera C1 alert$/)).toHaveLength(1);
    expect(Math.abs((sim.metrics().firstDetectionS as number) - (reachS(15) + 10))).toBeLessThanOrEqual(sim.tickS);
  });
});
