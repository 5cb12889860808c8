import { dateTimeFormat } from '../../domain/intl';
import { formatMoney } from '../../domain/money';

/** Money and times as the location shows them: its currency, its time zone, the visitor's language. */
export function money(minor: number, currency: string, locale: string): string {
  return formatMoney(minor, currency, locale);
}

export function time(instant: string | Date, timeZone: string, locale: string): string {
  return dateTimeFormat(locale, { timeZone, hour: '2-digit', minute: '2-digit' }).format(new Date(instant));
}

/**
 * When something ends (or began): the time, with the date when that is not today in `timeZone` (the runtime's
 * own zone when none is given), and the zone's short name when asked ("14:32 GMT").
 */
export function until(instant: string, now: Date, locale: string, options: { timeZone?: string; showZone?: boolean } = {}): string {
  const { timeZone, showZone = false } = options;
  const day = (d: Date) => dateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
  const at = new Date(instant);
  return dateTimeFormat(locale, {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    ...(day(at) === day(now) ? {} : { day: 'numeric', month: 'short' }),
    ...(showZone ? { timeZoneName: 'short' } : {}),
  }).format(at);
}

/** "4 min", "2 h 5 min", or the word for "moments" under a minute. */
export function age(iso: string, now: Date, moments: string): string {
  const minutes = Math.floor((now.getTime() - Date.parse(iso)) / 60_000);
  if (minutes < 1) return moments;
  return minutes < 60 ? `${minutes} min` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

export function longDate(instant: Date, timeZone: string, locale: string): string {
  return dateTimeFormat(locale, { timeZone, weekday: 'long', day: 'numeric', month: 'long' }).format(instant);
}

export function weekday(instant: Date, timeZone: string, locale: string): string {
  return dateTimeFormat(locale, { timeZone, weekday: 'long' }).format(instant);
}
