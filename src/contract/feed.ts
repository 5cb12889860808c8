import * as z from 'zod/mini';

/**
 * The tablet's copies (member directory, offline snapshot) are versioned feeds: the first sync is
 * the whole list, later ones only what changed since the tablet's version (`?since=`). A delta
 * carries the count and an id checksum of the whole list after it is applied, so a partial or
 * mixed-up copy is detected on the tablet and fetched whole again.
 */

/** Order-independent checksum of a list's ids (a partial or doubled copy does not match). */
export function idChecksum(ids: Iterable<number>): number {
  let sum = 0;
  for (const id of ids) {
    // A 32-bit integer mix (murmur3's finaliser), so that nearby ids do not cancel out.
    let h = Math.imul(id ^ (id >>> 16), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    h ^= h >>> 16;
    sum = (sum + (h >>> 0)) >>> 0;
  }
  return sum;
}

/** What a delta says about the whole list once applied: its version, size and id checksum. */
export const FeedCheckSchema = z.object({
  /** The version the tablet's copy must have for this delta to apply. */
  from: z.string(),
  version: z.string(),
  count: z.int(),
  checksum: z.int(),
  removed: z.array(z.int()),
});
export type FeedCheck = z.infer<typeof FeedCheckSchema>;

/** Whether a list with these ids is what the delta says the whole list is after it. */
export const fitsDelta = (ids: readonly number[], delta: Pick<FeedCheck, 'count' | 'checksum'>) =>
  ids.length === delta.count && idChecksum(ids) === delta.checksum;

/** Applies a delta to a list keyed by id; undefined when the result does not match the delta's check. */
export function applyDelta<T>(
  current: readonly T[],
  idOf: (item: T) => number,
  delta: FeedCheck & { upserts: readonly T[] },
): T[] | undefined {
  const byId = new Map(current.map((item) => [idOf(item), item]));
  for (const id of delta.removed) byId.delete(id);
  for (const item of delta.upserts) byId.set(idOf(item), item);
  if (!fitsDelta([...byId.keys()], delta)) return undefined;
  return [...byId.values()];
}
