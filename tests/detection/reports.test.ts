import { describe, expect, it } from 'vitest';
import { Knows, Trait } from '../../sim/agents/Residents';
import { drillJson, eventsWith, HAZARD, load, pairedStats, planStartS, reachS, run } from './drill';

/** One resident at column 50, row 10 (40 m east of the origin) who always calls, after exactly 60 s. */
function oneCaller() {
  const json = drillJson();
  json.population.groups = [{ id: 'caller', count: 1, placement: { kind: 'points', pointsM: [[50.5, 10.5]] } }];
  json.detection = { noticeRangeM: 20, reportProbability: 1, reportDelayS: { kind: 'fixed', valueS: 60 }, reportsToConfirm: 1 };
  Object.assign(json.sensors[0], { missProbability: 0, falseAlarmsPerDay: 0 });
  return json;
}

describe("residents' reports", () => {
  it('without sensors, detection waits for a resident to notice and call: later than a sensor, by a margin from geometry', () => {
    const scenario = load(oneCaller());
    const withSensors = run(scenario, 'sensors', 1, 400).metrics().firstDetectionS as number;
    const without = run(scenario, 'no-sensors', 1, 400).metrics().firstDetectionS as number;
    // The resident sees the smoke once it is within 20 m: at 20 cells from the origin; the call takes 60 s.
    const tick = 0.25;
    const residentS = reachS(40 - 20) + 60;
    const sensorS = reachS(20 - 5) + 10;
    expect(Math.abs(without - residentS)).toBeLessThanOrEqual(tick);
    expect(Math.abs(withSensors - sensorS)).toBeLessThanOrEqual(tick);
    // Margin: (20 − 15) m of growth at 0.5 m/s plus the 60 s call minus the sensor's 10 s delay = 60 s.
    expect(Math.abs(without - withSensors - (5 / HAZARD.growthMps + 60 - 10))).toBeLessThanOrEqual(2 * tick);
  });

  it('residents who see the hazard know it and wake; those out of sight do not', () => {
    const json = oneCaller();
    json.simulation.startClock = '02:00';
    json.population.groups = [
      { id: 'near', count: 1, asleepAtNightShare: 1, placement: { kind: 'points', pointsM: [[25.5, 10.5]] } },
      { id: 'far', count: 1, asleepAtNightShare: 1, placement: { kind: 'points', pointsM: [[58.5, 18.5]] } },
    ];
    json.detection.reportProbability = 0;
    const sim = run(load(json), 'no-sensors', 1, 70);
    const r = sim.residents();
    // At 70 s the smoke is 5 m across: 15 m from "near" (within 20 m), far from "far".
    expect(r.knows[0] & Knows.SawHazard).toBeTruthy();
    expect(r.traits[0] & Trait.Asleep).toBe(0);
    expect(r.knows[1] & Knows.SawHazard).toBe(0);
    expect(r.traits[1] & Trait.Asleep).toBeTruthy();
    expect(r.knows[0] & Knows.Reported).toBe(0);
  });

  it('each resident reports at most once, and about reportProbability of those who see it do', () => {
    const json = drillJson();
    json.detection.reportsToConfirm = 1000; // never confirmed: every report shows in the feed
    json.detection.reportProbability = 0.3;
    let saw = 0;
    let reported = 0;
    for (const seed of [1, 2, 3, 4, 5]) {
      const sim = run(load(json), 'no-sensors', seed, 900);
      const r = sim.residents();
      let sawHere = 0;
      let reportedHere = 0;
      for (let i = 0; i < r.count; i++) {
        if (r.knows[i] & Knows.SawHazard) sawHere++;
        if (r.knows[i] & Knows.Reported) reportedHere++;
      }
      expect(eventsWith(sim, 'alert', /^Resident report from Block A$/)).toHaveLength(reportedHere);
      saw += sawHere;
      reported += reportedHere;
    }
    expect(saw).toBe(5 * 60);
    expect(Math.abs(reported / saw - 0.3)).toBeLessThanOrEqual(3 * Math.sqrt((0.3 * 0.7) / saw));
  });

  it('reportsToConfirm = 3 confirms later than 1 (same seeds, same calls)', () => {
    const json = drillJson();
    json.detection.reportProbability = 0.5;
    const planAt = (need: number) => {
      json.detection.reportsToConfirm = need;
      const scenario = load(json);
      return Array.from({ length: 12 }, (_, k) => planStartS(run(scenario, 'no-sensors', k + 1, 900)) as number);
    };
    const one = planAt(1);
    const three = planAt(3);
    for (let k = 0; k < one.length; k++) expect(three[k]).toBeGreaterThanOrEqual(one[k]);
    const { mean, se } = pairedStats(three, one);
    expect(mean).toBeGreaterThan(3 * se);
  });
});
