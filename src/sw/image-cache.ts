import { IMAGE_CACHE_NAME } from '../contract/caches';

/**
 * Images from other origins (the location's logo, members' photos): kept by the tablet so the
 * attract screen keeps its logo and the tiles their faces offline.
 *
 * - Only what its origin lets us read (CORS): an opaque answer may be a 404, and Chromium counts
 *   each opaque entry as megabytes of the origin's quota — the quota the outbox's taps need. An
 *   image whose origin sends no CORS header is fetched as the page asked (it shows online) and not
 *   kept (offline: the tile's initials, see ui/avatar.tsx).
 * - Only a success: a failed answer is never kept.
 * - From the cache first; an entry older than a day is refreshed in the background (a photo
 *   replaced at the same address shows by the next day).
 * - Bounded at MAX_IMAGES (oldest kept first out), checked every TRIM_EVERY new entries; photos
 *   dropped come back from the network when next shown. Cleared when the tablet is unpaired.
 * - Without storage (the browser refuses it): the network, as if there were no cache.
 */
const MAX_IMAGES = 500;
const TRIM_EVERY = 25;
const REFRESH_AFTER_MS = 24 * 60 * 60_000;
const KEPT_AT = 'x-tapdesk-kept-at';
let added = 0;

export async function cachedImage(request: Request, keepAlive: (work: Promise<unknown>) => void): Promise<Response> {
  let cache: Cache;
  let hit: Response | undefined;
  try {
    cache = await caches.open(IMAGE_CACHE_NAME);
    hit = await cache.match(request);
  } catch {
    return fetch(request);
  }
  if (hit) {
    const keptAt = Number(hit.headers.get(KEPT_AT) ?? 0);
    if (Date.now() - keptAt > REFRESH_AFTER_MS) keepAlive(keep(cache, request).catch(() => undefined));
    return hit;
  }
  return (await keep(cache, request).catch(() => undefined)) ?? fetch(request);
}

/** Fetches the image with CORS and keeps a success; undefined when its origin does not allow it (or nothing answered). */
async function keep(cache: Cache, request: Request): Promise<Response | undefined> {
  let response: Response;
  try {
    response = await fetch(request.url, { mode: 'cors', credentials: 'omit' });
  } catch {
    return undefined;
  }
  if (!response.ok) return response;
  const headers = new Headers(response.headers);
  headers.set(KEPT_AT, String(Date.now()));
  const body = await response.blob();
  const stored = new Response(body, { status: response.status, statusText: response.statusText, headers });
  try {
    await cache.put(request.url, stored.clone());
    added += 1;
    if (added % TRIM_EVERY === 0) await trim(cache);
  } catch {
    // Storage full: shown, not kept.
  }
  return stored;
}

async function trim(cache: Cache): Promise<void> {
  const keys = await cache.keys();
  for (const key of keys.slice(0, Math.max(0, keys.length - MAX_IMAGES))) await cache.delete(key);
}
