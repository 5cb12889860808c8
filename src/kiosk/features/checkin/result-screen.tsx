import { useVisitMessages } from '../../lib/messages-visit';
import type { MemberStatus, SubmitResult } from '../../../contract/kiosk-api';
import { money, time } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { Button } from '../../ui/button';
import { Notice, Screen } from '../../ui/screen';
import { ResultMark, type ResultState } from './result-mark';
import { useUndoTap, type Tap } from './submit-api';
import { errorText } from '../../lib/error-text';
import { RESULT_SECONDS, useCountdown } from '../../lib/use-countdown';

export { RESULT_SECONDS };

/**
 * What happened, read at a glance from two metres: a large mark (its own shape and colour per
 * state), the member's first name, then the pass or the charge in words; then back to the start.
 */
export function ResultScreen({
  result,
  tap,
  status,
  onDone,
}: {
  result: SubmitResult;
  tap: Tap;
  status: MemberStatus;
  onDone: () => void;
}) {
  const { t, locale } = useI18n();
  const v = useVisitMessages();
  const left = useCountdown(RESULT_SECONDS, onDone);
  const undo = useUndoTap();
  // A live check-in can be undone while this screen shows (a mistaken tap on someone else's name).
  const undoable = result.status === 'checked-in' && !result.duplicate && left > 0;

  const tz = status.location.timeZone;
  const m = (minor: number, currency: string) => money(minor, currency, locale);
  const firstName = status.member.displayName.split(' ')[0] ?? status.member.displayName;
  let title: string;
  let body: React.ReactNode;
  let state: ResultState = result.status;
  let greeting = tap.action === 'in' ? v.welcome(firstName) : v.goodbye(firstName);
  if (result.status === 'queued') {
    title = tap.action === 'in' ? v.queuedTitle : v.queuedOutTitle;
    body = <Notice tone="success">{v.queuedNote}</Notice>;
  } else if (result.status === 'refused') {
    title = v.refused;
    greeting = firstName;
    body = (
      <Notice tone="error">
        <p>{result.code === 'NO_VALID_PASS' ? v.noValidPass : result.message}</p>
        {result.code === 'NO_VALID_PASS' ? <p>{v.seeFrontDesk}</p> : null}
      </Notice>
    );
  } else {
    const at = time(result.at, tz, locale);
    title = result.status === 'checked-in' ? v.checkedIn(at) : v.checkedOut(at);
    const payg = result.payg;
    body = (
      <Notice tone="success">
        {result.passName && !payg ? (
          <p className="text-2xl font-bold">
            {result.passName}
            {result.pass && result.pass.passesLeft > 0 ? ` — ${v.passesLeft(result.pass.passesLeft)}` : ''}
          </p>
        ) : null}
        {payg && result.status === 'checked-in' ? (
          <p className="text-2xl font-bold">
            {payg.terms.kind === 'hourly'
              ? v.paygStarted(m(payg.terms.hourlyRateMinor, payg.terms.currency))
              : v.paygStartedDay(m(payg.terms.dayPriceMinor, payg.terms.currency))}
            {payg.terms.kind === 'hourly' && payg.terms.dailyMaximumMinor !== null
              ? `, ${v.paygCap(m(payg.terms.dailyMaximumMinor, payg.terms.currency))}`
              : ''}
          </p>
        ) : null}
        {payg && result.status === 'checked-out' ? (
          <p className="text-2xl font-bold">{v.paygTotalToday(m(payg.chargedTodayMinor, payg.terms.currency))}</p>
        ) : null}
        {result.closedAt ? <p>{v.closedAtCutoff(time(result.closedAt, tz, locale))}</p> : null}
      </Notice>
    );
  }
  if (undo.isSuccess) {
    title = v.undone;
    state = 'undone';
    greeting = firstName;
    body = null;
  }
  const undoError = errorText(undo.error, t, { NOT_FOUND: 'server' });
  return (
    <Screen
      title={title}
      actions={
        <>
          <Button autoFocus onClick={onDone}>
            {t.done}
          </Button>
          {undoable && !undo.isSuccess ? (
            <Button variant="secondary" disabled={undo.isPending} onClick={() => undo.mutate(result.clientId)}>
              {v.undo}
            </Button>
          ) : null}
        </>
      }
    >
      {/* In the middle of the screen, in either orientation: read from across the desk. */}
      <div className="my-auto flex flex-col gap-6">
        <div className="flex flex-col items-center gap-6 py-4 text-center sm:flex-row sm:text-left">
          <ResultMark state={state} />
          <p className="text-5xl font-bold break-words text-slate-900">{greeting}</p>
        </div>
        {body}
      </div>
      {undoError ? <Notice tone="error">{undoError}</Notice> : null}
      <p className="text-lg text-slate-700">{t.returningSoon(left)}</p>
    </Screen>
  );
}
