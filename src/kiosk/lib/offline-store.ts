import { openDB, type IDBPDatabase } from 'idb';
import { safeParse, type core } from 'zod/mini';

/**
 * The kiosk's own IndexedDB: read-side copies (member directory, offline snapshot) with the time
 * they were fetched. The outbox is the service worker's, in its own database. Version 2 keeps the
 * snapshot's members one record each (`snapshot-members`, by customer id), so a tap or a delta
 * writes only the members it changes; the snapshot of version 1 (one record) is dropped and
 * fetched again.
 */
let db: Promise<IDBPDatabase | null> | undefined;
export const SNAPSHOT_MEMBERS = 'snapshot-members';

export function open(): Promise<IDBPDatabase | null> {
  if (typeof indexedDB === 'undefined') return Promise.resolve(null);
  db ??= openDB('tapdesk-kiosk', 2, {
    // By what exists, not only by version: a database someone else created empty still gets its stores.
    upgrade(database, oldVersion, _newVersion, transaction) {
      if (!database.objectStoreNames.contains('cache')) database.createObjectStore('cache');
      else if (oldVersion < 2) void transaction.objectStore('cache').delete('snapshot');
      if (!database.objectStoreNames.contains(SNAPSHOT_MEMBERS)) database.createObjectStore(SNAPSHOT_MEMBERS);
    },
  }).catch(() => null);
  return db;
}

export interface Cached<T> {
  value: T;
  fetchedAt: string;
}

export async function readCached<S extends core.$ZodType>(key: string, schema: S): Promise<Cached<core.output<S>> | undefined> {
  const database = await open();
  const raw: unknown = await database?.get('cache', key).catch(() => undefined);
  if (typeof raw !== 'object' || raw === null || !('value' in raw) || !('fetchedAt' in raw) || typeof raw.fetchedAt !== 'string')
    return undefined;
  const parsed = safeParse(schema, raw.value);
  return parsed.success ? { value: parsed.data, fetchedAt: raw.fetchedAt } : undefined;
}

export async function writeCached<T>(key: string, value: T, fetchedAt = new Date().toISOString()): Promise<void> {
  const database = await open();
  await database?.put('cache', { value, fetchedAt }, key).catch(() => undefined);
}
