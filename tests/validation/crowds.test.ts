import { describe, expect, it } from 'vitest';
import { cellCapacityPersons, JAM_DENSITY_PPM2, ResidentState, weidmannSpeedMps } from '../../sim/index';
import { loadValidation, runUntilAllSafe, startSimulation } from '../support/scenarios';

// VALIDATION V6: speed toward a cell held at a set density follows the speed law.
describe('V6 speed–density law', () => {
  // Weidmann (1993) at ρ = 0.5, 1, 2, 3, 4, 5 persons/m², as published in VALIDATION.md.
  const published: [number, number][] = [
    [0.5, 1.298],
    [1, 1.058],
    [2, 0.606],
    [3, 0.331],
    [4, 0.156],
    [5, 0.037],
  ];

  it.each(published)('the law gives the published speed at %s persons/m²', (rho, speed) => {
    expect(weidmannSpeedMps(rho)).toBeCloseTo(speed, 3);
  });

  it.each(published)('a walker heading into a cell at %s persons/m² realises the law within 5%%', (rho) => {
    const name = `v06-density-${String(rho).replace('.', '_')}`;
    const sim = startSimulation(name);
    const start = sim.residents().x[0];
    const ticks = 4;
    sim.step(ticks);
    const r = sim.residents();
    expect(r.state[0]).toBe(ResidentState.Moving);
    // Still in its own cell (x < 4 m): every tick so far was walked toward the crowded cell.
    expect(r.x[0]).toBeLessThan(4);
    const realised = (r.x[0] - start) / (ticks * sim.tickS);
    expect(Math.abs(realised - weidmannSpeedMps(rho)) / weidmannSpeedMps(rho)).toBeLessThanOrEqual(0.05);
  });

  it('is zero at jam density, and a cell never holds more than its capacity', () => {
    expect(JAM_DENSITY_PPM2).toBe(5.4);
    expect(weidmannSpeedMps(5.4)).toBe(0);
    const sim = startSimulation('v07-exit-flow');
    const capacity = cellCapacityPersons(1);
    let maxCount = 0;
    while (sim.metrics().safe < 100 && sim.timeS < 300) {
      sim.step(1);
      const r = sim.residents();
      const counts = new Map<number, number>();
      for (let i = 0; i < r.count; i++) {
        if (r.state[i] === ResidentState.Safe) continue;
        const n = (counts.get(r.cell[i]) ?? 0) + 1;
        counts.set(r.cell[i], n);
        maxCount = Math.max(maxCount, n);
      }
    }
    expect(maxCount).toBeLessThanOrEqual(capacity);
    // The crowd at the door really reaches the limit, so the check above is not vacuous.
    expect(maxCount).toBe(capacity);
  });
});

// VALIDATION V7 (IMO 4): 100 people leave a room 8 m × 5 m through one 1 m exit.
describe('V7 exit flow', () => {
  it('has a mean flow of 0.6–1.33 persons/s and a total time of 75–170 s', () => {
    const sim = startSimulation('v07-exit-flow');
    runUntilAllSafe(sim, 400);
    const safeAt = Array.from(sim.residents().safeAtS).sort((a, b) => a - b);
    expect(safeAt.every(Number.isFinite)).toBe(true);
    const total = safeAt[safeAt.length - 1];
    const meanFlow = (safeAt.length - 1) / (total - safeAt[0]);
    expect(total).toBeGreaterThanOrEqual(75);
    expect(total).toBeLessThanOrEqual(170);
    expect(meanFlow).toBeGreaterThanOrEqual(0.6);
    expect(meanFlow).toBeLessThanOrEqual(1.33);
  });
});

// VALIDATION V8 (NIST 4.1): the nearer of two exits closes at t = 1 s.
describe('V8 exit closes', () => {
  it('re-routes everyone to the other exit, with the field updated within one tick', () => {
    const scenario = loadValidation('v08-exit-closes');
    const sim = startSimulation('v08-exit-closes');
    sim.step(Math.round(1 / sim.tickS));
    const before = sim.snapshot();
    expect(before.closedPlaces).toEqual([]);
    sim.step(1);
    const after = sim.snapshot();
    expect(after.closedPlaces).toEqual(['east']);
    expect(after.geometryVersion).toBe(before.geometryVersion + 1);
    // Within one more tick everyone who walks is heading west (x decreasing).
    const x0 = Float32Array.from(sim.residents().x);
    sim.step(2);
    const r = sim.residents();
    for (let i = 0; i < r.count; i++) if (r.state[i] === ResidentState.Moving) expect(r.x[i]).toBeLessThanOrEqual(x0[i]);
    runUntilAllSafe(sim, scenario.simulation.durationS);
    expect(sim.metrics().safeByPlace).toEqual({ east: 0, west: 20 });
  });
});

// VALIDATION V10 (SFPE hand calculation): 100 people, a 1 m door of 0.931 persons/s.
describe('V10 hand calculation', () => {
  it('gets everyone out in 106–108 s', () => {
    const sim = startSimulation('v10-hand-calculation');
    runUntilAllSafe(sim, 400);
    const total = sim.metrics().timeTo100PctSafeS as number;
    expect(total).toBeGreaterThanOrEqual(106);
    expect(total).toBeLessThanOrEqual(108);
  });
});
