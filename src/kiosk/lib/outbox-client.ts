import * as z from 'zod/mini';
import { HeartbeatSchema, type Heartbeat } from '../../contract/kiosk-api';
import { WorkerMessageSchema, type OutboxSummary, type PageMessage, type TapEntry } from '../../contract/outbox';
import { kioskRequest } from './api-client';
import { readDevice } from './device-store';
import { outboxSummary, setOutboxSummary } from './outbox-summary';
import { onWakeLockChange, wakeLockState } from './use-wake-lock';

/** While anything waits, the page asks the worker to replay this often (a worker has no timers that survive it being stopped). */
const REPLAY_EVERY_MS = 15_000;
const HEARTBEAT_EVERY_MS = 60_000;

function post(message: PageMessage): void {
  navigator.serviceWorker?.controller?.postMessage(message);
}

/** Staff "send now" and the network coming back: try every waiting tap now, backoff or not. */
export const requestReplay = (force = true) => post({ type: 'OUTBOX_REPLAY', force });
export const discardRejected = (clientId: string) => post({ type: 'OUTBOX_DISCARD', clientId });

const HEARTBEAT_MIN_GAP_MS = 5_000;
let lastBeat = 0;
let beatTimer: number | undefined;

/** Staff see a change in the outbox on the admin page within seconds, not at the next minute. */
function beatSoon() {
  if (beatTimer !== undefined) return;
  beatTimer = window.setTimeout(
    () => {
      beatTimer = undefined;
      void heartbeat();
    },
    Math.max(0, lastBeat + HEARTBEAT_MIN_GAP_MS - Date.now()),
  );
}

/** Refused taps whose local edit of the tablet's copy was already undone (once each). */
const undone = new Set<string>();

/**
 * A tap queued offline changed the tablet's copy at once (the member checked in); when the gateway
 * later refuses it, nothing changes at the server, so no feed would ever correct that copy: undo it
 * here, or the member stays "in" on this tablet (offered check-out, on the offline roll-call).
 */
function undoRefusedTaps(summary: OutboxSummary) {
  const refused = summary.entries
    .filter((e): e is TapEntry => e.kind !== 'walk-in')
    .filter((e) => e.state === 'rejected' && !undone.has(e.clientId));
  if (refused.length === 0) return;
  for (const entry of refused) undone.add(entry.clientId);
  void import('./offline-decide')
    .then(async (m) => {
      for (const entry of refused) await m.undoRefusedTap(entry.tap);
    })
    .catch(() => undefined);
}

function setSummary(next: OutboxSummary) {
  const summary = outboxSummary();
  const changed = !summary || summary.pending + summary.sending !== next.pending + next.sending || summary.rejected !== next.rejected;
  setOutboxSummary(next);
  undoRefusedTaps(next);
  if (changed) beatSoon();
}

async function heartbeat(): Promise<void> {
  if (!readDevice()) return;
  lastBeat = Date.now();
  const summary = outboxSummary();
  const beat: Heartbeat = HeartbeatSchema.parse({
    outboxPending: (summary?.pending ?? 0) + (summary?.sending ?? 0),
    outboxRejected: summary?.rejected ?? 0,
    outboxOldestAt: summary?.oldestQueuedAt ?? null,
    appVersion: __APP_VERSION__,
    wakeLock: wakeLockState(),
  });
  await kioskRequest('/device/heartbeat', z.null(), { method: 'POST', body: beat }).catch(() => undefined);
}

/**
 * The replay triggers that belong to the page: start-up, the browser coming back online, a timer
 * while anything waits, and staff "send now" (requestReplay). Also asks for persistent storage
 * and reports the outbox to the gateway with a heartbeat. Started once the page has loaded
 * (main.tsx); the worker replays on its own start-up too.
 */
export function startOutbox(): void {
  if (!('serviceWorker' in navigator)) return;
  void navigator.storage?.persist?.().catch(() => false);
  navigator.serviceWorker.addEventListener('message', (event: MessageEvent) => {
    const message = WorkerMessageSchema.safeParse(event.data);
    if (message.success && message.data.type === 'OUTBOX_CHANGED') setSummary(message.data.summary);
  });
  const kick = () => {
    post({ type: 'OUTBOX_STATUS' });
    requestReplay();
  };
  void navigator.serviceWorker.ready.then(kick);
  navigator.serviceWorker.addEventListener('controllerchange', kick);
  window.addEventListener('online', kick);
  window.setInterval(() => {
    const summary = outboxSummary();
    if (summary && summary.pending + summary.sending > 0) requestReplay(false);
  }, REPLAY_EVERY_MS);
  window.setInterval(() => void heartbeat(), HEARTBEAT_EVERY_MS);
  // The admin page hears soon when the screen wakes or sleeps (or the browser refuses the lock).
  onWakeLockChange(beatSoon);
  void navigator.serviceWorker.ready.then(() => setTimeout(() => void heartbeat(), 2_000));
}
