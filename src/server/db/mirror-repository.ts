import { z } from 'zod';
import type { Db } from './database';

export type MirrorEntity = 'Business' | 'TimePass' | 'TimePassTimeSlot' | 'Coworker' | 'CoworkerTimePass' | 'Checkin';

const StateRow = z.object({
  Scope: z.string(),
  FullAt: z.string().nullable(),
  SyncedAt: z.string().nullable(),
  Cursor: z.string().nullable(),
  Records: z.number(),
  LastError: z.string().nullable(),
  LastErrorAt: z.string().nullable(),
});
export type SyncState = z.infer<typeof StateRow>;
export interface MirroredRecord {
  Id: number;
  UpdatedOn?: string | null;
  /** Passes and check-ins are indexed by their customer. */
  CoworkerId?: number | null;
}

/** The gateway's copy of Nexudus records (as Nexudus sent them), and how far each sync has got. */
export function createMirrorRepository(db: Db) {
  const upsert = db.prepare(
    `INSERT INTO mirror_records (Entity, Id, UpdatedOn, Record, Owner) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (Entity, Id) DO UPDATE SET UpdatedOn = excluded.UpdatedOn, Record = excluded.Record, Owner = excluded.Owner
       WHERE Record IS NOT excluded.Record OR Owner IS NOT excluded.Owner`,
  );
  const remove = db.prepare('DELETE FROM mirror_records WHERE Entity = ? AND Id = ?');
  const all = db.prepare('SELECT Record FROM mirror_records WHERE Entity = ?').pluck();
  const one = db.prepare('SELECT Record FROM mirror_records WHERE Entity = ? AND Id = ?').pluck();
  const ids = db.prepare('SELECT Id FROM mirror_records WHERE Entity = ?').pluck();
  const owned = db.prepare('SELECT Record FROM mirror_records WHERE Entity = ? AND Owner = ?').pluck();
  const state = db.prepare('SELECT * FROM mirror_sync WHERE Scope = ?');

  const applyAll = db.transaction((entity: MirrorEntity, records: readonly MirroredRecord[], gone: readonly number[]): number => {
    let changed = 0;
    for (const r of records) changed += upsert.run(entity, r.Id, r.UpdatedOn ?? null, JSON.stringify(r), r.CoworkerId ?? null).changes;
    for (const id of gone) changed += remove.run(entity, id).changes;
    return changed;
  });

  return {
    /**
     * Stores records and forgets others, in one transaction (a sync is applied whole or not at
     * all). Returns how many records actually changed: a record sent again unchanged is not one.
     */
    apply(entity: MirrorEntity, records: readonly MirroredRecord[], gone: readonly number[] = []): number {
      return applyAll(entity, records, gone);
    },
    all<T>(entity: MirrorEntity, schema: z.ZodType<T>): T[] {
      return all.all(entity).map((json) => schema.parse(JSON.parse(String(json))));
    },
    /** A customer's passes or check-ins. */
    ownedBy<T>(entity: MirrorEntity, coworkerId: number, schema: z.ZodType<T>): T[] {
      return owned.all(entity, coworkerId).map((json) => schema.parse(JSON.parse(String(json))));
    },
    get<T>(entity: MirrorEntity, id: number, schema: z.ZodType<T>): T | undefined {
      const json = one.get(entity, id);
      return json === undefined ? undefined : schema.parse(JSON.parse(String(json)));
    },
    ids: (entity: MirrorEntity): number[] => ids.all(entity).map(Number),
    state(scope: string): SyncState | undefined {
      const row = state.get(scope);
      return row === undefined ? undefined : StateRow.parse(row);
    },
    states: (): SyncState[] =>
      db
        .prepare('SELECT * FROM mirror_sync ORDER BY Scope')
        .all()
        .map((row) => StateRow.parse(row)),
    synced(scope: string, at: string, records: number, full: boolean) {
      db.prepare(
        `INSERT INTO mirror_sync (Scope, FullAt, SyncedAt, Cursor, Records, LastError, LastErrorAt) VALUES (?, ?, ?, ?, ?, NULL, NULL)
         ON CONFLICT (Scope) DO UPDATE SET FullAt = COALESCE(excluded.FullAt, FullAt), SyncedAt = excluded.SyncedAt,
           Cursor = excluded.Cursor, Records = excluded.Records, LastError = NULL, LastErrorAt = NULL`,
      ).run(scope, full ? at : null, at, at, records);
    },
    failed(scope: string, message: string) {
      db.prepare(
        `INSERT INTO mirror_sync (Scope, LastError, LastErrorAt) VALUES (?, ?, ?)
         ON CONFLICT (Scope) DO UPDATE SET LastError = excluded.LastError, LastErrorAt = excluded.LastErrorAt`,
      ).run(scope, message.slice(0, 500), new Date().toISOString());
    },
  };
}
export type MirrorRepository = ReturnType<typeof createMirrorRepository>;
