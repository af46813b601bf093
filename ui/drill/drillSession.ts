import type { Command, ScenarioError } from '../../sim/index';
import type { DrillController } from '../drillController';
import { formatClock } from '../format';
import { type MessageKey, t } from '../i18n/index';
import type { SimRemote } from '../simClient';
import type { DrillStore } from '../store';
import { type DrillRecord, lastTickOf, parseRecord, RECORD_FORMAT, RECORD_FORMAT_VERSION, replayEntries, scenarioContentHash } from './recordFormat';
import type { RecordHeader, RecordStore } from './recordStore';
import { drillKindOf, mayGive, type Role, rolesAllowed, type TraineeRole } from './roles';
import { findShippedScenario } from './shippedScenarios';

/** How often a playing drill saves the moment it has reached, ms of real time. */
const CHECKPOINT_EVERY_MS = 2000;
/** After a pause or a step, the moment is saved this soon, ms. */
const CHECKPOINT_PAUSED_MS = 100;
/** Largest record file read, bytes. */
const MAX_RECORD_BYTES = 64 * 1024 * 1024;

export interface StartOptions {
  text: string;
  /** File name the scenario came from. */
  source: string;
  strategy?: string;
  seed: number;
  sessionName: string;
  roles: TraineeRole[];
}

export type GiveResult = { ok: true } | { ok: false; message: string };

interface Active {
  id: string;
  header: RecordHeader;
  nextSeq: number;
  tickS: number;
}

/** The i18n key of a role's name. */
export const roleKey = (role: Role): MessageKey => `role.${role}` as const;

/**
 * The drill under way: starting it, giving commands (saved to the record before the worker applies them),
 * saving the moment reached, resuming after a reload, export, import and the end. One at a time: commands
 * and saves queue behind each other, so the record's order is the order of application.
 */
