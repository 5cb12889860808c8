import { safeParse } from 'zod/mini';
import * as z from 'zod/mini';
import { fitsDelta } from '../../contract/feed';
import {
  LocationModelSchema,
  PassProductModelSchema,
  SnapshotMemberSchema,
  type Snapshot,
  type SnapshotDelta,
  type SnapshotMember,
} from '../../contract/kiosk-snapshot';
import { open, SNAPSHOT_MEMBERS } from './offline-store';

/** Everything of the snapshot but its members: small, read at every offline decision. */
const SnapshotMetaSchema = z.object({
  version: z.optional(z.string()),
  generatedAt: z.string(),
  fetchedAt: z.string(),
  locationId: z.int(),
  locations: z.array(LocationModelSchema),
  products: z.array(PassProductModelSchema),
});
export type SnapshotMeta = z.infer<typeof SnapshotMetaSchema>;
const META = 'snapshot-meta';

export async function readSnapshotMeta(): Promise<SnapshotMeta | undefined> {
  const raw: unknown = await (await open())?.get('cache', META).catch(() => undefined);
  const parsed = safeParse(SnapshotMetaSchema, raw);
  return parsed.success ? parsed.data : undefined;
}

/** One member's passes and open check-in, as the last sync (or a tap since) left them. */
export async function readSnapshotMember(id: number): Promise<SnapshotMember | undefined> {
  const raw: unknown = await (await open())?.get(SNAPSHOT_MEMBERS, id).catch(() => undefined);
  const parsed = safeParse(SnapshotMemberSchema, raw);
  return parsed.success ? parsed.data : undefined;
}

/** Every member of the copy, for the roll-call offline (a record that does not parse is left out). */
export async function readSnapshotMembers(): Promise<SnapshotMember[]> {
  const raw: unknown[] = (await (await open())?.getAll(SNAPSHOT_MEMBERS).catch(() => undefined)) ?? [];
  return raw.flatMap((record) => {
    const parsed = safeParse(SnapshotMemberSchema, record);
    return parsed.success ? [parsed.data] : [];
  });
}

export async function writeSnapshotMember(member: SnapshotMember): Promise<void> {
  await (await open())?.put(SNAPSHOT_MEMBERS, member, member.customer.id).catch(() => undefined);
}

const metaOf = (s: Omit<Snapshot, 'members'>, fetchedAt: string): SnapshotMeta => ({
  version: s.version,
  generatedAt: s.generatedAt,
  fetchedAt,
  locationId: s.locationId,
  locations: s.locations,
  products: s.products,
});

/** The whole snapshot, replacing the copy in one transaction. */
export async function replaceSnapshot(snapshot: Snapshot, fetchedAt = new Date().toISOString()): Promise<void> {
  const database = await open();
  if (!database) return;
  const tx = database.transaction(['cache', SNAPSHOT_MEMBERS], 'readwrite');
  const members = tx.objectStore(SNAPSHOT_MEMBERS);
  await members.clear();
  await Promise.all(snapshot.members.map((m) => members.put(m, m.customer.id)));
  await tx.objectStore('cache').put(metaOf(snapshot, fetchedAt), META);
  await tx.done;
}

/**
 * A delta applied to the copy in one transaction: only when the copy has the delta's base
 * version, and kept only when the result has the delta's count and id checksum (else nothing is
 * changed and the caller fetches the snapshot whole).
 */
export async function applySnapshotDelta(delta: SnapshotDelta, fetchedAt = new Date().toISOString()): Promise<boolean> {
  const database = await open();
  if (!database) return false;
  const tx = database.transaction(['cache', SNAPSHOT_MEMBERS], 'readwrite');
  const meta = safeParse(SnapshotMetaSchema, await tx.objectStore('cache').get(META));
  if (!meta.success || meta.data.version !== delta.from) {
    tx.abort();
    await tx.done.catch(() => undefined);
    return false;
  }
  const members = tx.objectStore(SNAPSHOT_MEMBERS);
  await Promise.all([...delta.removed.map((id) => members.delete(id)), ...delta.upserts.map((m) => members.put(m, m.customer.id))]);
  const ids = (await members.getAllKeys()).filter((k): k is number => typeof k === 'number');
  if (!fitsDelta(ids, delta)) {
    tx.abort();
    await tx.done.catch(() => undefined);
    return false;
  }
  await tx.objectStore('cache').put(metaOf({ ...delta, version: delta.version }, fetchedAt), META);
  await tx.done;
  return true;
}

/** Marks the copy as checked now (a 304: nothing changed). */
export async function touchSnapshot(fetchedAt = new Date().toISOString()): Promise<void> {
  const meta = await readSnapshotMeta();
  if (meta) await (await open())?.put('cache', { ...meta, fetchedAt }, META).catch(() => undefined);
}
