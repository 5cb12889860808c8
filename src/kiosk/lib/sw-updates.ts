import type { Workbox } from 'workbox-window';
import type { PageMessage } from '../../contract/outbox';

type Listener = () => void;
let workbox: Workbox | undefined;
let waiting = false;
const listeners = new Set<Listener>();

/** How long after a failed or missing install the kiosk registers again, doubling up to the last. */
export const REGISTER_RETRY_MS = [5_000, 15_000, 60_000, 300_000] as const;

/**
 * Registers the service worker. A new version waits until the kiosk is idle on its start screen
 * (applyUpdateIfWaiting), so nobody's check-in is interrupted by a reload.
 *
 * A tablet is rarely reloaded, so an install that fails (a fetch of the app shell failed, the
 * server restarted mid-install) is retried here until a worker controls the page; otherwise the
 * desk would run without its offline outbox until someone reloaded it.
 */
export async function registerServiceWorker(): Promise<void> {
  if (!('serviceWorker' in navigator) || !import.meta.env.PROD) return;
  // Loaded after first paint: registration is not needed to show the start screen.
  const { Workbox } = await import('workbox-window');
  workbox = new Workbox('/sw.js');
  workbox.addEventListener('waiting', () => {
    waiting = true;
    listeners.forEach((l) => l());
  });
  // Reload only when a new version takes over; the first install just starts controlling the page.
  // Counted here, not by Workbox's `isUpdate`: that says whether a worker controlled the page when it
  // registered, so a page first controlled after registering never reloaded into a later update
  // (it kept the old code beside the new worker).
  let controlled = navigator.serviceWorker.controller !== null;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (controlled) window.location.reload();
    controlled = true;
  });
  const wb = workbox;
  let attempt = 0;
  const ensure = async (): Promise<void> => {
    if (navigator.serviceWorker.controller) return;
    const registration = await navigator.serviceWorker.getRegistration('/').catch(() => undefined);
    // An install or activation under way will finish (or fail, and be seen on the next check).
    const busy = registration?.installing ?? registration?.waiting;
    if (registration?.active && !busy) {
      // Active but not controlling this page (its claim ran before the page existed): ask again.
      const claim: PageMessage = { type: 'CLAIM' };
      registration.active.postMessage(claim);
    } else if (!busy) {
      await wb.register().catch(() => undefined);
    }
    const delay = REGISTER_RETRY_MS[Math.min(attempt, REGISTER_RETRY_MS.length - 1)];
    attempt += 1;
    window.setTimeout(() => void ensure(), delay);
  };
  await wb.register().catch(() => undefined);
  window.setTimeout(() => void ensure(), REGISTER_RETRY_MS[0]);
}

export function updateWaiting(): boolean {
  return waiting;
}

export function onUpdateWaiting(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function applyUpdateIfWaiting(): void {
  if (waiting && workbox) workbox.messageSkipWaiting();
}
