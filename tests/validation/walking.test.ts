import { describe, expect, it } from 'vitest';
import { CellKind, ResidentState } from '../../sim/index';
import { loadValidation, runUntilAllSafe, startSimulation } from '../support/scenarios';

// VALIDATION V1 (RiMEA 1, IMO 1): one person walks a 2 m × 40 m corridor.
describe('V1 walking speed in a corridor', () => {
  const travelTimeS = (name: string) => {
    const sim = startSimulation(name);
    runUntilAllSafe(sim, 120);
    return sim.metrics().timeTo100PctSafeS;
  };

  it('takes 30.1 s ± 5% at 1.33 m/s (and lies within 26–34 s)', () => {
    const t = travelTimeS('v01-corridor-1.33');
    expect(t).not.toBeNull();
    expect(Math.abs((t as number) - 30.1) / 30.1).toBeLessThanOrEqual(0.05);
  });

  it('takes 40 s ± 2 s at 1.0 m/s', () => {
    const t = travelTimeS('v01-corridor-1.0') as number;
    expect(Math.abs(t - 40)).toBeLessThanOrEqual(2);
  });

  it('takes the same time, within 5%, in the corridor rotated by 45°', () => {
    const straight = travelTimeS('v01-corridor-1.33') as number;
    const rotated = travelTimeS('v01-corridor-rotated') as number;
    expect(Math.abs(rotated - straight) / straight).toBeLessThanOrEqual(0.05);
  });
});

// VALIDATION V4 (RiMEA 6): 20 people walk around the corner of an L-shaped corridor.
describe('V4 corner', () => {
  it('never puts anyone in a wall cell and gets all 20 to the end within 60 s', () => {
    const scenario = loadValidation('v04-corner');
    const sim = startSimulation('v04-corner');
    const { width } = { width: scenario.map.rows[0].length };
    const cs = scenario.map.cellSizeM;
    let checks = 0;
    while (sim.timeS < 60 && sim.metrics().safe < 20) {
      sim.step(1);
      const snap = sim.snapshot();
      for (let i = 0; i < snap.residentState.length; i++) {
        if (snap.residentState[i] === ResidentState.Safe) continue;
        const cell = Math.floor(snap.residentXY[2 * i + 1] / cs) * width + Math.floor(snap.residentXY[2 * i] / cs);
        expect(snap.cells[cell]).not.toBe(CellKind.Wall);
        checks++;
      }
    }
    expect(checks).toBeGreaterThan(1000);
    expect(sim.metrics().safe).toBe(20);
    expect(sim.timeS).toBeLessThanOrEqual(60);
  });
});
