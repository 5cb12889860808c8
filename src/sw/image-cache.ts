/**
 * Images (the location's logo, members' photos): from the tablet's cache first, so the attract
 * screen keeps its logo and the tiles their faces offline. A miss is fetched and kept; a network
 * failure with nothing cached is the browser's broken image (the tile shows initials, see
 * member-tile.tsx). Bounded: past MAX_IMAGES the oldest kept are dropped (they come back from the
 * network the next time they are shown).
 */
const CACHE = 'tapdesk-images-v1';
const MAX_IMAGES = 2_000;

export async function cachedImage(request: Request): Promise<Response> {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(request);
  if (hit) return hit;
  const response = await fetch(request);
  // Opaque (status 0): another origin's image without CORS, which the browser may still show.
  if (response.ok || response.type === 'opaque') {
    await cache.put(request, response.clone()).catch(() => undefined);
    void trim(cache);
  }
  return response;
}

async function trim(cache: Cache): Promise<void> {
  const keys = await cache.keys();
  for (const key of keys.slice(0, Math.max(0, keys.length - MAX_IMAGES))) await cache.delete(key);
}
