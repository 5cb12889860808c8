import { useI18n } from '../../lib/i18n';
import { useVisitorMessages } from '../../lib/messages-visitors';
import { Button } from '../../ui/button';
import { Screen } from '../../ui/screen';

/** A visitor's two ways in: the code from their invitation, or registering as a walk-in. */
export function VisitorStartScreen({ onCode, onWalkIn, onBack }: { onCode: () => void; onWalkIn: () => void; onBack: () => void }) {
  const { t } = useI18n();
  const vt = useVisitorMessages();
  return (
    <Screen
      title={vt.visitor.startTitle}
      actions={
        <Button variant="secondary" onClick={onBack}>
          {t.back}
        </Button>
      }
    >
      <p className="text-2xl">{vt.visitor.startIntro}</p>
      <div className="flex flex-col gap-6 sm:flex-row">
        <Button size="lg" className="flex-1" onClick={onCode}>
          {vt.visitor.haveCode}
        </Button>
        <Button size="lg" className="flex-1" onClick={onWalkIn}>
          {vt.visitor.walkIn}
        </Button>
      </div>
    </Screen>
  );
}
