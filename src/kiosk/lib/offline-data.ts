import { parse, safeParse } from 'zod/mini';
import { applyDelta } from '../../contract/feed';
import { DirectoryDeltaSchema, DirectorySchema, type Directory } from '../../contract/kiosk-api';
import { SnapshotDeltaSchema, SnapshotSchema } from '../../contract/kiosk-snapshot';
import { API_BASE, KioskApiError, isUnreachable, kioskRequest } from './api-client';
import { readDevice } from './device-store';
import { readCached, writeCached } from './offline-store';
import { applySnapshotDelta, readSnapshotMeta, replaceSnapshot, touchSnapshot } from './snapshot-store';

const DIRECTORY = 'directory';

export interface DirectoryView {
  directory: Directory;
  fetchedAt: string;
  fromCache: boolean;
}

/** `?since=` the tablet's version, when it has one: the gateway then sends only what changed. */
const since = (path: string, version: string | undefined) => (version ? `${path}?since=${encodeURIComponent(version)}` : path);
const isDelta = (json: unknown) => typeof json === 'object' && json !== null && 'from' in json;

/** The directory after a delta, or undefined when the delta does not fit this copy (it is then fetched whole). */
function directoryAfter(copy: Directory, json: unknown): Directory | undefined {
  const parsed = safeParse(DirectoryDeltaSchema, json);
  const delta = parsed.success ? parsed.data : undefined;
  if (!delta || delta.from !== copy.version) return undefined;
  const members = applyDelta(copy.members, (m) => m.id, delta);
  return members && { location: delta.location, version: delta.version, generatedAt: delta.generatedAt, members };
}

/**
 * The member directory: revalidated with its version (a 304 costs no download; a change costs
 * only the changed members), kept on the tablet, and served from there when the server cannot
 * be reached. A copy a delta does not fit (partial, or from another server) is fetched whole.
 */
export async function loadDirectory(): Promise<DirectoryView> {
  const cached = await readCached(DIRECTORY, DirectorySchema);
  const fromCache = (): DirectoryView | undefined => cached && { directory: cached.value, fetchedAt: cached.fetchedAt, fromCache: true };
  let res: Response;
  try {
    res = await fetch(`${API_BASE}${since('/directory', cached?.value.version)}`, {
      headers: {
        authorization: `Bearer ${readDevice()?.token ?? ''}`,
        ...(cached ? { 'if-none-match': `"${cached.value.version}"` } : {}),
      },
    });
  } catch {
    const offline = fromCache();
    if (offline) return offline;
    throw new KioskApiError('NETWORK', 'The server is unreachable.', 0);
  }
  const fetchedAt = new Date().toISOString();
  if (res.status === 304 && cached) {
    await writeCached(DIRECTORY, cached.value, fetchedAt);
    return { directory: cached.value, fetchedAt, fromCache: false };
  }
  const offline = res.status >= 500 ? fromCache() : undefined;
  if (offline) return offline;
  // Anything else but a fresh 200 (401, 5xx with no copy) goes through the client, which explains it.
  const json: unknown = res.ok ? await res.json() : undefined;
  const directory =
    (cached && isDelta(json) ? directoryAfter(cached.value, json) : undefined) ??
    (res.ok && !isDelta(json) ? parse(DirectorySchema, json) : await kioskRequest('/directory', DirectorySchema));
  await writeCached(DIRECTORY, directory, fetchedAt);
  return { directory, fetchedAt, fromCache: false };
}

/**
 * Refreshes the offline snapshot: only what changed since the tablet's version, applied in one
 * transaction (a delta that does not fit the copy fetches it whole); keeps the last good copy
 * when the server is unreachable.
 */
export async function refreshSnapshot(): Promise<void> {
  try {
    const version = (await readSnapshotMeta())?.version;
    const token = readDevice()?.token ?? '';
    const res = await fetch(`${API_BASE}${since('/snapshot', version)}`, {
      headers: { authorization: `Bearer ${token}`, ...(version ? { 'if-none-match': `"${version}"` } : {}) },
    }).catch(() => undefined);
    if (!res) return; // unreachable: keep the copy
    if (res.status === 304 && version) return await touchSnapshot();
    const json: unknown = res.ok ? await res.json() : undefined;
    if (version && isDelta(json)) {
      const delta = safeParse(SnapshotDeltaSchema, json);
      if (delta.success && (await applySnapshotDelta(delta.data))) return;
    }
    const snapshot = res.ok && !isDelta(json) ? parse(SnapshotSchema, json) : await kioskRequest('/snapshot', SnapshotSchema);
    await replaceSnapshot(snapshot);
  } catch (error) {
    if (!isUnreachable(error)) throw error;
  }
}
