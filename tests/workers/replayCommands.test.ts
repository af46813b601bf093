import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createSimulation, loadScenarioOrThrow } from '../../sim/index';
import { replayEntries } from '../../ui/drill/recordFormat';
import { replayCommands } from '../../workers/replayCommands';
import { createSimHost } from '../../workers/simHost';
import { DRILL_SCENARIO, playLiveDrill } from '../ui/drill/liveDrill';

const scenarioText = readFileSync(DRILL_SCENARIO, 'utf8');

describe('replaying a drill record', () => {
  it('reaches the live run’s hash, and the commands change the run', () => {
    const { record, hash } = playLiveDrill();
    const sim = createSimulation(loadScenarioOrThrow(scenarioText), { seed: record.seed, strategy: record.strategy ?? undefined });
    expect(replayCommands(sim, replayEntries(record), 300)).toEqual({ ok: true });
    expect(sim.tick).toBe(300);
    expect(sim.hash()).toBe(hash);
    expect(sim.commandLog().map((c) => c.tick)).toEqual([40, 40, 95, 130, 210, 260]);
    const untouched = createSimulation(loadScenarioOrThrow(scenarioText), { seed: record.seed, strategy: record.strategy ?? undefined });
    untouched.step(300);
    expect(untouched.hash()).not.toBe(hash);
  });

  it('gives a different hash when a command is one tick late', () => {
    const { record, hash } = playLiveDrill();
    const late = replayEntries(record).map((e, i) => (i === 2 ? { ...e, tick: e.tick + 1 } : e));
    const sim = createSimulation(loadScenarioOrThrow(scenarioText), { seed: record.seed, strategy: record.strategy ?? undefined });
    replayCommands(sim, late, 300);
    expect(sim.hash()).not.toBe(hash);
  });

  it('stops at a command the scenario cannot take, naming it', () => {
    const { record } = playLiveDrill();
    const entries = replayEntries(record);
    entries[3] = { tick: entries[3].tick, command: { kind: 'closeExit', place: 'moon-gate' } };
    const sim = createSimulation(loadScenarioOrThrow(scenarioText), { seed: record.seed, strategy: record.strategy ?? undefined });
    const result = replayCommands(sim, entries, 300);
    expect(result.ok).toBe(false);
    expect(result).toMatchObject({ entry: 3 });
    expect((result as { error: string }).error).toContain('moon-gate');
  });

  it('in the host: commands held, recorded at the held tick and applied there equal a replay', () => {
    const { record } = playLiveDrill();
    const live = createSimHost();
    expect(live.load(scenarioText, { seed: record.seed, strategy: record.strategy ?? undefined }).ok).toBe(true);
    const given: { tick: number; command: (typeof record.entries)[number]['command'] }[] = [];
    for (const entry of record.entries) {
      live.step(entry.tick - live.state().tick);
      const held = live.hold([entry.command]);
      if (!held.ok) throw new Error(held.error);
      given.push({ tick: held.tick, command: entry.command });
      expect(live.apply([entry.command], held.tick)).toEqual({ ok: true });
    }
    live.step(300 - live.state().tick);
    expect(given.map((g) => g.tick)).toEqual(record.entries.map((e) => e.tick));

    const again = createSimHost();
    again.load(scenarioText, { seed: record.seed, strategy: record.strategy ?? undefined });
    expect(again.replay(given, 300)).toEqual({ ok: true });
    expect(again.checkpoint()).toEqual(live.checkpoint());
    expect(again.checkpoint().hash).toBe(record.reached?.stateHash);
  });

  it('in the host: a held command is refused if checked wrong, and not applied once the run moved on', () => {
    const host = createSimHost();
    host.load(scenarioText, { seed: 1 });
    expect(host.hold([{ kind: 'closeExit', place: 'moon-gate' }])).toMatchObject({ ok: false });
    const held = host.hold([{ kind: 'closeExit', place: 'north-gate' }]);
    expect(held).toEqual({ ok: true, tick: 0 });
    host.step(1);
    expect(host.apply([{ kind: 'closeExit', place: 'north-gate' }], 0)).toEqual({
      ok: false,
      error: 'the run moved on from tick 0 to 1; give the command again',
    });
  });
});
