import type { VisitorCodeResult } from '../../../contract/visitors-api';
import { useI18n } from '../../lib/i18n';
import { useVisitorMessages } from '../../lib/messages-visitors';
import { RESULT_SECONDS, useCountdown } from '../../lib/use-countdown';
import { Button } from '../../ui/button';
import { Notice, Screen } from '../../ui/screen';

/** "Welcome, Grace — you're checked in" (or goodbye), then back to the start like a member's result. */
export function VisitorCodeResultScreen({ result, onDone }: { result: VisitorCodeResult; onDone: () => void }) {
  const { t } = useI18n();
  const vt = useVisitorMessages();
  const left = useCountdown(RESULT_SECONDS, onDone);
  const checkedIn = result.action === 'checked-in';
  const note = checkedIn ? (result.hostFirstName ? vt.visitor.hostKnows(result.hostFirstName) : null) : vt.visitor.thanksForVisiting;
  return (
    <Screen
      title={checkedIn ? vt.visitor.welcome(result.firstName) : vt.visitor.goodbye(result.firstName)}
      actions={<Button onClick={onDone}>{t.done}</Button>}
    >
      {note ? (
        <Notice tone="success">
          <p className="text-2xl font-bold">{note}</p>
        </Notice>
      ) : null}
      <p className="text-lg text-slate-700">{t.returningSoon(left)}</p>
    </Screen>
  );
}
