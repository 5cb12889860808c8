import type { WalkInStatus } from '../../../contract/visitors-api';
import { useI18n } from '../../lib/i18n';
import { useVisitorMessages, type VisitorMessages } from '../../lib/messages-visitors';
import { RESULT_SECONDS, useCountdown } from '../../lib/use-countdown';
import { Button } from '../../ui/button';
import { Screen } from '../../ui/screen';
import { useWalkInStatus, type WalkInAnswer } from './visitors-api';

/** The big line and the line under it, for where the walk-in stands. */
function wording(
  status: WalkInStatus | null,
  hostName: string,
  gaveUp: boolean,
  vt: VisitorMessages,
): { headline: string; detail?: string } {
  const v = vt.visitor;
  const host = status?.hostFirstName.trim() || hostName.trim().split(/\s+/)[0] || v.yourHost;
  // Still in the tablet's outbox: the host is told once it reaches the server.
  if (status === null) return { headline: v.queued(host), detail: v.queuedDetail };
  if (status.outcome === 'waiting' && gaveUp) return { headline: v.noAnswer(host), detail: v.receptionCanSee };
  switch (status.outcome) {
    case 'waiting':
      return { headline: status.notice === 'staff' ? v.staffWillTell(host) : v.told(host), detail: v.takeASeat(host) };
    case 'collect':
      return { headline: v.collect(host), detail: v.collectNote };
    case 'desk':
      return { headline: v.desk(host) };
    case 'declined':
      return { headline: v.declined };
    case 'checked-in':
      return { headline: v.checkedIn(host) };
  }
}

/**
 * After a walk-in registers: "We've told Ana you're here", asking every 3 s until Ana answers,
 * then what to do, announced as it changes. After an answer it returns to the start like a
 * member's result; `gaveUp` (no answer for a while, app/ decides) says reception can see them, then returns too.
 */
export function WalkInStatusScreen({
  status,
  visitorName,
  hostName = '',
  gaveUp,
  onDone,
}: {
  status: WalkInAnswer;
  visitorName: string;
  /** The host as the visitor chose them: named while the registration is still on the tablet. */
  hostName?: string;
  gaveUp: boolean;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const vt = useVisitorMessages();
  const query = useWalkInStatus(status, !gaveUp);
  const current = query.data;
  // Queued on the tablet, the visitor is not kept here: like a queued tap, it says so and returns.
  const settled = gaveUp || current?.outcome !== 'waiting';
  const left = useCountdown(RESULT_SECONDS, onDone, settled);
  const { headline, detail } = wording(current, hostName, gaveUp, vt);
  const firstName = visitorName.trim().split(/\s+/)[0] ?? visitorName;
  return (
    <Screen title={vt.visitor.thanks(firstName)} actions={settled ? <Button onClick={onDone}>{t.done}</Button> : null}>
      <div
        role="status"
        aria-live="polite"
        aria-atomic="true"
        className={`flex flex-col gap-3 rounded-2xl border-l-8 p-6 ${settled && current?.outcome === 'declined' ? 'border-warn-700 bg-warn-100' : 'border-brand-700 bg-brand-100'} text-slate-900`}
      >
        <p className="text-3xl font-bold">{headline}</p>
        {detail ? <p className="text-2xl">{detail}</p> : null}
      </div>
      {settled ? <p className="text-lg text-slate-700">{t.returningSoon(left)}</p> : null}
    </Screen>
  );
}
