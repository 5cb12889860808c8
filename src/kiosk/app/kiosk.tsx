import { useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import type { DeviceInfo, MemberStatus, SubmitResult } from '../../contract/kiosk-api';
import { AttractScreen } from '../features/attract/attract-screen';
import { MemberScreen, type Identified } from '../features/checkin/member-screen';
import { ResultScreen } from '../features/checkin/result-screen';
import type { Tap } from '../features/checkin/submit-api';
import { useDirectory } from '../features/lookup/directory-api';
import { CameraScanButton } from '../features/lookup/camera-scan';
import { FindScreen } from '../features/lookup/find-screen';
import { identify } from '../features/lookup/identify-api';
import { PinScreen } from '../features/lookup/pin-screen';
import { errorText } from '../lib/error-text';
import { defaultLanguage, useI18n } from '../lib/i18n';
import { memberKeys } from '../lib/query-keys';
import { useIdle } from '../lib/use-idle';
import { useScanner } from '../lib/use-scanner';
import { useOutbox } from '../lib/outbox-client';
import { useWakeLock } from '../lib/use-wake-lock';
import { applyUpdateIfWaiting, onUpdateWaiting, updateWaiting } from '../lib/sw-updates';
import { Notice } from '../ui/screen';

export const IDLE_MS = 45_000;

const StaffScreen = lazy(() => import('../features/staff/staff-screen').then((m) => ({ default: m.StaffScreen })));
const OutboxPanel = lazy(() => import('../features/staff/outbox-panel').then((m) => ({ default: m.OutboxPanel })));

type View =
  | { name: 'attract' }
  | { name: 'find' }
  | { name: 'pin' }
  | { name: 'member'; who: Identified }
  | { name: 'result'; result: SubmitResult; tap: Tap; status: MemberStatus }
  | { name: 'staff' };

/** The kiosk's screens and the rules between them: idle reset, scanning from anywhere, updates only at rest. */
export function Kiosk({ device }: { device: DeviceInfo }) {
  const { t, setLanguage } = useI18n();
  const client = useQueryClient();
  const [view, setView] = useState<View>({ name: 'attract' });
  const [flash, setFlash] = useState<string | null>(null);
  const update = useSyncExternalStore(onUpdateWaiting, updateWaiting, () => false);
  const outbox = useOutbox();
  // Keeps the member directory and the offline snapshot fresh on the tablet, also while it rests.
  useDirectory();
  useWakeLock();

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
    identify({ method: 'card', value: code })
      .then((who) =>
        setView({
          name: 'member',
          who: { coworkerId: who.coworkerId, displayName: who.displayName, via: 'card', identityToken: who.identityToken },
        }),
      )
      .catch((error: unknown) => {
        setFlash(errorText(error, t, { UNKNOWN_CREDENTIAL: t.unknownCard }));
        setView({ name: 'find' });
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
            onStart={() => setView({ name: 'find' })}
            onStaff={() => setView({ name: 'staff' })}
          />
        );
      case 'find':
        return (
          <FindScreen
            onBack={reset}
            onUsePin={() => setView({ name: 'pin' })}
            scanButton={<CameraScanButton onScan={identifyCode} />}
            onSelect={(member) => setView({ name: 'member', who: { coworkerId: member.id, displayName: member.displayName, via: 'name' } })}
          />
        );
      case 'pin':
        return (
          <PinScreen
            onBack={() => setView({ name: 'find' })}
            onIdentified={(who) =>
              setView({
                name: 'member',
                who: { coworkerId: who.coworkerId, displayName: who.displayName, via: 'pin', identityToken: who.identityToken },
              })
            }
          />
        );
      case 'member':
        return (
          <MemberScreen
            who={view.who}
            onBack={() => setView({ name: 'find' })}
            onResult={(result, tap, status) => setView({ name: 'result', result, tap, status })}
          />
        );
      case 'result':
        return <ResultScreen result={view.result} tap={view.tap} status={view.status} onDone={reset} />;
      case 'staff':
        return (
          <Suspense fallback={null}>
            <StaffScreen device={device} onClose={reset}>
              <OutboxPanel timeZone={device.location.timeZone} />
            </StaffScreen>
          </Suspense>
        );
    }
  })();

  return (
    <>
      {flash ? (
        <div className="fixed inset-x-0 top-0 z-10 p-4">
          <Notice tone="error">{flash}</Notice>
        </div>
      ) : null}
      {screen}
    </>
  );
}
