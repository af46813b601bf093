import { describe, expect, it } from 'vitest';
import { type Command, createSimulation, loadScenarioOrThrow } from '../../../sim/index';
import { replayEntries } from '../../../ui/drill/recordFormat';
import { addedRange, branchEntries, branchJobs, laterEntries } from '../../../ui/review/branchPlan';
import { runCompareJob } from '../../../workers/compareJob';
import { playLiveDrill } from '../drill/liveDrill';

const END = 400;
const live = playLiveDrill(END);
const scenario = loadScenarioOrThrow(live.scenarioText);
const entries = replayEntries(live.record);
const run = { strategy: live.record.strategy, seed: live.record.seed, entries, endTick: END };
const order: Command = { kind: 'evacuate', zone: 'all', target: 'nearest-safe' };

/** Final hash of the two futures of a branch, run as the page runs them. */
function futures(tick: number, commands: Command[], keepLater: boolean) {
  const [original, branch] = branchJobs(run, { tick, commands, keepLater });
  return { original: runCompareJob(scenario, original), branch: runCompareJob(scenario, branch) };
}

describe('branching a replay', () => {
  it('keeps the record up to the tick, adds the new commands at the tick, and the later ones only when asked', () => {
    // The record's ticks: 40, 40, 95, 130, 210, 260.
    const plan = { tick: 95, commands: [order], keepLater: false };
    const branched = branchEntries(entries, plan);
    expect(branched.map((e) => e.tick)).toEqual([40, 40, 95, 95]);
    expect(branched[3].command).toBe(order);
    expect(addedRange(entries, plan)).toEqual({ from: 3, to: 4 });
    expect(laterEntries(entries, 95)).toBe(3);
    expect(branchEntries(entries, { ...plan, keepLater: true }).map((e) => e.tick)).toEqual([40, 40, 95, 95, 130, 210, 260]);
    expect(() => branchJobs(run, { tick: END + 1, commands: [], keepLater: false })).toThrow(`from 0 to ${END}`);
  });

  it('with no new command, after the last command, reproduces the original’s final hash', () => {
    const { original, branch } = futures(300, [], false);
    expect(original.row.stateHash).toBe(live.hash);
    expect(branch.row.stateHash).toBe(live.hash);
  });

  it('with no new command and the later commands kept, reproduces the original from any tick', () => {
    for (const tick of [0, 40, 100, 259]) expect(futures(tick, [], true).branch.row.stateHash, `tick ${tick}`).toBe(live.hash);
  });

  it('without the later commands, equals a replay of the record cut at the tick', () => {
    const { branch } = futures(100, [], false);
    const sim = createSimulation(scenario, { seed: live.record.seed, strategy: live.record.strategy ?? undefined });
    for (const e of entries.filter((x) => x.tick <= 100)) {
      sim.step(e.tick - sim.tick);
      sim.apply([e.command]);
    }
    sim.step(END - sim.tick);
    expect(branch.row.stateHash).toBe(sim.hash());
    expect(branch.row.stateHash).not.toBe(live.hash);
  });

  it('with a new command, ends where the drill with that command given at the tick ends', () => {
    const { original, branch } = futures(150, [order], true);
    const sim = createSimulation(scenario, { seed: live.record.seed, strategy: live.record.strategy ?? undefined });
    let given = false;
    for (const e of entries) {
      if (!given && e.tick > 150) {
        sim.step(150 - sim.tick);
        sim.apply([order]);
        given = true;
      }
      sim.step(e.tick - sim.tick);
      sim.apply([e.command]);
    }
    sim.step(END - sim.tick);
    expect(branch.refused).toEqual([]);
    expect(branch.row.stateHash).toBe(sim.hash());
    expect(branch.row.stateHash).not.toBe(original.row.stateHash);
    // Ordering everyone out at once gets more residents out by the end than the trainees' zone order did.
    expect(branch.row.safe as number).toBeGreaterThan(original.row.safe as number);
  });
});
