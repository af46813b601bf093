import { describe, expect, it } from 'vitest';
import { createSimulation, loadScenarioOrThrow } from '../../sim/index';
import { replayEntries } from '../../ui/drill/recordFormat';
import { replayCommands } from '../../workers/replayCommands';
import { createReviewHost, type ReviewFrame } from '../../workers/reviewHost';
import { createReviewSession } from '../../workers/reviewSession';
import { playLiveDrill } from '../ui/drill/liveDrill';

const END = 600;
const live = playLiveDrill(END);
const scenario = loadScenarioOrThrow(live.scenarioText);
const entries = replayEntries(live.record);

/** The state hash of a straight replay of the record from the start to `tick`. */
function straightHash(tick: number): string {
  const sim = createSimulation(scenario, { seed: live.record.seed, strategy: live.record.strategy ?? undefined });
  const result = replayCommands(
    sim,
    entries.filter((e) => e.tick <= tick),
    tick,
  );
  if (!result.ok) throw new Error(result.error);
  return sim.hash();
}

/** Hashes at `ticks` of one run played as the live drill was: commands applied at their tick, one tick at a time. */
function liveHashes(ticks: readonly number[]): Map<number, string> {
  const sim = createSimulation(scenario, { seed: live.record.seed, strategy: live.record.strategy ?? undefined });
  const wanted = new Set(ticks);
  const hashes = new Map<number, string>();
  let next = 0;
  for (let tick = 0; tick <= END; tick++) {
    while (next < entries.length && entries[next].tick === tick) sim.apply([entries[next++].command]);
    if (wanted.has(tick)) hashes.set(tick, sim.hash());
    sim.step(1);
  }
  return hashes;
}

describe('seeking in a review replay', () => {
  it('reaches the drill’s own hash at its end, and a straight replay’s hash at every tick sought, in any order', () => {
    const session = createReviewSession({ scenario, seed: live.record.seed, strategy: live.record.strategy, entries, endTick: END }, 100);
    expect(session.final.hash()).toBe(live.hash);
    // Forward, back before a command, onto command ticks, back to the start, the end, and between checkpoints.
    const targets = [250, 95, 40, 41, 0, 600, 130, 555, 210, 260, 199];
    for (const tick of targets) {
      expect(session.seek(tick).tick).toBe(tick);
      expect(session.cursor.hash(), `tick ${tick}`).toBe(straightHash(tick));
    }
  });

  it('builds checkpoints while idle, seeks from them, and builds the one used again', () => {
    const session = createReviewSession({ scenario, seed: live.record.seed, strategy: live.record.strategy, entries, endTick: END }, 100);
    expect(session.checkpoints()).toEqual([600]);
    while (session.buildSome(70));
    expect(session.checkpoints()).toEqual([100, 200, 300, 400, 500, 600]);
    session.seek(330);
    // The checkpoint at 300 became the cursor.
    expect(session.checkpoints()).toEqual([100, 200, 400, 500, 600]);
    expect(session.cursor.hash()).toBe(straightHash(330));
    session.seek(120);
    expect(session.checkpoints()).toEqual([200, 400, 500, 600]);
    expect(session.cursor.hash()).toBe(straightHash(120));
    while (session.buildSome(70));
    expect(session.checkpoints()).toEqual([100, 200, 300, 400, 500, 600]);
    session.seek(450);
    expect(session.cursor.hash()).toBe(straightHash(450));
    expect(session.seek(5000).tick).toBe(END);
    expect(session.cursor.hash()).toBe(live.hash);
  });

  it('in the worker host: reaches the live drill’s hash at every marker, and sends the heat map with frames', () => {
    const host = createReviewHost();
    const frames: ReviewFrame[] = [];
    host.subscribe((frame) => frames.push(frame));
    const reply = host.open({ text: live.scenarioText, seed: live.record.seed, strategy: live.record.strategy, entries, endTick: END });
    if (!reply.ok) throw new Error(JSON.stringify(reply.errors));
    expect(reply.overview.finalHash).toBe(live.hash);
    const markers = reply.overview.markers;
    expect(markers.filter((m) => m.kind === 'command').map((m) => m.tick)).toEqual([40, 95, 130, 210, 260]);
    expect(new Set(markers.map((m) => m.kind))).toEqual(new Set(['command', 'decision', 'inject', 'alert']));
    // Every marker in turn (as "next marker" goes), then the commands last first (each a seek back).
    const expected = liveHashes(markers.map((m) => m.tick));
    const commandsBack = markers.filter((m) => m.kind === 'command').reverse();
    for (const marker of [...markers, ...commandsBack]) {
      expect(host.seek(marker.tick).tick).toBe(marker.tick);
      expect(host.hash(), `${marker.kind} at tick ${marker.tick}`).toBe(expected.get(marker.tick));
    }
    host.seek(40);
    host.setHeatLayer('crowd');
    const last = frames[frames.length - 1];
    expect(last.tick).toBe(40);
    // Person-minutes of crowding over 40 ticks of 0.5 s: 3,012 residents, nobody safe yet.
    const total = Array.from(last.heat?.values ?? []).reduce((a, b) => a + b, 0);
    expect(total).toBeCloseTo((3012 * 40 * 0.5) / 60, 1);
    host.close();
  });

  it('names the command a record cannot replay', () => {
    const host = createReviewHost();
    const bad = entries.map((e, i) => (i === 2 ? { ...e, command: { kind: 'closeExit' as const, place: 'moon-gate' } } : e));
    const reply = host.open({ text: live.scenarioText, seed: 1, entries: bad, endTick: END });
    expect(reply.ok).toBe(false);
    if (!reply.ok) {
      expect(reply.errors[0].path).toBe('entries[2]');
      expect(reply.errors[0].message).toContain('moon-gate');
    }
    const late = host.open({ text: live.scenarioText, seed: 1, entries, endTick: 100 });
    expect(late.ok ? '' : late.errors[0].path).toBe('endTick');
    host.close();
  });
});
