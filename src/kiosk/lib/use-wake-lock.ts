import { useEffect } from 'react';
import type { WakeLockState } from '../../contract/kiosk-api';

let state: WakeLockState = 'wakeLock' in navigator ? 'asleep' : 'unsupported';
const listeners = new Set<() => void>();

/** What the screen's wake lock is doing now (reported to the gateway with the heartbeat, shown on the admin page). */
export const wakeLockState = (): WakeLockState => state;
export function onWakeLockChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
function setState(next: WakeLockState) {
  if (state === next) return;
  state = next;
  listeners.forEach((listener) => listener());
}

/**
 * Keeps a reception tablet's screen on while `wanted` (the location is open, or someone is using
 * the tablet) and the kiosk is visible, where the browser allows it; lets it go otherwise, so the
 * tablet's own screen timeout can turn the screen off overnight.
 */
export function useWakeLock(wanted: boolean): void {
  useEffect(() => {
    if (!('wakeLock' in navigator)) return setState('unsupported');
    if (!wanted) return setState('asleep');
    let lock: WakeLockSentinel | undefined;
    let stopped = false;
    const acquire = () => {
      if (document.visibilityState !== 'visible' || (lock && !lock.released)) return;
      navigator.wakeLock.request('screen').then(
        (sentinel) => {
          if (stopped) return void sentinel.release().catch(() => undefined);
          lock = sentinel;
          setState('awake');
        },
        () => !stopped && setState('refused'),
      );
    };
    acquire();
    document.addEventListener('visibilitychange', acquire);
    return () => {
      stopped = true;
      document.removeEventListener('visibilitychange', acquire);
      void lock?.release().catch(() => undefined);
    };
  }, [wanted]);
}

/** The wake lock as a component, so that it can load after the first screen (app/keep-fresh). */
export function WakeLock({ wanted }: { wanted: boolean }): null {
  useWakeLock(wanted);
  return null;
}
