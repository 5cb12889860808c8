import { useSyncExternalStore } from 'react';
import type { OutboxSummary } from '../../contract/outbox';

/**
 * The outbox as the service worker last reported it, for the screens. Apart from outbox-client.ts
 * (which listens to the worker) so the attract screen can show it without loading that client.
 */
let summary: OutboxSummary | null = null;
const listeners = new Set<() => void>();

export const outboxSummary = () => summary;

export function setOutboxSummary(next: OutboxSummary): void {
  summary = next;
  listeners.forEach((l) => l());
}

/** Null before the worker has reported (or without a worker). */
export function useOutbox(): OutboxSummary | null {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    outboxSummary,
    () => null,
  );
}
