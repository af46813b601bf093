import { describe, expect, it } from 'vitest';
import { drillJson, load, run } from './drill';

describe('detection is deterministic', () => {
  const scenario = load(drillJson());

  it('gives the same hash and the same detection for the same seed', () => {
    for (const strategy of ['sensors', 'no-sensors', 'early-warning']) {
      const a = run(scenario, strategy, 7, 400);
      const b = run(scenario, strategy, 7, 400);
      expect(a.hash()).toBe(b.hash());
      expect(a.metrics()).toEqual(b.metrics());
      expect(a.events()).toEqual(b.events());
    }
  });

  it("changes with the seed where randomness matters: residents' calls", () => {
    const detected = new Set([1, 2, 3, 4, 5].map((seed) => run(scenario, 'no-sensors', seed, 600).metrics().firstDetectionS));
    expect(detected.size).toBeGreaterThan(1);
    expect(run(scenario, 'no-sensors', 1, 600).hash()).not.toBe(run(scenario, 'no-sensors', 2, 600).hash());
  });
});
