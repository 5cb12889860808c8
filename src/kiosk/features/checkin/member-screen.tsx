import { useVisitMessages } from '../../lib/messages-visit';
import type { MemberStatus, PassSummary, SubmitResult } from '../../../contract/kiosk-api';
import { errorText } from '../../lib/error-text';
import { age, time } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { initials } from '../../../domain/initials';
import { Avatar } from '../../ui/avatar';
import { Button } from '../../ui/button';
import { Notice, Screen } from '../../ui/screen';
import { lazy, Suspense } from 'react';
import type { Consent } from './consent-form';
import { PaygNotice } from './payg-notice';
import { useMemberStatus } from './status-api';
import { newTap, useSubmitTap, type Tap } from './submit-api';

export interface Identified {
  coworkerId: number;
  displayName: string;
  /** How they found themself: by name the PIN may be needed before a charge. */
  via: 'name' | 'pin' | 'card';
  identityToken?: string;
  /** From the tile they chose (found by PIN or card: none, and their initials show). */
  photoUrl?: string | null;
}

// Only PAYG visits need the consent form (and react-hook-form): loaded when one shows, precached for offline.
const ConsentForm = lazy(() => import('./consent-form').then((m) => ({ default: m.ConsentForm })));

function hours(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h > 0 ? `${h} h ${String(m).padStart(2, '0')} min` : `${m} min`;
}

function PassCard({ pass }: { pass: PassSummary }) {
  const v = useVisitMessages();
  return (
    <Notice tone="success" title={v.todayUses}>
      <p className="text-2xl font-bold">{pass.name}</p>
      <p>
        {pass.kind === 'day' ? v.dayPass : v.timePass}
        {pass.minutesLeft !== null ? ` · ${v.minutesLeft(hours(pass.minutesLeft))}` : ''}
        {pass.passesLeft > 0 ? ` · ${v.passesLeft(pass.passesLeft)}` : ''}
      </p>
      {pass.alreadyUsedToday ? <p>{v.alreadyUsedToday}</p> : null}
    </Notice>
  );
}

/** Greeting, current state, the pass or the PAYG warning and consent, and the one action that fits. */
export function MemberScreen({
  who,
  onResult,
  onBack,
}: {
  who: Identified;
  onResult: (result: SubmitResult, tap: Tap, status: MemberStatus) => void;
  onBack: () => void;
}) {
  const { t, locale } = useI18n();
  const v = useVisitMessages();
  const status = useMemberStatus(who.coworkerId);
  const submit = useSubmitTap();
  const send = (action: 'in' | 'out', consent?: Consent) => {
    if (!status.data) return;
    const tap = newTap({
      coworkerId: who.coworkerId,
      action,
      acceptedCharge: consent?.acceptedCharge ?? false,
      pin: consent?.pin,
      identityToken: who.identityToken,
    });
    const snapshot = status.data.status;
    submit.mutate({ tap, memberName: who.displayName }, { onSuccess: (result) => onResult(result, tap, snapshot) });
  };
  const firstName = who.displayName.split(' ')[0] ?? who.displayName;
  const loadError = errorText(status.error, t);
  const submitError = errorText(submit.error, t);
  const data = status.data?.status;
  const offlineAsOf = status.data?.offlineAsOf ?? null;
  const eligibility = data?.eligibility;

  return (
    <Screen
      title={v.hello(firstName)}
      centre
      actions={
        <Button variant="secondary" onClick={onBack}>
          {t.back}
        </Button>
      }
    >
      {status.isPending ? <p className="text-xl">{t.loading}</p> : null}
      {loadError ? <Notice tone="error">{loadError}</Notice> : null}
      {submitError ? <Notice tone="error">{submitError}</Notice> : null}
      {offlineAsOf ? <Notice tone="info">{v.offlineStatus(age(offlineAsOf, new Date(), t.justNow))}</Notice> : null}
      {data && eligibility ? (
        <>
          <div className="flex items-center gap-6 portrait:flex-col portrait:text-center">
            <Avatar id={who.coworkerId} photoUrl={who.photoUrl ?? null} initials={initials(who.displayName)} size="lg" />
            <p className="text-2xl">
              {eligibility.kind === 'checked-in'
                ? `${v.checkedInSince(time(eligibility.since, data.location.timeZone, locale))}${eligibility.passName ? ` (${v.withPass(eligibility.passName)})` : ''}`
                : v.notCheckedIn}
            </p>
          </div>
          {eligibility.kind === 'checked-in' ? (
            <Button size="lg" disabled={submit.isPending} onClick={() => send('out')}>
              {t.checkOut}
            </Button>
          ) : null}
          {eligibility.kind === 'pass' ? (
            <>
              <PassCard pass={eligibility.pass} />
              <Button size="lg" disabled={submit.isPending} onClick={() => send('in')}>
                {t.checkIn}
              </Button>
            </>
          ) : null}
          {eligibility.kind === 'payg' ? (
            <>
              <PaygNotice offer={eligibility.payg} />
              <Suspense fallback={<p className="text-xl">{t.loading}</p>}>
                <ConsentForm
                  pinRequired={data.location.pinBeforeCharge && who.via === 'name'}
                  pending={submit.isPending}
                  onSubmit={(consent) => send('in', consent)}
                />
              </Suspense>
            </>
          ) : null}
          {eligibility.kind === 'no-valid-pass' ? (
            <Notice tone="error" title={v.refused}>
              <p>{v.noValidPass}</p>
              <p>{v.seeFrontDesk}</p>
            </Notice>
          ) : null}
          {eligibility.kind === 'inactive' ? <Notice tone="error">{v.inactive}</Notice> : null}
        </>
      ) : null}
    </Screen>
  );
}
