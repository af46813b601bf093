import type { DrillRecord, RecordEntry } from './recordFormat';

/** A drill record without its entries: what changes rarely (start, checkpoints, end). */
export type RecordHeader = Omit<DrillRecord, 'entries'>;

interface DrillRow {
  id: string;
  header: RecordHeader;
}
interface EntryRow {
  drillId: string;
  seq: number;
  entry: RecordEntry;
}
interface ScenarioRow {
  contentHash: string;
  text: string;
  source: string;
}

const DB_NAME = 'resilience-drill';
const DB_VERSION = 1;
const DRILLS = 'drills';
const ENTRIES = 'entries';
const SCENARIOS = 'scenarios';

/** A drill as stored: its header, its commands in order, and the next free sequence number. */
export interface StoredDrill {
  id: string;
  record: DrillRecord;
  nextSeq: number;
}

/**
 * Drill records in IndexedDB. Each command is its own row, written in its own transaction whose completion
 * is awaited (with strict durability: on disk, not only in memory), so a command is never applied before it
 * is saved and a crash loses at most a command that was not yet applied. The scenario text is kept too, by
 * content hash, so a reloaded tab can rebuild a drill run on a scenario opened from a file.
 */
export class RecordStore {
  private constructor(private readonly db: IDBDatabase) {}

  /** Open (and on first use create) the database; rejects when the browser offers no IndexedDB. */
  static async open(factory: IDBFactory = indexedDB): Promise<RecordStore> {
    const request = factory.open(DB_NAME, DB_VERSION);
    request.onupgradeneeded = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains(DRILLS)) db.createObjectStore(DRILLS, { keyPath: 'id' });
      if (!db.objectStoreNames.contains(ENTRIES)) db.createObjectStore(ENTRIES, { keyPath: ['drillId', 'seq'] });
      if (!db.objectStoreNames.contains(SCENARIOS)) db.createObjectStore(SCENARIOS, { keyPath: 'contentHash' });
    };
    return new RecordStore(await settle(request));
  }

  /** Save a new drill with its scenario text and any entries it starts with (an imported record), in one transaction. */
  async create(id: string, record: DrillRecord, scenarioText: string): Promise<void> {
    const { entries, ...header } = record;
    await this.write([DRILLS, ENTRIES, SCENARIOS], (tx) => {
      tx.objectStore(DRILLS).put({ id, header } satisfies DrillRow);
      const scenario: ScenarioRow = { contentHash: header.scenario.contentHash, text: scenarioText, source: header.scenario.source ?? '' };
      tx.objectStore(SCENARIOS).put(scenario);
      for (const [seq, entry] of entries.entries()) tx.objectStore(ENTRIES).put({ drillId: id, seq, entry } satisfies EntryRow);
    });
  }

  /** Append one command; resolves once it is on disk. */
  append(id: string, seq: number, entry: RecordEntry): Promise<void> {
    return this.write([ENTRIES], (tx) => tx.objectStore(ENTRIES).add({ drillId: id, seq, entry } satisfies EntryRow));
  }

  /** Take back a command the simulation refused after it was saved. */
  remove(id: string, seq: number): Promise<void> {
    return this.write([ENTRIES], (tx) => tx.objectStore(ENTRIES).delete([id, seq]));
  }

  /** Change a drill's header (a checkpoint, the end) in one read-modify-write transaction. */
  updateHeader(id: string, change: (header: RecordHeader) => RecordHeader): Promise<void> {
    return this.write([DRILLS], (tx) => {
      const store = tx.objectStore(DRILLS);
      const read = store.get(id);
      read.onsuccess = () => {
        const row = read.result as DrillRow | undefined;
        if (row) store.put({ id, header: change(row.header) } satisfies DrillRow);
      };
    });
  }

  /** The most recently started drill that has not ended, if any. */
  async unfinished(): Promise<{ id: string; header: RecordHeader } | null> {
    const rows = (await settle(this.db.transaction(DRILLS).objectStore(DRILLS).getAll())) as DrillRow[];
    const open = rows.filter((row) => !row.header.session.endedAt).sort((a, b) => b.header.session.startedAt.localeCompare(a.header.session.startedAt));
    return open[0] ?? null;
  }

  /** A drill with its entries in the order they were given; null when there is no such drill. */
  async read(id: string): Promise<StoredDrill | null> {
    const tx = this.db.transaction([DRILLS, ENTRIES]);
    // Both requests go out before waiting, so they read the same moment of the store.
    const header = settle(tx.objectStore(DRILLS).get(id));
    const entries = settle(tx.objectStore(ENTRIES).getAll(IDBKeyRange.bound([id, 0], [id, Number.MAX_SAFE_INTEGER])));
    const row = (await header) as DrillRow | undefined;
    const rows = (await entries) as EntryRow[];
    if (!row) return null;
    const nextSeq = rows.length ? rows[rows.length - 1].seq + 1 : 0;
    return { id, record: { ...row.header, entries: rows.map((r) => r.entry) }, nextSeq };
  }

  /** The text of a scenario a drill ran, by its content hash. */
  async scenarioText(contentHash: string): Promise<string | null> {
    const row = (await settle(this.db.transaction(SCENARIOS).objectStore(SCENARIOS).get(contentHash))) as ScenarioRow | undefined;
    return row?.text ?? null;
  }

  private write(stores: string[], work: (tx: IDBTransaction) => void): Promise<void> {
    return new Promise((resolve, reject) => {
      const tx = this.db.transaction(stores, 'readwrite', { durability: 'strict' });
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error ?? new Error('the drill record could not be saved'));
      tx.onabort = () => reject(tx.error ?? new Error('saving the drill record was cancelled'));
      work(tx);
    });
  }
}

function settle<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error('the browser storage could not be read'));
  });
}
