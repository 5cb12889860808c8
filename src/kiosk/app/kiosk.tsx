import { useQueryClient } from '@tanstack/react-query';
import { lazy, startTransition, Suspense, useCallback, useEffect, useState, useSyncExternalStore, type ComponentType } from 'react';
import type { DeviceInfo } from '../../contract/kiosk-api';
import { AttractScreen } from '../features/attract/attract-screen';
import { whenIdleAfterLoad } from '../lib/after-load';
import { errorText } from '../lib/error-text';
import { defaultLanguage, useI18n } from '../lib/i18n';
import { memberKeys } from '../lib/query-keys';
import { useIdle } from '../lib/use-idle';
import { useScanner } from '../lib/use-scanner';
import { useOutbox } from '../lib/outbox-summary';
import { useWakeLock } from '../lib/use-wake-lock';
import { applyUpdateIfWaiting, onUpdateWaiting, updateWaiting } from '../lib/sw-updates';
import type { VisitView } from './visit-screens';

export const IDLE_MS = 45_000;

// The attract screen is the first load; a visit's screens and the background refresh follow it (useAfterAttract).
const loadVisit = () => import('./visit-screens');
const VisitScreens = lazy(() => loadVisit().then((m) => ({ default: m.VisitScreens })));
const StaffScreen = lazy(() => import('../features/staff/staff-screen').then((m) => ({ default: m.StaffScreen })));
const OutboxPanel = lazy(() => import('../features/staff/outbox-panel').then((m) => ({ default: m.OutboxPanel })));

/**
 * Once the page has loaded and the browser is idle, or at the first touch or key if that is sooner:
 * fetches the visit's screens, ready before anyone reaches them, and the background refresh, which
 * it returns once it is here (without Suspense: a refresh that cannot load never blanks a screen).
 */
function useAfterAttract(): ComponentType | null {
  const [loaded, setLoaded] = useState<{ KeepFresh: ComponentType } | null>(null);
  useEffect(() => {
    let started = false;
    const start = () => {
      if (started) return;
      started = true;
      loadVisit().catch(() => undefined);
      import('./keep-fresh').then(
        ({ KeepFresh }) => setLoaded({ KeepFresh }),
        () => undefined,
      );
    };
    whenIdleAfterLoad(start);
    window.addEventListener('pointerdown', start, { capture: true, once: true });
    window.addEventListener('keydown', start, { capture: true, once: true });
    return () => {
      window.removeEventListener('pointerdown', start, { capture: true });
      window.removeEventListener('keydown', start, { capture: true });
    };
  }, []);
  return loaded?.KeepFresh ?? null;
}

type View = { name: 'attract' } | VisitView | { name: 'staff' };

/** The kiosk's screens and the rules between them: idle reset, scanning from anywhere, updates only at rest. */
export function Kiosk({ device }: { device: DeviceInfo }) {
  const { t, setLanguage } = useI18n();
  const client = useQueryClient();
  const [view, setView] = useState<View>({ name: 'attract' });
  const [flash, setFlash] = useState<string | null>(null);
  const update = useSyncExternalStore(onUpdateWaiting, updateWaiting, () => false);
  const outbox = useOutbox();
  const KeepFresh = useAfterAttract();
  useWakeLock();

  // A screen still loading keeps the one before it on screen rather than a blank page.
  const go = useCallback((next: View) => startTransition(() => setView(next)), []);
  const reset = useCallback(() => {
    setView({ name: 'attract' });
    setFlash(null);
    setLanguage(defaultLanguage());
    client.removeQueries({ queryKey: memberKeys.all });
  }, [client, setLanguage]);

  useIdle(IDLE_MS, reset, view.name !== 'attract');
  useEffect(() => {
    if (view.name === 'attract' && update) applyUpdateIfWaiting();
  }, [view.name, update]);
  useEffect(() => {
    document.getElementById('screen-title')?.focus();
  }, [view.name]);

  const identifyCode = (code: string) => {
    setFlash(null);
    loadVisit()
      .then((visit) => visit.identify({ method: 'card', value: code }))
      .then((who) =>
        go({
          name: 'member',
          who: { coworkerId: who.coworkerId, displayName: who.displayName, via: 'card', identityToken: who.identityToken },
        }),
      )
      .catch((error: unknown) => {
        setFlash(errorText(error, t, { UNKNOWN_CREDENTIAL: t.unknownCard }));
        go({ name: 'find' });
      });
  };
  useScanner(identifyCode, view.name !== 'staff' && view.name !== 'result');

  const screen = (() => {
    switch (view.name) {
      case 'attract':
        return (
          <AttractScreen
            location={device.location}
            pending={(outbox?.pending ?? 0) + (outbox?.sending ?? 0)}
            storageUnavailable={outbox?.available === false}
            onStart={() => go({ name: 'find' })}
            onStaff={() => go({ name: 'staff' })}
          />
        );
      case 'staff':
        return (
          <StaffScreen device={device} onClose={reset}>
            <OutboxPanel timeZone={device.location.timeZone} />
          </StaffScreen>
        );
      default:
        return <VisitScreens view={view} flash={flash} onView={go} onScan={identifyCode} onDone={reset} />;
    }
  })();

  return (
    <>
      <Suspense fallback={null}>{screen}</Suspense>
      {KeepFresh ? <KeepFresh /> : null}
    </>
  );
}
