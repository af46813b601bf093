import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Command } from '../../../sim/index';
import { createDrillSession } from '../../../ui/drill/drillSession';
import type { RecordStore } from '../../../ui/drill/recordStore';
import type { DrillController } from '../../../ui/drillController';
import { setLanguage } from '../../../ui/i18n/index';
import type { SimRemote } from '../../../ui/simClient';
import { createDrillStore } from '../../../ui/store';
import type { LoadedInfo } from '../../../workers/simHost';

const CLOSE: Command = { kind: 'closeExit', place: 'north-gate' };
const ORDER: Command = { kind: 'warn', channel: 'sms', content: 'evacuate', zone: 'all', target: 'nearest-safe' };

/**
 * A session over fakes of the worker, the record store and the controller that log every call in one list,
 * so the tests see the order of saving and applying.
 */
function setUp(options: { applyError?: string; appendFails?: boolean; holdError?: string } = {}) {
  // The session saves checkpoints on timers; held still here, so only the calls under test are logged.
  vi.useFakeTimers();
  setLanguage('en');
  const calls: string[] = [];
  const store = createDrillStore();
  let tick = 12;
  const remote = {
    hold: async (commands: Command[]) => {
      calls.push(`hold ${commands[0].kind}`);
      return options.holdError ? { ok: false, error: options.holdError } : { ok: true, tick };
    },
    apply: async (commands: Command[], atTick?: number) => {
      calls.push(`apply ${commands[0].kind} at ${atTick}`);
      return options.applyError ? { ok: false, error: options.applyError } : { ok: true };
    },
    release: async () => void calls.push('release'),
    checkpoint: async () => ({ tick, timeS: tick * 0.5, hash: '0123456789abcdef' }),
  } as unknown as SimRemote;
  const records = {
    create: async () => void calls.push('create'),
    append: async (_id: string, seq: number, entry: { tick: number; role: string }) => {
      calls.push(`append #${seq} tick ${entry.tick} by ${entry.role}`);
      if (options.appendFails) throw new Error('disk full');
    },
    remove: async (_id: string, seq: number) => void calls.push(`remove #${seq}`),
    updateHeader: async () => void calls.push('save header'),
  } as unknown as RecordStore;
  const info = { id: 'old-compound', title: 'Old compound', tickS: 0.5, strategy: 'top-down', seed: 3 } as LoadedInfo;
  const drill = {
    load: async () => {
      store.setState({ info });
      return true;
    },
    notify: (notice: string | null) => store.setState({ notice }),
    currentRequest: null,
  } as unknown as DrillController;
  const session = createDrillSession(remote, store, drill, records);
  return { session, store, calls, setTick: (t: number) => (tick = t) };
}

async function started(options?: Parameters<typeof setUp>[0]) {
  const context = setUp(options);
  await context.session.start({ text: '{}', source: 'old-compound.json', seed: 3, sessionName: 'Drill', roles: ['committeeDirector', 'propertyManager'] });
  context.calls.length = 0;
  return context;
}

describe('giving a drill command', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('saves the command at the held tick before the worker applies it', async () => {
    const { session, store, calls } = await started();
    expect(await session.give('propertyManager', CLOSE)).toEqual({ ok: true });
    expect(calls).toEqual(['hold closeExit', 'append #0 tick 12 by propertyManager', 'apply closeExit at 12']);
    expect(store.getState().drill?.entries).toBe(1);
    expect(store.getState().commandStatus).toMatchObject({ ok: true, text: 'Close an exit or shelter given by Property manager at 00:06.' });
  });

  it('refuses a command outside the seat’s role, naming who may give it, and touches nothing', async () => {
    const { session, store, calls } = await started();
    const answer = await session.give('propertyManager', ORDER);
    expect(answer).toEqual({
      ok: false,
      message: 'Property manager may not give "Order for a zone (evacuate or shelter in place)". Ask: Committee director.',
    });
    expect(calls).toEqual([]);
    expect(store.getState().commandStatus?.ok).toBe(false);
    expect(await session.give('facilitator', ORDER)).toEqual({ ok: true });
  });

  it('refuses a command the simulation rejects on checking, before anything is saved', async () => {
    const { session, calls } = await started({ holdError: 'no exit or shelter "moon-gate"' });
    expect(await session.give('propertyManager', CLOSE)).toEqual({ ok: false, message: 'Refused: no exit or shelter "moon-gate"' });
    expect(calls).toEqual(['hold closeExit']);
  });

  it('takes a saved command back out of the record when the simulation refuses to apply it', async () => {
    const { session, store, calls } = await started({ applyError: 'the run moved on from tick 12 to 13; give the command again' });
    const answer = await session.give('committeeDirector', ORDER);
    expect(answer.ok).toBe(false);
    expect(calls).toEqual(['hold warn', 'append #0 tick 12 by committeeDirector', 'apply warn at 12', 'remove #0']);
    expect(store.getState().drill?.entries).toBe(0);
  });

  it('does not apply a command that could not be saved, and lets time run on', async () => {
    const { session, calls } = await started({ appendFails: true });
    const answer = await session.give('committeeDirector', ORDER);
    expect(answer).toEqual({ ok: false, message: 'Not given: the drill record could not be saved (disk full).' });
    expect(calls).toEqual(['hold warn', 'append #0 tick 12 by committeeDirector', 'release']);
  });

  it('refuses commands when no drill is under way', async () => {
    const { session, calls } = setUp();
    expect((await session.give('facilitator', CLOSE)).ok).toBe(false);
    expect(calls).toEqual([]);
  });
});
