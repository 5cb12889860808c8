import type { MemberStatus, SubmitResult } from '../../../contract/kiosk-api';
import { money, time } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { Button } from '../../ui/button';
import { Notice, Screen } from '../../ui/screen';
import { useUndoTap, type Tap } from './submit-api';
import { errorText } from '../../lib/error-text';
import { RESULT_SECONDS, useCountdown } from '../../lib/use-countdown';

export { RESULT_SECONDS };

/** What happened, in words a member reads at a glance; then back to the start. */
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
  const left = useCountdown(RESULT_SECONDS, onDone);
  const undo = useUndoTap();
  // A live check-in can be undone while this screen shows (a mistaken tap on someone else's name).
  const undoable = result.status === 'checked-in' && !result.duplicate && left > 0;

  const tz = status.location.timeZone;
  const m = (minor: number, currency: string) => money(minor, currency, locale);
  let title: string;
  let body: React.ReactNode;
  if (result.status === 'queued') {
    title = tap.action === 'in' ? t.queuedTitle : t.queuedOutTitle;
    body = <Notice tone="success">{t.queuedNote}</Notice>;
  } else if (result.status === 'refused') {
    title = t.refused;
    body = (
      <Notice tone="error">
        <p>{result.code === 'NO_VALID_PASS' ? t.noValidPass : result.message}</p>
        {result.code === 'NO_VALID_PASS' ? <p>{t.seeFrontDesk}</p> : null}
      </Notice>
    );
  } else {
    const at = time(result.at, tz, locale);
    title = result.status === 'checked-in' ? t.checkedIn(at) : t.checkedOut(at);
    const payg = result.payg;
    body = (
      <Notice tone="success">
        {result.passName && !payg ? (
          <p className="text-2xl font-bold">
            {result.passName}
            {result.pass && result.pass.passesLeft > 0 ? ` — ${t.passesLeft(result.pass.passesLeft)}` : ''}
          </p>
        ) : null}
        {payg && result.status === 'checked-in' ? (
          <p className="text-2xl font-bold">
            {payg.terms.kind === 'hourly'
              ? t.paygStarted(m(payg.terms.hourlyRateMinor, payg.terms.currency))
              : t.paygStartedDay(m(payg.terms.dayPriceMinor, payg.terms.currency))}
            {payg.terms.kind === 'hourly' && payg.terms.dailyMaximumMinor !== null
              ? `, ${t.paygCap(m(payg.terms.dailyMaximumMinor, payg.terms.currency))}`
              : ''}
          </p>
        ) : null}
        {payg && result.status === 'checked-out' ? (
          <p className="text-2xl font-bold">{t.paygTotalToday(m(payg.chargedTodayMinor, payg.terms.currency))}</p>
        ) : null}
        {result.closedAt ? <p>{t.closedAtCutoff(time(result.closedAt, tz, locale))}</p> : null}
      </Notice>
    );
  }
  if (undo.isSuccess) {
    title = t.undone;
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
              {t.undo}
            </Button>
          ) : null}
        </>
      }
    >
      {body}
      {undoError ? <Notice tone="error">{undoError}</Notice> : null}
      <p className="text-lg text-slate-700">{t.returningSoon(left)}</p>
    </Screen>
  );
}
