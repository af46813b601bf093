import { describe, expect, it } from 'vitest';
import { createSimulation, ResidentState } from '../../sim/index';
import { hall } from './hall';

describe('conditional injects on figures, homes, phases and other injects', () => {
  it('a metric inject fires at the first check where the figure is in range', () => {
    const scenario = hall({
      timeline: [{ atS: 5, kind: 'evacuate' }],
      injects: [
        { id: 'half-out', title: 'Half are out', condition: { kind: 'metric', metric: 'safeShare', atLeast: 0.5 } },
        { id: 'ten-out', title: 'Ten are out', condition: { kind: 'metric', metric: 'safe', atLeast: 10, atMost: 20 } },
        { id: 'nobody-hurt', title: 'Nobody hurt', condition: { kind: 'metric', metric: 'injured', atLeast: 1 } },
      ],
    });
    const sim = createSimulation(scenario, { seed: 2 });
    const residents = sim.metrics().residents;
    let halfAt: number | null = null;
    let tenAt: number | null = null;
    // Checks are once a simulated second: read the count the simulation sees at the start of those ticks.
    while (sim.timeS <= 120) {
      const safe = sim.metrics().safe;
      if (halfAt === null && safe / residents >= 0.5) halfAt = sim.timeS;
      if (tenAt === null && safe >= 10 && safe <= 20) tenAt = sim.timeS;
      sim.step(Math.round(1 / sim.tickS));
    }
    expect(halfAt).not.toBeNull();
    const views = Object.fromEntries(sim.injects().map((v) => [v.id, v]));
    expect(views['half-out']).toMatchObject({ status: 'fired', firedS: halfAt });
    expect(views['ten-out']).toMatchObject({ status: 'fired', firedS: tenAt });
    expect(views['nobody-hurt'].status).toBe('pending');
  });

  it('"still at home" fires at its time only if enough residents of the zone have not left', () => {
    // Everyone lives in the west half; the order comes at 20 s and they leave at once (no pre-movement).
    const scenario = hall({
      timeline: [{ atS: 20, kind: 'evacuate' }],
      injects: [
        { id: 'early', atS: 10, title: 'All home at 10 s', condition: { kind: 'stillHome', zone: 'west-half', shareAtLeast: 1 } },
        { id: 'late', atS: 60, title: 'Half home at 60 s', condition: { kind: 'stillHome', zone: 'west-half', shareAtLeast: 0.5 } },
        { id: 'everyone', atS: 15, title: 'Everyone home', condition: { kind: 'stillHome', zone: 'all', shareAtLeast: 1 } },
      ],
    });
    const sim = createSimulation(scenario, { seed: 3 });
    sim.step(Math.round(60 / sim.tickS));
    const moved = Array.from(sim.snapshot().residentState).filter((s) => s !== ResidentState.Idle && s !== ResidentState.Preparing).length;
    // By 60 s more than half are on their way or out: the late inject waits for a condition that will not come back.
    expect(moved).toBeGreaterThan(sim.metrics().residents / 2);
    sim.step(200);
    const views = Object.fromEntries(sim.injects().map((v) => [v.id, v]));
    expect(views.early).toMatchObject({ status: 'fired', firedS: 10 });
    expect(views.everyone).toMatchObject({ status: 'fired', firedS: 15 });
    expect(views.late).toMatchObject({ status: 'pending', dueS: 60 });
  });

  it('"after" fires a set time after another inject, and never after a skipped one', () => {
    const scenario = hall({
      injects: [
        { id: 'first', atS: 12, title: 'First' },
        { id: 'second', title: 'Second', condition: { kind: 'after', inject: 'first', afterS: 30 } },
        { id: 'reserve', title: 'In reserve' },
        { id: 'after-reserve', title: 'After the reserve', condition: { kind: 'after', inject: 'reserve' } },
      ],
    });
    const sim = createSimulation(scenario, { seed: 1 });
    sim.apply([{ kind: 'skipInject', inject: 'reserve' }]);
    sim.step(Math.round(100 / sim.tickS));
    const views = Object.fromEntries(sim.injects().map((v) => [v.id, v]));
    expect(views.second).toMatchObject({ status: 'fired', firedS: 42 });
    expect(views.reserve).toMatchObject({ status: 'skipped', skippedS: 0 });
    expect(views['after-reserve'].status).toBe('pending');
  });

  it('a phase inject fires when the run enters the phase', () => {
    // Without organisations the response starts when the community decides to warn (here a plan activated at 7 s).
    const scenario = hall({
      timeline: [{ atS: 7, kind: 'activatePlan' }],
      injects: [{ id: 'response', title: 'Response begins', condition: { kind: 'phase', phase: 'response' } }],
    });
    const sim = createSimulation(scenario, { seed: 1 });
    sim.step(Math.round(20 / sim.tickS));
    expect(sim.metrics().phase).toBe('response');
    expect(sim.injects()[0]).toMatchObject({ status: 'fired', firedS: 7 });
  });
});
