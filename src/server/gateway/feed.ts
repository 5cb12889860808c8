import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { idChecksum, type FeedCheck } from '../../contract/feed';

/** Versions of a list kept per location for deltas; a tablet further behind gets the whole list. */
const KEPT_VERSIONS = 12;

interface Published<Item> {
  version: string;
  /** Each item's content hash, by id: what a delta is computed against. */
  hashes: Map<number, string>;
  items: Map<number, Item>;
}

const hashOf = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('base64url').slice(0, 16);

/**
 * A versioned list per location (the directory's members, the snapshot's members): the same
 * content has the same version; a tablet that has version V gets only what changed since V
 * (upserts and removed ids), with the count and id checksum of the whole list to check itself.
 */
export function createFeed<Item>(idOf: (item: Item) => number) {
  const history = new Map<number, Published<Item>[]>();
  return {
    /** Records the list as it is now; `head` is the rest of the document (it changes the version too). */
    publish(businessId: number, items: readonly Item[], head: unknown): string {
      const hashes = new Map(items.map((item) => [idOf(item), hashOf(item)]));
      const version = createHash('sha256')
        .update(JSON.stringify(head))
        .update([...hashes.entries()].map(([id, h]) => `${id}:${h}`).join(','))
        .digest('base64url')
        .slice(0, 22);
      const kept = history.get(businessId) ?? [];
      if (kept.at(-1)?.version !== version) {
        kept.push({ version, hashes, items: new Map(items.map((item) => [idOf(item), item])) });
        // Only the newest keeps its items; older versions keep their hashes to diff against.
        for (const old of kept.slice(0, -1)) old.items.clear();
        history.set(businessId, kept.slice(-KEPT_VERSIONS));
      }
      return version;
    },
    /** What changed from `since` to the newest version, or undefined when `since` is not kept (send it whole). */
    delta(businessId: number, since: string): (FeedCheck & { upserts: Item[] }) | undefined {
      const kept = history.get(businessId) ?? [];
      const base = kept.find((p) => p.version === since);
      const now = kept.at(-1);
      if (!base || !now) return undefined;
      const upserts = [...now.items.values()].filter((item) => base.hashes.get(idOf(item)) !== now.hashes.get(idOf(item)));
      const removed = [...base.hashes.keys()].filter((id) => !now.hashes.has(id));
      return { from: since, version: now.version, count: now.items.size, checksum: idChecksum(now.items.keys()), removed, upserts };
    },
  };
}

/** Compressed bodies of whole documents, by version and encoding (each made once). */
const compressedCache = new Map<string, Buffer>();
const CACHE_ENTRIES = 16;

/**
 * Sends JSON compressed as the tablet accepts (Brotli, else gzip). `cacheKey` names a body that
 * does not change (a whole document's version), so it is compressed once for every tablet.
 */
export function sendCompressedJson(request: FastifyRequest, reply: FastifyReply, body: unknown, cacheKey?: string) {
  const accepts = String(request.headers['accept-encoding'] ?? '');
  const encoding = /\bbr\b/.test(accepts) ? 'br' : /\bgzip\b/.test(accepts) ? 'gzip' : undefined;
  reply.header('content-type', 'application/json; charset=utf-8').header('vary', 'accept-encoding');
  if (!encoding) return reply.send(JSON.stringify(body));
  const key = cacheKey ? `${cacheKey}:${encoding}` : undefined;
  let compressed = key ? compressedCache.get(key) : undefined;
  if (key && compressed) {
    // Most recently used last, so the cache drops the least recently used.
    compressedCache.delete(key);
    compressedCache.set(key, compressed);
  }
  if (!compressed) {
    const json = JSON.stringify(body);
    compressed =
      encoding === 'br'
        ? brotliCompressSync(json, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: json.length } })
        : gzipSync(json, { level: 6 });
    if (key) {
      compressedCache.set(key, compressed);
      while (compressedCache.size > CACHE_ENTRIES) compressedCache.delete(compressedCache.keys().next().value ?? '');
    }
  }
  return reply.header('content-encoding', encoding).send(compressed);
}
