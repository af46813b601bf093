import { describe, expect, it } from 'vitest';
import { drillJson, eventsWith, load, run } from './drill';

const DAY_S = 86_400;

/**
 * No hazard and nobody calling; five sensors raise false alarms at 48 a day each, and S5 is off for the
 * second half of the day. Ticks are 5 s so a simulated day is cheap (one slow resident keeps the scenario
 * check's speed bound happy).
 */
function quietDay() {
  const json = drillJson();
  json.hazards = [];
  json.population.groups = [{ id: 'one', count: 1, speedMps: { kind: 'fixed', valueMps: 0.1 }, placement: { kind: 'points', pointsM: [[50.5, 10.5]] } }];
  json.detection.reportProbability = 0;
  json.simulation = { tickS: 5, durationS: DAY_S, metricsEveryS: 3600 };
  json.sensors = [1, 2, 3, 4, 5].map((k) => ({
    id: `S${k}`,
    kind: 'smoke',
    at: { x: 5 + 10 * k, y: 10 },
    delayS: 0,
    falseAlarmsPerDay: 48,
    outages: k === 5 ? [{ fromS: DAY_S / 2, toS: DAY_S }] : [],
  }));
  return json;
}

describe('false alarms', () => {
  it('arrive as a Poisson process at falseAlarmsPerDay per sensor, only while it is online (within 3 standard errors, 20 seeds)', () => {
    const scenario = load(quietDay());
    const seeds = Array.from({ length: 20 }, (_, k) => k + 1);
    let always = 0;
    let halfDay = 0;
    for (const seed of seeds) {
      const sim = run(scenario, 'sensors', seed, DAY_S);
      always += eventsWith(sim, 'alert', /^Smoke sensor S[1-4] alert$/).length;
      halfDay += eventsWith(sim, 'alert', /^Smoke sensor S5 alert$/).length;
    }
    // Poisson counts: mean = variance, so the standard error of a total is its square root.
    const expectAlways = 4 * 48 * seeds.length;
    const expectHalf = 0.5 * 48 * seeds.length;
    expect(Math.abs(always - expectAlways)).toBeLessThanOrEqual(3 * Math.sqrt(expectAlways));
    expect(Math.abs(halfDay - expectHalf)).toBeLessThanOrEqual(3 * Math.sqrt(expectHalf));
  });

  it('are dispersed like a Poisson count: variance over seeds close to the mean', () => {
    const json = quietDay();
    json.sensors = json.sensors.slice(0, 1);
    const scenario = load(json);
    const counts = Array.from({ length: 30 }, (_, k) => eventsWith(run(scenario, 'sensors', k + 1, DAY_S), 'alert', /^Smoke sensor S1 alert$/).length);
    const mean = counts.reduce((s, c) => s + c, 0) / counts.length;
    const variance = counts.reduce((s, c) => s + (c - mean) ** 2, 0) / (counts.length - 1);
    // Index of dispersion: (n − 1)·s²/mean is χ² with n − 1 = 29 degrees of freedom; 99.8% lies in 13..58.
    const chi2 = ((counts.length - 1) * variance) / mean;
    expect(chi2).toBeGreaterThan(13);
    expect(chi2).toBeLessThan(58);
  });

  it('do not happen when the sensors lever is off', () => {
    const sim = run(load(quietDay()), 'no-sensors', 1, DAY_S);
    expect(eventsWith(sim, 'alert', /sensor/)).toHaveLength(0);
    expect(sim.metrics().firstDetectionS).toBeNull();
  });
});
