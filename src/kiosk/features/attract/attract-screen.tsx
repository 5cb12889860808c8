import { useState } from 'react';
import type { LocationInfo } from '../../../contract/kiosk-api';
import { longDate, time } from '../../lib/format';
import { preloadMessages, useI18n } from '../../lib/i18n';
import { LANGUAGE_NAMES, type Language } from '../../lib/messages';
import { nudge as nudgeAt } from '../../lib/burn-in';
import { useClock } from '../../lib/use-clock';

const BIG = 'min-h-28 min-w-80 rounded-3xl px-12 text-4xl font-bold shadow-lg';

/**
 * The screen the tablet rests on: location, clock, the two ways in (members, visitors), language
 * choice and staff at the top (a tablet stand covers the bottom corners), over the location's
 * picture where it has one; its middle moves a few pixels a minute against burn-in.
 */
export function AttractScreen({
  location,
  onStart,
  onVisit,
  onStaff,
  pending,
  pendingVisitors = 0,
  storageUnavailable = false,
}: {
  location: LocationInfo;
  onStart: () => void;
  onVisit: () => void;
  onStaff: () => void;
  /** Taps and walk-in registrations the outbox still has to send. */
  pending: number;
  pendingVisitors?: number;
  storageUnavailable?: boolean;
}) {
  const { t, locale, language, setLanguage } = useI18n();
  const now = useClock();
  const nudge = nudgeAt(now);
  return (
    <main aria-labelledby="attract-title" className="isolate flex min-h-dvh flex-col bg-brand-900 text-white">
      {location.look?.bannerUrl ? <Banner url={location.look.bannerUrl} /> : null}
      <header className="flex items-center justify-between gap-4 p-6">
        <div className="flex items-center gap-4">
          {location.look?.logoUrl ? <Logo url={location.look.logoUrl} /> : null}
          <p className="text-xl font-semibold">{location.name}</p>
        </div>
        <div className="flex items-center gap-6">
          <div role="group" aria-label={t.language} className="flex gap-2">
            {(Object.keys(LANGUAGE_NAMES) as Language[]).map((code) => (
              <button
                key={code}
                type="button"
                lang={code}
                aria-pressed={language === code}
                onPointerDown={() => preloadMessages(code)}
                onClick={() => setLanguage(code)}
                className={`min-h-12 min-w-12 rounded-xl px-4 text-lg font-semibold ring-2 ring-white ${language === code ? 'bg-white text-brand-900' : 'bg-transparent text-white'}`}
              >
                {LANGUAGE_NAMES[code]}
              </button>
            ))}
          </div>
          <button
            type="button"
            onClick={onStaff}
            className="min-h-12 min-w-12 rounded-xl px-4 text-lg text-white underline underline-offset-4"
          >
            {t.staffTitle}
          </button>
        </div>
      </header>
      <div
        className="flex flex-1 flex-col items-center justify-center gap-8 p-6 pb-24 text-center"
        style={{ transform: `translate(${nudge[0]}px, ${nudge[1]}px)` }}
      >
        <p className="text-7xl font-bold tabular-nums" aria-label={time(now, location.timeZone, locale)}>
          {time(now, location.timeZone, locale)}
        </p>
        <p className="text-2xl">{longDate(now, location.timeZone, locale)}</p>
        <h1 id="attract-title" className="sr-only">
          {t.appName} — {location.name}
        </h1>
        <div className="flex flex-wrap items-stretch justify-center gap-6">
          <button type="button" onClick={onStart} className={`${BIG} bg-white text-brand-900 hover:bg-brand-100`}>
            {t.checkInOut}
          </button>
          <button type="button" onClick={onVisit} className={`${BIG} bg-brand-700 text-white ring-4 ring-white hover:bg-brand-600`}>
            {t.imVisiting}
          </button>
        </div>
        <p className="text-xl">{t.tapToStart}</p>
        {pending + pendingVisitors > 0 ? (
          <p role="status" className="rounded-full bg-warn-100 px-4 py-2 text-base font-semibold text-slate-900">
            {t.pendingIndicator(pending, pendingVisitors)}
          </p>
        ) : null}
        {storageUnavailable ? <p className="max-w-2xl rounded-xl bg-warn-100 p-3 text-lg text-slate-900">{t.storageUnavailable}</p> : null}
      </div>
    </main>
  );
}

/** A decorative picture (alt=""): the text beside or over it says what matters. One that cannot load is not shown. */
function Picture({ url, className }: { url: string; className: string }) {
  const [failed, setFailed] = useState<string | null>(null);
  if (failed === url) return null;
  return <img src={url} alt="" onError={() => setFailed(url)} className={className} />;
}

/** The location's logo; the name beside it says whose it is. */
const Logo = ({ url }: { url: string }) => <Picture url={url} className="h-14 max-w-56 rounded-xl bg-white object-contain p-2" />;

/**
 * The location's picture behind the whole screen, under the deep tone at 80 %: white text on it
 * stays above 4.5:1 even where the picture is white (src/domain/contrast.ts `overPicture`).
 */
const Banner = ({ url }: { url: string }) => (
  <>
    <Picture url={url} className="fixed inset-0 -z-10 size-full object-cover" />
    <div data-testid="banner-scrim" className="fixed inset-0 -z-10 bg-brand-900/80" />
  </>
);
