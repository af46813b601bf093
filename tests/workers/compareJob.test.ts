import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runSweepJob } from '../../cli/sweep/sweepJob';
import { createSimulation, loadScenarioOrThrow } from '../../sim/index';
import { replayEntries } from '../../ui/drill/recordFormat';
import { createCompareHost } from '../../workers/compareHost';
import { runCompareJob } from '../../workers/compareJob';
import { playLiveDrill } from '../ui/drill/liveDrill';

const text = readFileSync('scenarios/old-compound.json', 'utf8');
const scenario = loadScenarioOrThrow(text);

describe('a comparison run', () => {
  it('without commands ends where createSimulation with the same strategy and seed ends, in a drill compare row', () => {
    const { row, refused } = runCompareJob(scenario, { variant: 'strategy:top-down', strategy: 'top-down', seed: 5, endTick: 160, entries: [] });
    const sim = createSimulation(scenario, { seed: 5, strategy: 'top-down' });
    sim.step(160);
    expect(row).toMatchObject({
      variant: 'strategy:top-down',
      strategy: 'top-down',
      seed: 5,
      ticks: 160,
      simTimeS: 80,
      stateHash: sim.hash(),
      refusedCommands: 0,
    });
    expect(refused).toEqual([]);
    // Every column of `drill compare --until-s 80` with the same seed, with the same values.
    expect(row).toMatchObject(runSweepJob(scenario, { strategy: 'top-down', seed: 5, untilS: 80 }));
  });

  it('with a drill record’s commands ends in the live drill’s state, and sends the metrics when asked', () => {
    const live = playLiveDrill(300);
    const result = runCompareJob(scenario, {
      variant: 'drill',
      strategy: live.record.strategy,
      seed: live.record.seed,
      endTick: 300,
      entries: replayEntries(live.record),
      withMetrics: true,
    });
    expect(result.row.stateHash).toBe(live.hash);
    expect(result.row.safe).toBe(live.safe);
    expect(result.metrics?.series.t.length).toBeGreaterThan(10);
  });

  it('leaves out and lists a command the run refuses, and one after the end, and runs on', () => {
    const entries = [
      { tick: 10, command: { kind: 'closeExit' as const, place: 'no-such-gate' } },
      { tick: 20, command: { kind: 'closeExit' as const, place: 'river-gate' } },
      { tick: 500, command: { kind: 'closeExit' as const, place: 'river-gate' } },
    ];
    const result = runCompareJob(scenario, { variant: 'drill', strategy: 'resilient', seed: 2, endTick: 100, entries });
    expect(result.refused.map((r) => r.entry)).toEqual([0, 2]);
    expect(result.refused[0].reason).toContain('no-such-gate');
    expect(result.refused[1].reason).toContain('after the end');
    expect(result.row.refusedCommands).toBe(2);
    const sim = createSimulation(scenario, { seed: 2, strategy: 'resilient' });
    sim.step(20);
    sim.apply([{ kind: 'closeExit', place: 'river-gate' }]);
    sim.step(80);
    expect(result.row.stateHash).toBe(sim.hash());
  });

  it('refuses a job it cannot run, naming the field and the fix', () => {
    const host = createCompareHost();
    expect(host.run({ variant: 'x', strategy: null, seed: 1, endTick: 1, entries: [] })).toEqual({ ok: false, error: 'no scenario loaded; call load first' });
    expect(host.load(text)).toEqual({ ok: true, scenario: 'old-compound' });
    const unknown = host.run({ variant: 'x', strategy: 'fly', seed: 1, endTick: 1, entries: [] });
    expect(unknown).toMatchObject({ ok: false });
    expect(!unknown.ok && unknown.error).toContain('strategy: scenario "old-compound" has no strategy "fly"; choose one of: top-down');
    const late = host.run({ variant: 'x', strategy: null, seed: 1, endTick: 1.5, entries: [] });
    expect(!late.ok && late.error).toContain('endTick: the run must end at a whole tick');
    const order = host.run({
      variant: 'x',
      strategy: null,
      seed: 1,
      endTick: 9,
      entries: [
        { tick: 5, command: { kind: 'openExit', place: 'river-gate' } },
        { tick: 2, command: { kind: 'openExit', place: 'river-gate' } },
      ],
    });
    expect(!order.ok && order.error).toBe('entries[1]: commands must be in tick order; sort them by tick');
    expect(host.load('{').ok).toBe(false);
  });
});
