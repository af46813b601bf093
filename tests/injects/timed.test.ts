import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../sim/index';
import { hall } from './hall';

const scenario = hall({
  injects: [
    {
      id: 'smoke',
      atS: 30,
      title: 'Smoke in the corridor',
      message: 'A resident calls the committee.',
      effects: [
        { kind: 'closeExit', place: 'gate' },
        { kind: 'message', title: 'The caretaker locks the gate' },
      ],
    },
    // Between two ticks of 0.25 s: it fires at the tick nearest its time, as timeline events do.
    { id: 'odd-time', atS: 10.1, title: 'A time between ticks' },
    { id: 'reserve', title: 'Held in reserve for the facilitator', effects: [{ kind: 'openExit', place: 'gate' }] },
  ],
});

describe('timed injects', () => {
  it('fire at their time, once, with their message in the feed and their effects on the world', () => {
    const sim = createSimulation(scenario, { seed: 1 });
    // Ticks 0 to 119 run (up to 29.75 s); tick 120 starts at 30 s.
    sim.step(Math.round(30 / sim.tickS));
    expect(
      sim
        .events()
        .filter((e) => e.kind === 'inject')
        .map((e) => e.title),
    ).toEqual(['A time between ticks']);
    expect(sim.snapshot().closedPlaces).toEqual([]);
    sim.step(1);
    const fired = sim.events().filter((e) => e.timeS === 30);
    expect(fired).toEqual([
      { tick: 120, timeS: 30, kind: 'inject', title: 'Smoke in the corridor', text: 'A resident calls the committee.' },
      { tick: 120, timeS: 30, kind: 'closeExit', title: 'Closed: East gate' },
      { tick: 120, timeS: 30, kind: 'message', title: 'The caretaker locks the gate' },
    ]);
    expect(sim.snapshot().closedPlaces).toEqual(['gate']);
    sim.step(400);
    expect(sim.events().filter((e) => e.kind === 'inject')).toHaveLength(2);
    const views = Object.fromEntries(sim.injects().map((v) => [v.id, v]));
    expect(views.smoke).toMatchObject({ status: 'fired', dueS: 30, firedS: 30, effects: ['closeExit', 'message'] });
    // 10.1 s is 40.4 ticks: the nearest tick is 40, at 10 s.
    expect(views['odd-time']).toMatchObject({ status: 'fired', firedS: 10 });
    expect(views.reserve).toMatchObject({ status: 'pending', dueS: null, firedS: null });
    expect(sim.snapshot().injects).toEqual(sim.injects());
  });

  it('an inject without a time or condition fires only when the facilitator fires it', () => {
    const sim = createSimulation(scenario, { seed: 1 });
    sim.step(200);
    expect(sim.injects().find((v) => v.id === 'reserve')?.status).toBe('pending');
    sim.apply([{ kind: 'fireInject', inject: 'reserve' }]);
    sim.step(1);
    expect(sim.injects().find((v) => v.id === 'reserve')).toMatchObject({ status: 'fired', firedS: 50 });
    expect(
      sim
        .events()
        .filter((e) => e.timeS === 50)
        .map((e) => e.kind),
    ).toEqual(['inject', 'openExit']);
    expect(sim.commandLog()).toEqual([{ tick: 200, command: { kind: 'fireInject', inject: 'reserve' } }]);
  });
});
