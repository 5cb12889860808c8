import type { OutboxSummary } from '../contract/outbox';
import type { OutboxStore } from './outbox-store';

export async function summarise(store: OutboxStore | null): Promise<OutboxSummary> {
  if (!store) return { available: false, pending: 0, sending: 0, rejected: 0, oldestQueuedAt: null, entries: [] };
  const entries = await store.all();
  const count = (state: string) => entries.filter((e) => e.state === state).length;
  const waiting = entries.filter((e) => e.state !== 'rejected');
  return {
    available: true,
    pending: count('pending'),
    sending: count('sending'),
    rejected: count('rejected'),
    oldestQueuedAt: waiting[0]?.queuedAt ?? null,
    // Tokens stay in the worker.
    entries: entries.map((e) => ({ ...e, token: '' })),
  };
}
