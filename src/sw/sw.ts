/// <reference lib="webworker" />
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { PageMessageSchema, type WorkerMessage } from '../contract/outbox';
import { handleCheckin } from './checkin-route';
import { summarise } from './messages';
import { cachedOutboxStore, openOutboxStore, type OutboxStore } from './outbox-store';
import { createReplayer, type EntryOutcome } from './replay';
import { handleWalkIn } from './walk-in-route';
import { cachedImage } from './image-cache';

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: Array<{ url: string; revision: string | null } | string> };

const SYNC_TAG = 'tapdesk-outbox';

// 1. The app shell: every built asset, so a reload works with no network. API JSON is never cached here.
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
registerRoute(new NavigationRoute(createHandlerBoundToURL('/index.html'), { denylist: [/^\/api\//, /^\/kiosk\//, /^\/health/] }));

// 2. The outbox: IndexedDB, or null where the browser will not give us storage (online-only then).
const storePromise: Promise<(OutboxStore & { reload(): Promise<void> }) | null> = openOutboxStore().then(cachedOutboxStore, () => null);
const awaited = new Map<string, (outcome: EntryOutcome) => void>();
const replayerPromise = storePromise.then((store) =>
  store
    ? createReplayer(store, {
        fetch: (url, init) => fetch(url, init),
        onOutcome: (entry, outcome) => awaited.get(entry.clientId)?.(outcome),
      })
    : null,
);
let lastSeq = 0;
const nextSeq = () => (lastSeq = Math.max(Date.now(), lastSeq + 1));

async function broadcast(): Promise<void> {
  const message: WorkerMessage = { type: 'OUTBOX_CHANGED', summary: await summarise(await storePromise) };
  for (const client of await self.clients.matchAll({ type: 'window' })) client.postMessage(message);
}

/** After a member's answer: a moment later, so the page paints the result before it reads the report. */
const REPORT_AFTER_ANSWER_MS = 150;
let reportTimer: ReturnType<typeof setTimeout> | undefined;
function broadcastSoon(): void {
  if (reportTimer !== undefined) return;
  reportTimer = setTimeout(() => {
    reportTimer = undefined;
    void broadcast();
  }, REPORT_AFTER_ANSWER_MS);
}

async function replay(force = false): Promise<void> {
  const replayer = await replayerPromise;
  if (!replayer) return;
  // Forced (start-up, activation, the network back, staff "send now"): from IndexedDB, not memory.
  if (force) await (await storePromise)?.reload().catch(() => undefined);
  await replayer.replay({ force });
  await broadcast();
}

interface SyncRegistration {
  sync?: { register(tag: string): Promise<void> };
}
function requestBackgroundSync(): void {
  // Where the browser has Background Sync it wakes us when the network returns; the page's own
  // triggers (start-up, `online`, a timer, staff "send now") work everywhere.
  void (self.registration as ServiceWorkerRegistration & SyncRegistration).sync?.register(SYNC_TAG).catch(() => undefined);
}

/** The submissions the outbox keeps: a member's tap and a walk-in's registration. */
const QUEUED_ROUTES = { '/kiosk/v1/checkins': handleCheckin, '/kiosk/v1/visitors': handleWalkIn } as const;
const isQueuedRoute = (path: string): path is keyof typeof QUEUED_ROUTES => Object.hasOwn(QUEUED_ROUTES, path);

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  // Logos and photos, from Nexudus or the operator's site (the app's own images are precached above).
  if (event.request.method === 'GET' && event.request.destination === 'image' && url.origin !== self.location.origin) {
    event.respondWith(cachedImage(event.request, (work) => event.waitUntil(work)));
    return;
  }
  if (event.request.method !== 'POST' || url.origin !== self.location.origin || !isQueuedRoute(url.pathname)) return;
  const handle = QUEUED_ROUTES[url.pathname];
  event.respondWith(
    handle(event.request, {
      store: () => storePromise,
      replayer: () => replayerPromise,
      awaited,
      nextSeq,
      changed: broadcastSoon,
      // The rest of the pass (the entry's removal, other lanes) finishes after the member's answer.
      keepAlive: (work) => event.waitUntil(work),
    }).then((response) => {
      if (response.status === 202) requestBackgroundSync();
      return response;
    }),
  );
});

self.addEventListener('message', (event) => {
  const message = PageMessageSchema.safeParse(event.data);
  if (!message.success) return;
  switch (message.data.type) {
    case 'SKIP_WAITING':
      void self.skipWaiting();
      break;
    case 'CLAIM':
      event.waitUntil(self.clients.claim());
      break;
    case 'OUTBOX_REPLAY':
      event.waitUntil(replay(message.data.force));
      break;
    case 'OUTBOX_STATUS':
      event.waitUntil(broadcast());
      break;
    case 'OUTBOX_DISCARD': {
      const clientId = message.data.clientId;
      event.waitUntil(
        storePromise.then(async (store) => {
          const entry = await store?.get(clientId);
          // Only entries staff have seen rejected can be cleared; waiting ones are never dropped.
          if (entry?.state === 'rejected') await store?.delete(clientId);
          await broadcast();
        }),
      );
      break;
    }
  }
});

self.addEventListener('sync', (event) => {
  const sync = event as ExtendableEvent & { tag?: string };
  // Not forced: Chromium fires a sync as soon as one is registered while the network is up (the
  // server may be the thing that is down), and a forced pass would defeat the backoff.
  if (sync.tag === SYNC_TAG) sync.waitUntil(replay());
});

self.addEventListener('activate', (event) => {
  event.waitUntil(self.clients.claim().then(() => replay(true)));
});
