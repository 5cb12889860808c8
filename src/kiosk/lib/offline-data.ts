import { parse } from 'zod/mini';
import { DirectorySchema, type Directory } from '../../contract/kiosk-api';
import { SnapshotSchema } from '../../contract/kiosk-snapshot';
import { API_BASE, KioskApiError, isUnreachable, kioskRequest } from './api-client';
import { readDevice } from './device-store';
import { readCached, writeCached } from './offline-store';

const DIRECTORY = 'directory';
const SNAPSHOT = 'snapshot';

export interface DirectoryView {
  directory: Directory;
  fetchedAt: string;
  fromCache: boolean;
}

/**
 * The member directory: revalidated with its ETag (a 304 costs no download), kept on the tablet,
 * and served from there when the server cannot be reached.
 */
export async function loadDirectory(): Promise<DirectoryView> {
  const cached = await readCached(DIRECTORY, DirectorySchema);
  const fromCache = (): DirectoryView | undefined => cached && { directory: cached.value, fetchedAt: cached.fetchedAt, fromCache: true };
  let res: Response;
  try {
    res = await fetch(`${API_BASE}/directory`, {
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
  const directory = res.ok ? parse(DirectorySchema, await res.json()) : await kioskRequest('/directory', DirectorySchema);
  await writeCached(DIRECTORY, directory, fetchedAt);
  return { directory, fetchedAt, fromCache: false };
}

/** Refreshes the offline snapshot; keeps the last good one when the server is unreachable. */
export async function refreshSnapshot(): Promise<void> {
  try {
    await writeCached(SNAPSHOT, await kioskRequest('/snapshot', SnapshotSchema));
  } catch (error) {
    if (!isUnreachable(error)) throw error;
  }
}