export function createDrillSession(remote: SimRemote, store: DrillStore, drill: DrillController, records: RecordStore | null) {
  let active: Active | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  let checkpointTimer: ReturnType<typeof setTimeout> | null = null;
  let statusKey = 0;

  function serial<T>(task: () => Promise<T>): Promise<T> {
    const next = queue.then(task, task);
    queue = next.catch(() => undefined);
    return next;
  }

  const now = () => new Date().toISOString();

  function status(ok: boolean, text: string): void {
    store.setState({ commandStatus: { ok, text, key: ++statusKey } });
  }

  function publishActive(): void {
    if (!active) {
      store.setState({ drill: null });
      return;
    }
    const previous = store.getState().drill;
    store.setState({
      drill: {
        id: active.id,
        sessionName: active.header.session.name,
        roles: active.header.session.roles,
        entries: active.nextSeq,
        reachedTick: active.header.reached?.tick ?? null,
      },
      // Keep the seat when the same drill is published again.
      ...(previous?.id === active.id ? {} : { actingRole: active.header.session.roles[0] ?? 'facilitator' }),
    });
  }

  function failure(what: 'scenario' | 'record', source: string, errors: ScenarioError[]): false {
    store.setState({ loadFailure: { what, source, errors } });
    return false;
  }

  async function start(options: StartOptions): Promise<boolean> {
    if (!records) {
      drill.notify(t('drill.noStorage'));
      return false;
    }
    // Save where the current drill stands; it ends only once the new scenario has loaded.
    const previous = active;
    if (previous) await checkpoint();
    active = null;
    if (!(await drill.load({ text: options.text, source: options.source, seed: options.seed, strategy: options.strategy }))) {
      active = previous;
      return false;
    }
    if (previous) await discard(previous.id);
    const info = store.getState().info;
    if (!info) return false;
    const header: RecordHeader = {
      format: RECORD_FORMAT,
      formatVersion: RECORD_FORMAT_VERSION,
      session: { name: options.sessionName, roles: options.roles, startedAt: now() },
      scenario: { id: info.id, title: info.title, contentHash: scenarioContentHash(options.text), source: options.source },
      strategy: info.strategy,
      seed: info.seed,
    };
    const id = newDrillId();
    try {
      await records.create(id, { ...header, entries: [] }, options.text);
    } catch (error) {
      drill.notify(t('drill.notSaved', { message: messageOf(error) }));
      return false;
    }
    active = { id, header, nextSeq: 0, tickS: info.tickS };
    publishActive();
    store.setState({ commandStatus: null, resumeOffer: null });
    scheduleCheckpoint(false);
    return true;
  }

  /** Give a command from `role`'s seat: check it, save it to the record, then have the worker apply it. */
  function give(role: Role, command: Command): Promise<GiveResult> {
    return serial(async () => {
      const refuse = (message: string): GiveResult => {
        status(false, message);
        return { ok: false, message };
      };
      if (!active || !records) return refuse(t('command.noDrill'));
      const kind = drillKindOf(command);
      if (!mayGive(role, kind)) {
        const allowed = rolesAllowed(kind).map((r) => t(roleKey(r)));
        return refuse(
          t('command.notYourRole', {
            role: t(roleKey(role)),
            command: t(`command.${kind}` as const),
            allowed: allowed.length ? allowed.join(t('list.separator')) : t(roleKey('facilitator')),
          }),
        );
      }
      const held = await remote.hold([command]);
      if (!held.ok) return refuse(t('command.refused', { reason: held.error }));
      const entry = { tick: held.tick, simTimeS: held.tick * active.tickS, realTime: now(), role, command };
      const seq = active.nextSeq;
      try {
        await records.append(active.id, seq, entry);
      } catch (error) {
        await remote.release();
        return refuse(t('command.notSaved', { message: messageOf(error) }));
      }
      active.nextSeq++;
      const applied = await remote.apply([command], held.tick);
      if (!applied.ok) {
        // Saved but refused by the simulation: take it back out of the record.
        await records.remove(active.id, seq).catch(() => undefined);
        active.nextSeq--;
        return refuse(t('command.refused', { reason: applied.error }));
      }
      publishActive();
      status(true, t('command.given', { command: t(`command.${kind}` as const), role: t(roleKey(role)), time: formatClock(entry.simTimeS) }));
      return { ok: true };
    });
  }

  /** Save the tick reached and its state hash, so a reload resumes here and a replay can be checked. */
  function checkpoint(): Promise<void> {
    return serial(async () => {
      if (!active || !records) return;
      const id = active.id;
      const c = await remote.checkpoint();
      const reached = { tick: c.tick, simTimeS: c.timeS, stateHash: c.hash, realTime: now() };
      await records.updateHeader(id, (header) => ({ ...header, reached }));
      if (active?.id !== id) return;
      active.header = { ...active.header, reached };
      publishActive();
    });
  }

  function scheduleCheckpoint(playing: boolean): void {
    if (checkpointTimer) {
      if (playing) return;
      clearTimeout(checkpointTimer);
    }
    checkpointTimer = setTimeout(
      () => {
        checkpointTimer = null;
        checkpoint().catch((error) => drill.notify(t('drill.notSaved', { message: messageOf(error) })));
      },
      playing ? CHECKPOINT_EVERY_MS : CHECKPOINT_PAUSED_MS,
    );
  }

  store.subscribe((state, previous) => {
    if (!active || (state.tick === previous.tick && state.playing === previous.playing)) return;
    scheduleCheckpoint(state.playing);
  });

  /** Load the record's scenario and replay its commands to its last tick; errors go to the page. */
  async function replay(record: DrillRecord, scenarioText: string, source: string): Promise<boolean> {
    drill.notify(t('drill.replaying', { count: record.entries.length }));
    const loaded = await drill.load({ text: scenarioText, source, seed: record.seed, strategy: record.strategy ?? undefined });
    if (!loaded) return false;
    const result = await remote.replay(replayEntries(record), lastTickOf(record));
    if (!result.ok) {
      return failure('record', source, [
        { path: `entries[${result.entry}]`, message: t('drill.replayFailed', { reason: result.error }), hint: t('drill.replayFailedHint') },
      ]);
    }
    const reached = await remote.checkpoint();
    const expected = record.reached;
    const differs = expected !== undefined && expected.tick === reached.tick && expected.stateHash !== reached.hash;
    drill.notify(differs ? t('drill.hashDiffers', { expected: expected.stateHash, got: reached.hash }) : null);
    return true;
  }

  /** The scenario text a record needs: saved with an earlier drill in this browser, or shipped with the app. */
  async function scenarioFor(record: DrillRecord): Promise<{ text: string; source: string } | null> {
    const saved = await records?.scenarioText(record.scenario.contentHash).catch(() => null);
    if (saved) return { text: saved, source: record.scenario.source ?? record.scenario.id };
    const shipped = await findShippedScenario(record.scenario.id, record.scenario.contentHash);
    return shipped ? { text: shipped.text, source: shipped.file } : null;
  }

  /** Rebuild a drill saved in this browser and carry on with it, paused. */
  async function resume(id: string): Promise<boolean> {
    store.setState({ resumeOffer: null });
    const stored = await records?.read(id);
    if (!stored) return false;
    const scenario = await scenarioFor(stored.record);
    if (!scenario) return failure('record', stored.record.session.name, [missingScenario(stored.record)]);
    if (!(await replay(stored.record, scenario.text, scenario.source))) return false;
    const info = store.getState().info;
    active = { id, header: withoutEntries(stored.record), nextSeq: stored.nextSeq, tickS: info?.tickS ?? 1 };
    publishActive();
    scheduleCheckpoint(false);
    return true;
  }

  /** Mark a drill ended without resuming it (it stays in the browser's storage). */
  async function discard(id: string): Promise<void> {
    store.setState({ resumeOffer: null });
    await records?.updateHeader(id, (header) => ({ ...header, session: { ...header.session, endedAt: now() } }));
  }

  /** Offer to resume the newest unfinished drill, if the browser holds one. */
  async function offerResume(): Promise<void> {
    const found = await records?.unfinished().catch(() => null);
    if (!found || found.id === active?.id) return;
    const stored = await records?.read(found.id);
    store.setState({
      resumeOffer: {
        id: found.id,
        sessionName: found.header.session.name,
        scenarioTitle: found.header.scenario.title ?? found.header.scenario.id,
        entries: stored?.record.entries.length ?? 0,
        reachedTimeS: found.header.reached?.simTimeS ?? 0,
        startedAt: found.header.session.startedAt,
      },
    });
  }

  /** The current drill's record as a JSON file's name and text, saved to the moment reached now. */
  async function exportRecord(): Promise<{ fileName: string; text: string } | null> {
    if (!active || !records) return null;
    await checkpoint();
    const stored = await records.read(active.id);
    if (!stored) return null;
    const day = stored.record.session.startedAt.slice(0, 10);
    const name = stored.record.session.name.replace(/[^\p{L}\p{N}_-]+/gu, '-').replace(/^-+|-+$/g, '') || 'drill';
    return { fileName: `${name}-${day}.drill.json`, text: `${JSON.stringify(stored.record, null, 2)}\n` };
  }

  /**
   * Import a record file and carry on from its last moment. A damaged or unusable file changes nothing:
   * its problems go to the page and the current drill goes on. A record whose replay fails after the run
   * was replaced brings the current drill back from its own record.
   */
  async function importRecord(file: File): Promise<boolean> {
    if (!records) {
      drill.notify(t('drill.noStorage'));
      return false;
    }
    if (file.size > MAX_RECORD_BYTES)
      return failure('record', file.name, [{ path: '(file)', message: t('load.tooLarge', { size: Math.round(file.size / 1024 / 1024) }) }]);
    let text: string;
    try {
      text = await file.text();
    } catch {
      return failure('record', file.name, [{ path: '(file)', message: t('load.unreadable'), hint: t('load.unreadableHint') }]);
    }
    const parsed = parseRecord(text);
    if (!parsed.ok) return failure('record', file.name, parsed.errors);
    const record = parsed.record;
    const scenario = await scenarioFor(record);
    if (!scenario) return failure('record', file.name, [missingScenario(record)]);

    const previous = active;
    const previousRequest = drill.currentRequest;
    if (previous) await checkpoint();
    active = null;
    if (!(await replay(record, scenario.text, scenario.source))) {
      // The failure stays on the page; bring back what ran before.
      const failed = store.getState().loadFailure;
      if (previous) await resume(previous.id);
      else if (previousRequest) await drill.load(previousRequest);
      store.setState({ loadFailure: failed && { ...failed, source: file.name } });
      return false;
    }
    const id = newDrillId();
    const { endedAt: _ended, ...session } = record.session;
    const imported: DrillRecord = { ...record, session };
    await records.create(id, imported, scenario.text);
    if (previous) await discard(previous.id);
    const info = store.getState().info;
    active = { id, header: withoutEntries(imported), nextSeq: imported.entries.length, tickS: info?.tickS ?? 1 };
    publishActive();
    scheduleCheckpoint(false);
    return true;
  }

  /** End the drill: save where it stands and mark it ended. The run stays on screen. */
  async function end(): Promise<void> {
    if (!active) return;
    const id = active.id;
    await checkpoint().catch(() => undefined);
    await discard(id);
    active = null;
    if (checkpointTimer) clearTimeout(checkpointTimer);
    checkpointTimer = null;
    publishActive();
    store.setState({ commandStatus: null });
  }

  // A tab being closed or reloaded: save the moment reached, as far as the browser lets it finish.
  globalThis.addEventListener?.('pagehide', () => {
    if (active) checkpoint().catch(() => undefined);
  });

  return {
    start,
    give,
    resume,
    discard,
    offerResume,
    exportRecord,
    importRecord,
    end,
    checkpoint,
    /** Whether drills can be recorded in this browser. */
    get canRecord(): boolean {
      return records !== null;
    },
    /** The state hash of the run now (for the test hook and the facilitator). */
    stateHash: async () => (await remote.checkpoint()).hash,
  };
}

export type DrillSession = ReturnType<typeof createDrillSession>;

function withoutEntries(record: DrillRecord): RecordHeader {
  const { entries: _entries, ...header } = record;
  return header;
}

function missingScenario(record: DrillRecord): ScenarioError {
  return {
    path: 'scenario.contentHash',
    message: t('drill.scenarioMissing', { id: record.scenario.id, hash: record.scenario.contentHash }),
    hint: t('drill.scenarioMissingHint'),
  };
}

function newDrillId(): string {
  return `drill-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
