import { useVisitMessages } from '../../lib/messages-visit';
import type { PaygOffer } from '../../../contract/kiosk-api';
import { money } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { Notice } from '../../ui/screen';

/** The PAYG warning: what it costs, in the location's currency, before anyone agrees. */
export function PaygNotice({ offer }: { offer: PaygOffer }) {
  const { locale } = useI18n();
  const v = useVisitMessages();
  const m = (minor: number) => money(minor, offer.terms.currency, locale);
  const { terms } = offer;
  return (
    <Notice tone="warn" title={v.paygTitle}>
      <p>{v.paygNoPass}</p>
      <p className="mt-2 text-2xl font-bold">
        {terms.kind === 'hourly'
          ? v.paygHourly(m(terms.hourlyRateMinor), m(terms.stepPriceMinor), terms.stepMinutes)
          : v.paygDay(m(terms.dayPriceMinor))}
      </p>
      {terms.kind === 'hourly' && terms.dailyMaximumMinor !== null ? <p className="mt-1">{v.paygCap(m(terms.dailyMaximumMinor))}</p> : null}
      {terms.kind === 'hourly' && terms.dailyMinimumMinor !== null ? (
        <p className="mt-1">{v.paygMinimum(m(terms.dailyMinimumMinor))}</p>
      ) : null}
      {offer.chargedTodayMinor > 0 ? <p className="mt-1">{v.paygAlreadyCharged(m(offer.chargedTodayMinor))}</p> : null}
    </Notice>
  );
}
