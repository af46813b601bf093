import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createSimulation, loadScenarioOrThrow, type SimEvent } from '../../sim/index';
import { NO_SENT, SENT_LIMIT, sentOf } from '../../ui/sentMessages';

/** scenarios/drills/detection-drill.json: one SMS channel; the 'sensors' strategy warns on it once the smoke is seen. */
const scenario = loadScenarioOrThrow(readFileSync('scenarios/drills/detection-drill.json', 'utf8'));

describe('official messages the command post sent, read from the run’s events', () => {
  it('reads the channel and time of a headless run’s warning and of an update given as a command', () => {
    const sim = createSimulation(scenario, { seed: 3, strategy: 'sensors' });
    sim.step(Math.round(600 / sim.tickS));
    const warnedS = sim.metrics().firstOfficialWarningS;
    expect(warnedS).not.toBeNull();
    const firstBatch = sim.events().length;
    sim.apply([{ kind: 'officialUpdate', channel: 'sms' }]);
    sim.step(1);
    const updateS = (sim.commandLog()[0]?.tick ?? Number.NaN) * sim.tickS;

    // In two batches, as frames bring them.
    const events = sim.events();
    const sent = sentOf(sentOf(NO_SENT, events.slice(0, firstBatch)), events.slice(firstBatch));
    expect(sent.count).toBe(2);
    expect(sent.latest).toEqual([
      { key: 0, kind: 'warn', channel: 'sms', timeS: warnedS },
      { key: 1, kind: 'officialUpdate', channel: 'sms', timeS: updateS },
    ]);
  });

  it('keeps the count past the newest SENT_LIMIT messages, ignores other events and stays the same object without news', () => {
    const warning = (i: number): SimEvent => ({ tick: i, timeS: i / 2, kind: 'warn', title: `Warning on loud.speakers-2: evacuate (zone-${i})` });
    const others: SimEvent[] = [
      { tick: 1, timeS: 0.5, kind: 'message', title: 'Warning on sms: not an official one' },
      { tick: 1, timeS: 0.5, kind: 'rumour', title: 'A rumour is going round' },
    ];
    expect(sentOf(NO_SENT, others)).toBe(NO_SENT);
    const many = Array.from({ length: SENT_LIMIT + 7 }, (_, i) => warning(i));
    const sent = sentOf(NO_SENT, [...others, ...many]);
    expect(sent.count).toBe(SENT_LIMIT + 7);
    expect(sent.latest).toHaveLength(SENT_LIMIT);
    expect(sent.latest[0]).toEqual({ key: 7, kind: 'warn', channel: 'loud.speakers-2', timeS: 3.5 });
    expect(sentOf(sent, others)).toBe(sent);
    // A title the page cannot read still counts, without a channel.
    expect(sentOf(NO_SENT, [{ tick: 2, timeS: 1, kind: 'officialUpdate', title: 'Update' }]).latest).toEqual([
      { key: 0, kind: 'officialUpdate', channel: null, timeS: 1 },
    ]);
  });
});
