import { formatMoney } from '../../domain/money';

/** Money and times as the location shows them: its currency, its time zone, the visitor's language. */
export function money(minor: number, currency: string, locale: string): string {
  return formatMoney(minor, currency, locale);
}

export function time(instant: string | Date, timeZone: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone, hour: '2-digit', minute: '2-digit' }).format(new Date(instant));
}

export function longDate(instant: Date, timeZone: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone, weekday: 'long', day: 'numeric', month: 'long' }).format(instant);
}
