import type { Workbox } from 'workbox-window';

type Listener = () => void;
let workbox: Workbox | undefined;
let waiting = false;
const listeners = new Set<Listener>();

/**
 * Registers the service worker. A new version waits until the kiosk is idle on its start screen
 * (applyUpdateIfWaiting), so nobody's check-in is interrupted by a reload.
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
  workbox.addEventListener('controlling', (event) => {
    if (event.isUpdate) window.location.reload();
  });
  await workbox.register();
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
