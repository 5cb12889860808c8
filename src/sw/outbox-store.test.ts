import { describe, expect, it } from 'vitest';
import type { OutboxEntry } from '../contract/outbox';
import { cachedOutboxStore, createMemoryOutboxStore, type OutboxStore } from './outbox-store';

const entry = (clientId: string, seq: number): OutboxEntry => ({
  kind: 'tap',
  clientId,
  seq,
  tap: { clientId, coworkerId: 7, action: 'in', tappedAt: '2026-12-02T09:00:00.000Z', acceptedCharge: false },
  token: 't',
  memberName: 'Ada',
  state: 'pending',
  attempts: 0,
  queuedAt: '2026-12-02T09:00:00.000Z',
  nextAttemptAt: 0,
  lastError: null,
  rejection: null,
});

/** A disk that counts its reads and can be made to refuse writes (storage full). */
function disk() {
  const inner = createMemoryOutboxStore();
  const counts = { reads: 0 };
  let full = false;
  const store: OutboxStore = {
    all: () => ((counts.reads += 1), inner.all()),
    get: (id) => ((counts.reads += 1), inner.get(id)),
    put: async (e) => {
      if (full) throw new DOMException('full', 'QuotaExceededError');
      await inner.put(e);
    },
    delete: (id) => inner.delete(id),
  };
  return { inner, store, counts, fill: () => (full = true) };
}

describe('the outbox kept in memory in front of IndexedDB', () => {
  it('reads the disk once, then answers from memory; every write reaches the disk', async () => {
    const d = disk();
    await d.inner.put(entry('a', 2));
    const cached = cachedOutboxStore(d.store);
    await cached.put(entry('b', 1));
    expect((await cached.all()).map((e) => e.clientId)).toEqual(['b', 'a']);
    expect((await cached.get('a'))?.seq).toBe(2);
    await cached.delete('a');
    expect(await cached.get('a')).toBeUndefined();
    expect(d.counts.reads).toBe(1);
    expect((await d.inner.all()).map((e) => e.clientId)).toEqual(['b']);
  });

  it('hands out copies: changing what it returned changes nothing stored', async () => {
    const cached = cachedOutboxStore(disk().store);
    const written = entry('a', 1);
    await cached.put(written);
    written.state = 'rejected';
    const read = await cached.get('a');
    if (read) read.state = 'sending';
    expect((await cached.get('a'))?.state).toBe('pending');
  });

  it('a write the disk refuses fails, and memory keeps what the disk has', async () => {
    const d = disk();
    const cached = cachedOutboxStore(d.store);
    await cached.put(entry('a', 1));
    d.fill();
    await expect(cached.put({ ...entry('a', 1), state: 'rejected' })).rejects.toThrow('full');
    await expect(cached.put(entry('b', 2))).rejects.toThrow('full');
    expect((await cached.all()).map((e) => [e.clientId, e.state])).toEqual([['a', 'pending']]);
  });
});

describe('reading IndexedDB again (a worker update)', () => {
  it('sees what another worker wrote, and keeps a write made while it reads', async () => {
    const d = disk();
    const cached = cachedOutboxStore(d.store);
    await cached.put(entry('a', 1));
    // The worker before this one wrote straight to the disk after this one first read it.
    await d.inner.put(entry('old', 0));
    expect((await cached.all()).map((e) => e.clientId)).toEqual(['a']);
    const reading = cached.reload();
    await cached.put(entry('b', 2));
    await reading;
    expect((await cached.all()).map((e) => e.clientId)).toEqual(['old', 'a', 'b']);
  });

  it('a failed write does not undo a later one', async () => {
    const inner = createMemoryOutboxStore();
    let failNext: ((error: Error) => void) | undefined;
    const store: OutboxStore = {
      ...inner,
      put: (e) => (e.state === 'sending' ? new Promise<void>((_, reject) => (failNext = reject)) : inner.put(e)),
    };
    const cached = cachedOutboxStore(store);
    await cached.put(entry('a', 1));
    const marking = cached.put({ ...entry('a', 1), state: 'sending' });
    await new Promise((r) => setTimeout(r, 0));
    await cached.delete('a');
    failNext?.(new Error('full'));
    await expect(marking).rejects.toThrow('full');
    expect(await cached.get('a')).toBeUndefined();
  });
});
