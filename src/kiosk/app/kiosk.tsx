import { useQueryClient } from '@tanstack/react-query';
import {
  lazy,
  startTransition,
  Suspense,
  useCallback,
  useEffect,
  useState,
  useSyncExternalStore,
  type ComponentProps,
  type ComponentType,
} from 'react';
import type { DeviceInfo } from '../../contract/kiosk-api';
import { AttractScreen } from '../features/attract/attract-screen';
import { whenIdleAfterLoad } from '../lib/after-load';
import { errorText } from '../lib/error-text';
import { defaultLanguage, useI18n } from '../lib/i18n';
import { memberKeys, visitorKeys } from '../lib/query-keys';
import { useClock } from '../lib/use-clock';
import { useIdle } from '../lib/use-idle';
import { useScanner } from '../lib/use-scanner';
import { useOutbox } from '../lib/outbox-summary';
import { applyTheme } from '../lib/theme';
import { applyUpdateIfWaiting, onUpdateWaiting, updateWaiting } from '../lib/sw-updates';
import type { VisitView } from './visit-screens';
import type { VisitorStep } from './visitor-screens';

export const IDLE_MS = 45_000;
/** A walk-in waiting for their host's answer: with no answer (and no touch) for this long, the screen says reception can see them and leaves. */
export const WALK_IN_WAIT_MS = 3 * 60_000;

// The attract screen is the first load; a visit's screens and the background refresh follow it (useAfterAttract).
const loadVisit = () => import('./visit-screens');
const VisitScreens = lazy(() => loadVisit().then((m) => ({ default: m.VisitScreens })));
const loadVisitors = () => import('./visitor-screens');
const VisitorScreens = lazy(() => loadVisitors().then((m) => ({ default: m.VisitorScreens })));
const StaffScreen = lazy(() => import('../features/staff/staff-screen').then((m) => ({ default: m.StaffScreen })));
// The sleeping screen and the opening-hours rule matter only after a while at rest: they load after
// the page (with the visit's screens), not with the attract screen. Until then the screen stays awake.
let sleepModule: typeof import('../features/attract/sleep-screen') | null = null;
const loadSleep = () => import('../features/attract/sleep-screen').then((m) => (sleepModule = m));
const OutboxPanel = lazy(() => import('../features/staff/outbox-panel').then((m) => ({ default: m.OutboxPanel })));

type AfterAttract = { KeepFresh: ComponentType; WakeLock: ComponentType<{ wanted: boolean }> };

/**
 * Once the page has loaded and the browser is idle, or at the first touch or key if that is sooner:
 * fetches the visit's screens, ready before anyone reaches them, the background refresh and the
 * screen's wake lock, which it returns once they are here (without Suspense: a refresh that cannot
 * load never blanks a screen; the screen is kept on a second or two after the page shows).
 */
