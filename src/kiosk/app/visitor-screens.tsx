import type { LocationInfo } from '../../contract/kiosk-api';
import type { VisitorCodeResult } from '../../contract/visitors-api';
import { CameraScanButton } from '../features/lookup/camera-scan';
import { HostSearch } from '../features/lookup/host-search';
import { VisitorCodeResultScreen } from '../features/visitors/visitor-code-result-screen';
import { VisitorCodeScreen } from '../features/visitors/visitor-code-screen';
import { VisitorStartScreen } from '../features/visitors/visitor-start-screen';
import { WalkInForm } from '../features/visitors/walk-in-form';
import { WalkInStatusScreen } from '../features/visitors/walk-in-status-screen';
import type { WalkInAnswer } from '../features/visitors/visitors-api';

/** Where a visitor is: choosing, typing their code, welcomed, registering as a walk-in, or waiting for their host. */
export type VisitorStep =
  | { name: 'start' }
  | { name: 'code' }
  | { name: 'code-result'; result: VisitorCodeResult }
  | { name: 'walk-in' }
  /** `gaveUp`: no answer came while the visitor waited (the kiosk's idle time on this screen). */
  | { name: 'walk-in-status'; status: WalkInAnswer; visitorName: string; hostName: string; gaveUp: boolean };

/**
 * A visitor's screens: this module and what it imports are one chunk outside the first load (the
 * walk-in form brings react-hook-form), fetched when the page is idle after load or at the first
 * touch. The walk-in form finds the host with the lookup's search over the tablet's directory.
 */
export function VisitorScreens({
  step,
  location,
  onStep,
  onDone,
}: {
  step: VisitorStep;
  location: LocationInfo;
  onStep: (step: VisitorStep) => void;
  onDone: () => void;
}) {
  switch (step.name) {
    case 'start':
      return <VisitorStartScreen onCode={() => onStep({ name: 'code' })} onWalkIn={() => onStep({ name: 'walk-in' })} onBack={onDone} />;
    case 'code':
      return (
        <VisitorCodeScreen
          onBack={() => onStep({ name: 'start' })}
          onResult={(result) => onStep({ name: 'code-result', result })}
          renderCameraScan={(onScan) => <CameraScanButton onScan={onScan} />}
        />
      );
    case 'code-result':
      return <VisitorCodeResultScreen result={step.result} onDone={onDone} />;
    case 'walk-in':
      return (
        <WalkInForm
          terms={location.visitorTerms}
          onBack={() => onStep({ name: 'start' })}
          onRegistered={(status, visitorName, hostName) => onStep({ name: 'walk-in-status', status, visitorName, hostName, gaveUp: false })}
          renderHostSearch={(slot) => <HostSearch {...slot} />}
        />
      );
    case 'walk-in-status':
      return (
        <WalkInStatusScreen
          status={step.status}
          visitorName={step.visitorName}
          hostName={step.hostName}
          gaveUp={step.gaveUp}
          onDone={onDone}
        />
      );
  }
}
