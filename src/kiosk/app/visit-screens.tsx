import type { MemberStatus, SubmitResult } from '../../contract/kiosk-api';
import { MemberScreen, type Identified } from '../features/checkin/member-screen';
import { ResultScreen } from '../features/checkin/result-screen';
import type { Tap } from '../features/checkin/submit-api';
import { CameraScanButton } from '../features/lookup/camera-scan';
import { FindScreen } from '../features/lookup/find-screen';
import { PinScreen } from '../features/lookup/pin-screen';
import { Notice } from '../ui/screen';

// A scanned card is identified from any screen, the attract screen too.
export { identify } from '../features/lookup/identify-api';

export type VisitView =
  | { name: 'find' }
  | { name: 'pin' }
  | { name: 'member'; who: Identified }
  | { name: 'result'; result: SubmitResult; tap: Tap; status: MemberStatus };

/**
 * The screens of a visit after the attract screen: this module and what it imports are one chunk,
 * outside the first load, fetched when the page is idle after load or at the first touch or scan.
 */
export function VisitScreens({
  view,
  flash,
  onView,
  onScan,
  onDone,
}: {
  view: VisitView;
  /** Why a scanned card found nobody: shown above whichever screen follows. */
  flash: string | null;
  onView: (view: VisitView) => void;
  onScan: (code: string) => void;
  onDone: () => void;
}) {
  return (
    <>
      {flash ? (
        <div className="fixed inset-x-0 top-0 z-10 p-4">
          <Notice tone="error">{flash}</Notice>
        </div>
      ) : null}
      <VisitScreen view={view} onView={onView} onScan={onScan} onDone={onDone} />
    </>
  );
}

function VisitScreen({
  view,
  onView,
  onScan,
  onDone,
}: {
  view: VisitView;
  onView: (view: VisitView) => void;
  onScan: (code: string) => void;
  onDone: () => void;
}) {
  switch (view.name) {
    case 'find':
      return (
        <FindScreen
          onBack={onDone}
          onUsePin={() => onView({ name: 'pin' })}
          scanButton={<CameraScanButton onScan={onScan} />}
          onSelect={(member) =>
            onView({
              name: 'member',
              who: { coworkerId: member.id, displayName: member.displayName, via: 'name', photoUrl: member.photoUrl },
            })
          }
        />
      );
    case 'pin':
      return (
        <PinScreen
          onBack={() => onView({ name: 'find' })}
          onIdentified={(who) =>
            onView({
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
          onBack={() => onView({ name: 'find' })}
          onResult={(result, tap, status) => onView({ name: 'result', result, tap, status })}
        />
      );
    case 'result':
      return <ResultScreen result={view.result} tap={view.tap} status={view.status} onDone={onDone} />;
  }
}
