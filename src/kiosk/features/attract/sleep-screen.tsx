import type { LocationInfo } from '../../../contract/kiosk-api';
import { nextOpening } from '../../../domain/opening-hours';
export { isOpenAt } from '../../../domain/opening-hours';
import { minuteStep } from '../../lib/burn-in';
import { longDate, time, weekday } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import type { Language } from '../../lib/messages';

/** The sleeping screen's words, loaded with it. */
const WORDS = {
  en: {
    closedNow: 'Closed',
    /** `day`: tomorrow, or the weekday, when it is not today. */
    opensAt: (day: string | null, at: string) => `Opens ${day ? `${day} ` : ''}at ${at}`,
    touchToWake: 'Touch the screen to check in',
    tomorrow: 'tomorrow',
  },
  de: {
    closedNow: 'Geschlossen',
    opensAt: (day: string | null, at: string) => `Öffnet ${day ? `${day} ` : ''}um ${at} Uhr`,
    touchToWake: 'Bildschirm berühren zum Einchecken',
    tomorrow: 'morgen',
  },
} satisfies Record<Language, Record<string, unknown>>;

/** Places across the screen (percent of width, height) the sleeping screen's words move between, one a minute. */
const SPOTS = [
  [50, 45],
  [30, 25],
  [70, 70],
  [35, 75],
  [65, 30],
  [50, 60],
] as const;

/**
 * Outside the location's opening hours: a dark screen the tablet is free to turn off (the wake
 * lock is let go), with when the location opens moving slowly across it. Anyone can still check
 * in: a touch, a key or a card wakes the kiosk.
 */
export function SleepScreen({ location, now, onWake }: { location: LocationInfo; now: Date; onWake: () => void }) {
  const { language, locale } = useI18n();
  const t = WORDS[language];
  const zone = location.timeZone;
  const opens = location.openingHours ? nextOpening(location.openingHours, now, zone) : null;
  const dayOf = (at: Date) => longDate(at, zone, locale);
  const day = !opens
    ? null
    : dayOf(opens) === dayOf(now)
      ? null
      : dayOf(opens) === dayOf(new Date(now.getTime() + 86_400_000))
        ? t.tomorrow
        : weekday(opens, zone, locale);
  const [x, y] = minuteStep(now, SPOTS);
  return (
    // Inline styles rather than utility classes: they load with this screen, not in the first load's CSS.
    <main
      aria-labelledby="attract-title"
      className="relative min-h-dvh"
      style={{ background: '#000', color: '#cbd5e1', overflow: 'hidden' }}
    >
      <button type="button" onClick={onWake} aria-describedby="sleep-when" className="absolute inset-0" style={{ cursor: 'default' }}>
        <span className="sr-only">{t.touchToWake}</span>
      </button>
      <div
        className="pointer-events-none absolute flex flex-col items-center gap-3 text-center"
        style={{ left: `${x}%`, top: `${y}%`, transform: 'translate(-50%, -50%)', width: 'max-content', maxWidth: '90vw' }}
      >
        <h1 id="attract-title" tabIndex={-1} className="text-3xl font-semibold outline-none">
          {location.name} · {t.closedNow}
        </h1>
        <p id="sleep-when" className="text-2xl">
          {opens ? t.opensAt(day, time(opens, zone, locale)) : null}
        </p>
        <p aria-hidden="true" className="text-xl" style={{ color: '#94a3b8' }}>
          {t.touchToWake}
        </p>
      </div>
    </main>
  );
}