function useAfterAttract(): AfterAttract | null {
  const [loaded, setLoaded] = useState<AfterAttract | null>(null);
  useEffect(() => {
    let started = false;
    const start = () => {
      if (started) return;
      started = true;
      loadVisit().catch(() => undefined);
      loadVisitors().catch(() => undefined);
      loadSleep().catch(() => undefined);
      import('./keep-fresh').then(
        ({ KeepFresh, WakeLock }) => setLoaded({ KeepFresh, WakeLock }),
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
  return loaded;
}

type View = { name: 'attract' } | VisitView | { name: 'visitor'; step: VisitorStep } | { name: 'staff' };

/** Each screen its own name, so the focus moves to each new screen's heading (a visitor's steps too). */
const screenName = (view: View) => (view.name === 'visitor' ? `visitor:${view.step.name}` : view.name);
const isWaiting = (view: View) => view.name === 'visitor' && view.step.name === 'walk-in-status' && !view.step.gaveUp;

/** The kiosk's screens and the rules between them: idle reset, scanning from anywhere, updates only at rest. */
export function Kiosk({ device }: { device: DeviceInfo }) {
  const { t, setLanguage } = useI18n();
  const client = useQueryClient();
  const [view, setView] = useState<View>({ name: 'attract' });
  const [flash, setFlash] = useState<string | null>(null);
  const update = useSyncExternalStore(onUpdateWaiting, updateWaiting, () => false);
  const afterAttract = useAfterAttract();
  // Outside opening hours the attract screen sleeps and the wake lock is let go; any other screen is someone at the desk.
  const [attractAsleep, setAttractAsleep] = useState(false);
  // By value: a refreshed device record with the same colours changes nothing.
  const theme = device.location.look?.theme ?? null;
  const [brand900, brand700, brand600, brand100] = [theme?.brand900, theme?.brand700, theme?.brand600, theme?.brand100];
  useEffect(() => {
    applyTheme(brand900 && brand700 && brand600 && brand100 ? { brand900, brand700, brand600, brand100 } : null);
    return () => applyTheme(null);
  }, [brand900, brand700, brand600, brand100]);

  // A screen still loading keeps the one before it on screen rather than a blank page.
  const go = useCallback((next: View) => startTransition(() => setView(next)), []);
  // Within a visit every screen is in the chunk already shown: no transition (React would render it
  // in slices, across frames), the next screen is painted in the same frame.
  const show = useCallback((next: VisitView) => setView(next), []);
  const reset = useCallback(() => {
    setView({ name: 'attract' });
    setFlash(null);
    setLanguage(defaultLanguage());
    client.removeQueries({ queryKey: memberKeys.all });
    // What a visitor typed (name, email, code) is not kept for the next one.
    client.removeQueries({ queryKey: visitorKeys.all });
    const mutations = client.getMutationCache();
    mutations.findAll({ mutationKey: visitorKeys.all }).forEach((mutation) => mutations.remove(mutation));
  }, [client, setLanguage]);
  // A walk-in waiting for their host stops waiting here after a while: the screen says so, then leaves.
  const giveUp = useCallback(
    () =>
      setView((current) =>
        current.name === 'visitor' && current.step.name === 'walk-in-status'
          ? { ...current, step: { ...current.step, gaveUp: true } }
          : current,
      ),
    [],
  );

  const waiting = isWaiting(view);
  useIdle(waiting ? WALK_IN_WAIT_MS : IDLE_MS, waiting ? giveUp : reset, view.name !== 'attract');
  const shown = screenName(view);
  useEffect(() => {
    if (view.name === 'attract' && update) applyUpdateIfWaiting();
  }, [view.name, update]);
  useEffect(() => {
    document.getElementById('screen-title')?.focus();
  }, [shown]);

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
  // On a visitor's screens a scanned code is the visitor's (typed into the code field), never a member's card.
  useScanner(identifyCode, view.name !== 'staff' && view.name !== 'result' && view.name !== 'visitor');

  const screen = (() => {
    switch (view.name) {
      case 'attract':
        return (
          <AttractOrSleep
            onAsleep={setAttractAsleep}
            location={device.location}
            onStart={() => go({ name: 'find' })}
            onVisit={() => go({ name: 'visitor', step: { name: 'start' } })}
            onStaff={() => go({ name: 'staff' })}
          />
        );
      case 'staff':
        return (
          <StaffScreen device={device} onClose={reset}>
            <OutboxPanel timeZone={device.location.timeZone} />
          </StaffScreen>
        );
      case 'visitor':
        return (
          <VisitorScreens step={view.step} location={device.location} onStep={(step) => go({ name: 'visitor', step })} onDone={reset} />
        );
      default:
        return <VisitScreens view={view} flash={flash} onView={show} onScan={identifyCode} onDone={reset} />;
    }
  })();

  return (
    <>
      <Suspense fallback={null}>{screen}</Suspense>
      {afterAttract ? (
        <>
          <afterAttract.KeepFresh />
          <afterAttract.WakeLock wanted={!(view.name === 'attract' && attractAsleep)} />
        </>
      ) : null}
    </>
  );
}

/**
 * Outside the location's opening hours the attract screen sleeps (dark, the wake lock let go) once
 * nobody has touched it for IDLE_MS; it is awake again at opening time, or at a touch. The hours are
 * read by the location's own clock every 15 s (a tablet's clock jumps, and a timer set for 08:00
 * would not notice).
 */
function AttractOrSleep({ onAsleep, ...props }: ComponentProps<typeof AttractWithOutbox> & { onAsleep: (asleep: boolean) => void }) {
  const now = useClock(15_000);
  // Coming back to rest (or starting) counts as a touch: the screen stays up for a while first.
  const [touchedAt, setTouchedAt] = useState(() => Date.now());
  const hours = props.location.openingHours;
  // Read at each tick of the clock: the module is here long before IDLE_MS has passed.
  const sleep = sleepModule;
  const asleep = !!hours && !!sleep && !sleep.isOpenAt(hours, now, props.location.timeZone) && now.getTime() - touchedAt >= IDLE_MS;
  useEffect(() => onAsleep(asleep), [asleep, onAsleep]);
  const touched = () => setTouchedAt(Date.now());
  if (asleep) return <sleep.SleepScreen location={props.location} now={now} onWake={touched} />;
  // Any touch on the awake screen (choosing a language, say) keeps it up.
  return (
    <div className="contents" onPointerDownCapture={touched}>
      <AttractWithOutbox {...props} />
    </div>
  );
}

/**
 * The attract screen with what the outbox still has to send. Only this screen listens to the
 * outbox: a report from the worker re-renders it, never a member's screens mid-tap.
 */
function AttractWithOutbox(props: Omit<ComponentProps<typeof AttractScreen>, 'pending' | 'pendingVisitors' | 'storageUnavailable'>) {
  const outbox = useOutbox();
  // Counted from the entries (not the summary's totals): taps and walk-ins are told apart.
  const unsent = (outbox?.entries ?? []).filter((e) => e.state !== 'rejected');
  return (
    <AttractScreen
      {...props}
      pending={unsent.filter((e) => e.kind !== 'walk-in').length}
      pendingVisitors={unsent.filter((e) => e.kind === 'walk-in').length}
      storageUnavailable={outbox?.available === false}
    />
  );
}
