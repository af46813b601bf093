import { describe, expect, it } from 'vitest';
import { type Command, CommandError, createSimulation } from '../../sim/index';
import { replayCommands } from '../../workers/replayCommands';
import { hall } from './hall';

const scenario = hall({
  timeline: [{ atS: 40, kind: 'evacuate' }],
  injects: [
    { id: 'call', atS: 30, title: 'A resident calls' },
    { id: 'smoke', atS: 50, title: 'Smoke in the stairwell', effects: [{ kind: 'closeExit', place: 'gate' }] },
    { id: 'crowd', title: 'Crowd at the gate', condition: { kind: 'crowding', place: 'gate', abovePersonsPerM2: 0.5, forS: 2 } },
    { id: 'reserve', title: 'In reserve', effects: [{ kind: 'message', title: 'The caretaker arrives' }] },
  ],
});

const statusOf = (sim: ReturnType<typeof createSimulation>, id: string) => sim.injects().find((v) => v.id === id);

describe('the facilitator fires, delays and skips injects', () => {
  it('a delay puts a timed inject off from its due time; another delay adds to it', () => {
    const sim = createSimulation(scenario, { seed: 1 });
    sim.step(Math.round(10 / sim.tickS));
    sim.apply([{ kind: 'delayInject', inject: 'call', byS: 60 }]);
    sim.step(1);
    expect(statusOf(sim, 'call')).toMatchObject({ status: 'pending', dueS: 90 });
    sim.apply([{ kind: 'delayInject', inject: 'call', byS: 300 }]);
    sim.step(Math.round(200 / sim.tickS));
    expect(statusOf(sim, 'call')).toMatchObject({ status: 'pending', dueS: 390 });
    sim.step(Math.round(200 / sim.tickS));
    expect(statusOf(sim, 'call')).toMatchObject({ status: 'fired', firedS: 390 });
  });

  it('a delayed conditional inject waits for its new time even though its condition holds', () => {
    // The gate stays open (no smoke): people queue at it once the order comes at 40 s.
    const keepGateOpen: Command = { kind: 'skipInject', inject: 'smoke' };
    const undelayed = createSimulation(scenario, { seed: 1 });
    undelayed.apply([keepGateOpen]);
    undelayed.step(Math.round(120 / undelayed.tickS));
    expect(statusOf(undelayed, 'crowd')?.firedS).toBeGreaterThan(40);

    const sim = createSimulation(scenario, { seed: 1 });
    sim.apply([keepGateOpen]);
    sim.step(Math.round(40 / sim.tickS));
    sim.apply([{ kind: 'delayInject', inject: 'crowd', byS: 300 }]);
    sim.step(Math.round(100 / sim.tickS));
    expect(statusOf(sim, 'crowd')).toMatchObject({ status: 'pending', dueS: 340 });
  });

  it('a skipped inject never fires and its effects never happen', () => {
    const sim = createSimulation(scenario, { seed: 1 });
    sim.step(4);
    sim.apply([{ kind: 'skipInject', inject: 'smoke' }]);
    sim.step(Math.round(100 / sim.tickS));
    expect(statusOf(sim, 'smoke')).toMatchObject({ status: 'skipped', skippedS: 1, firedS: null });
    expect(sim.snapshot().closedPlaces).toEqual([]);
    expect(sim.events().some((e) => e.title === 'Smoke in the stairwell')).toBe(false);
  });

  it('refuses to fire, delay or skip an inject twice, or one the scenario does not have', () => {
    const sim = createSimulation(scenario, { seed: 1 });
    sim.apply([{ kind: 'fireInject', inject: 'reserve' }]);
    sim.step(1);
    expect(() => sim.apply([{ kind: 'fireInject', inject: 'reserve' }])).toThrow(
      new CommandError('inject "reserve" already fired at 0 s; each inject fires at most once'),
    );
    expect(() => sim.apply([{ kind: 'delayInject', inject: 'reserve', byS: 60 }])).toThrow(/already fired/);
    sim.apply([{ kind: 'skipInject', inject: 'call' }]);
    sim.step(1);
    expect(() => sim.apply([{ kind: 'fireInject', inject: 'call' }])).toThrow(/inject "call" was skipped at 0.25 s/);
    expect(() => sim.apply([{ kind: 'fireInject', inject: 'cal' }])).toThrow(/no inject has the id "cal" \(use one of: call, smoke, crowd, reserve\)/);
    expect(() => sim.apply([{ kind: 'delayInject', inject: 'smoke', byS: 0 }])).toThrow(/byS: delay by more than 0 s/);
    expect(
      sim
        .events()
        .filter((e) => e.kind === 'inject')
        .map((e) => e.title),
    ).toEqual(['In reserve']);
  });
});

describe('drills with inject commands replay exactly', () => {
  const commands: { tick: number; command: Command }[] = [
    { tick: 20, command: { kind: 'delayInject', inject: 'call', byS: 60 } },
    { tick: 40, command: { kind: 'fireInject', inject: 'reserve' } },
    { tick: 90, command: { kind: 'skipInject', inject: 'smoke' } },
    { tick: 130, command: { kind: 'fireInject', inject: 'smoke' } },
  ];
  const until = 600;

  function live(entries: typeof commands) {
    const sim = createSimulation(scenario, { seed: 5 });
    for (const { tick, command } of entries) {
      sim.step(tick - sim.tick);
      try {
        sim.apply([command]);
      } catch (error) {
        if (!(error instanceof CommandError)) throw error;
      }
    }
    sim.step(until - sim.tick);
    return sim;
  }

  it('the same commands give the same hash, and replaying the log gives it again', () => {
    const first = live(commands);
    const second = live(commands);
    expect(second.hash()).toBe(first.hash());
    const replayed = createSimulation(scenario, { seed: 5 });
    // The last command was refused live (the inject was skipped): the log holds only those applied.
    expect(first.commandLog().map((c) => c.command.kind)).toEqual(['delayInject', 'fireInject', 'skipInject']);
    expect(replayCommands(replayed, first.commandLog(), until)).toEqual({ ok: true });
    expect(replayed.hash()).toBe(first.hash());
    expect(replayed.injects()).toEqual(first.injects());
  });

  it('the hash tells apart runs whose injects differ, even before they change the world', () => {
    const plain = live([]);
    const delayed = live([{ tick: 20, command: { kind: 'delayInject', inject: 'call', byS: 1000 } }]);
    // The call is only a message: residents do the same either way, the inject's state differs.
    expect(Array.from(delayed.snapshot().residentXY)).toEqual(Array.from(plain.snapshot().residentXY));
    expect(delayed.hash()).not.toBe(plain.hash());
  });
});
