import { formatMoney } from '../../domain/money';

/** Money and times as the location shows them: its currency, its time zone, the visitor's language. */
export function money(minor: number, currency: string, locale: string): string {
  return formatMoney(minor, currency, locale);
}

export function time(instant: string | Date, timeZone: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone, hour: '2-digit', minute: '2-digit' }).format(new Date(instant));
}

/** "4 min", "2 h 5 min", or the word for "moments" under a minute. */
export function age(iso: string, now: Date, moments: string): string {
  const minutes = Math.floor((now.getTime() - Date.parse(iso)) / 60_000);
  if (minutes < 1) return moments;
  return minutes < 60 ? `${minutes} min` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

export function longDate(instant: Date, timeZone: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone, weekday: 'long', day: 'numeric', month: 'long' }).format(instant);
}
