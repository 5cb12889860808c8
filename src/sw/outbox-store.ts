import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { OutboxEntrySchema, type OutboxEntry } from '../contract/outbox';

/** Where the outbox lives. IndexedDB in the service worker; memory in benchmarks. */
export interface OutboxStore {
  all(): Promise<OutboxEntry[]>;
  get(clientId: string): Promise<OutboxEntry | undefined>;
  put(entry: OutboxEntry): Promise<void>;
  delete(clientId: string): Promise<void>;
}

interface OutboxDb extends DBSchema {
  entries: { key: string; value: unknown; indexes: { seq: number } };
}

const DB_NAME = 'tapdesk-outbox';
/**
 * Bump with a migration step below, never by dropping the store: a service-worker update must
 * carry every queued tap across.
 */
const DB_VERSION = 1;

export async function openOutboxStore(): Promise<OutboxStore> {
  const db: IDBPDatabase<OutboxDb> = await openDB<OutboxDb>(DB_NAME, DB_VERSION, {
    upgrade(database, oldVersion) {
      if (oldVersion < 1) {
        const store = database.createObjectStore('entries', { keyPath: 'clientId' });
        store.createIndex('seq', 'seq');
      }
    },
  });
  const parse = (value: unknown): OutboxEntry[] => {
    const parsed = OutboxEntrySchema.safeParse(value);
    return parsed.success ? [parsed.data] : [];
  };
  return {
    all: async () => (await db.getAllFromIndex('entries', 'seq')).flatMap(parse),
    get: async (clientId) => (await db.get('entries', clientId).then((v) => (v === undefined ? [] : parse(v))))[0],
    put: async (entry) => {
      await db.put('entries', entry);
    },
    delete: async (clientId) => {
      await db.delete('entries', clientId);
    },
  };
}

/**
 * The outbox as the worker sees it: read from IndexedDB once, then from memory; every write still
 * goes to IndexedDB, and is done only when IndexedDB has it. The worker is the outbox's only writer
 * (pages talk to it by message), so memory and disk agree. Saves a member's tap two IndexedDB
 * reads, and the summary every page is sent, a read and a parse of every entry.
 */
export function cachedOutboxStore(inner: OutboxStore): OutboxStore & { reload(): Promise<void> } {
  let loaded: Promise<Map<string, OutboxEntry>> | null = null;
  let changedDuringReload: Map<string, OutboxEntry | undefined> | null = null;
  const entries = () => {
    loaded ??= inner.all().then(
      (all) => new Map(all.map((e) => [e.clientId, e])),
      (error: unknown) => {
        loaded = null; // try the disk again next time
        throw error;
      },
    );
    return loaded;
  };
  /**
   * Memory follows a write at once (writes are issued in call order). A write that fails puts
   * memory back — unless a later write has changed that entry since (then the later one stands).
   */
  async function write(clientId: string, next: OutboxEntry | undefined, toDisk: () => Promise<void>) {
    const memory = await entries();
    const before = memory.get(clientId);
    const written = toDisk();
    const mine = next ? structuredClone(next) : undefined;
    if (mine) memory.set(clientId, mine);
    else memory.delete(clientId);
    changedDuringReload?.set(clientId, mine);
    try {
      await written;
    } catch (error) {
      if (memory.get(clientId) === mine) {
        if (before) memory.set(clientId, before);
        else memory.delete(clientId);
      }
      throw error;
    }
  }
  return {
    /**
     * Reads IndexedDB again: after a worker update, the worker before this one may have written
     * after this one first read (sw.ts calls it on activation and before a forced replay).
     */
    reload: async () => {
      const memory = await entries();
      // Writes made while the disk is read are applied again on top of what it said.
      changedDuringReload = new Map();
      try {
        const fresh = await inner.all();
        memory.clear();
        for (const entry of fresh) memory.set(entry.clientId, entry);
        for (const [clientId, entry] of changedDuringReload) {
          if (entry) memory.set(clientId, entry);
          else memory.delete(clientId);
        }
      } finally {
        changedDuringReload = null;
      }
    },
    all: async () => [...(await entries()).values()].sort((a, b) => a.seq - b.seq).map((e) => structuredClone(e)),
    get: async (clientId) => structuredClone((await entries()).get(clientId)),
    put: (entry) => write(entry.clientId, entry, () => inner.put(entry)),
    delete: (clientId) => write(clientId, undefined, () => inner.delete(clientId)),
  };
}

export function createMemoryOutboxStore(): OutboxStore {
  const entries = new Map<string, OutboxEntry>();
  return {
    all: async () => [...entries.values()].sort((a, b) => a.seq - b.seq).map((e) => structuredClone(e)),
    get: async (clientId) => structuredClone(entries.get(clientId)),
    put: async (entry) => {
      entries.set(entry.clientId, structuredClone(entry));
    },
    delete: async (clientId) => {
      entries.delete(clientId);
    },
  };
}
