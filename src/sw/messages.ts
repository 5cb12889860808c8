import { isWalkIn, type OutboxEntry, type OutboxEntryView, type OutboxSummary } from '../contract/outbox';
import type { OutboxStore } from './outbox-store';

/** What a page may see of an entry: no device token, and of a walk-in no e-mail or company. */
function viewOf(entry: OutboxEntry): OutboxEntryView {
  if (!isWalkIn(entry)) return { ...entry, token: '' };
  const { walkIn, ...rest } = entry;
  return { ...rest, token: '', hostId: walkIn.hostId };
}

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
    entries: entries.map(viewOf),
  };
}
