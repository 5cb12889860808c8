import type { Location } from './model';
import { checkinDay, checkinDayBounds } from './time';

/**
 * The check-in day of a location: it turns over at the location's daily cut-off (Nexudus's
 * automatic check-out time), in the location's time zone. Every "today", "stale" and "late" in
 * Tapdesk is one of these functions.
 */
export const dayAt = (location: Location, at: Date): string => checkinDay(at, location.timeZone, location.dailyCutoffMinutes);

export const sameDay = (location: Location, a: Date, b: Date): boolean => dayAt(location, a) === dayAt(location, b);

/** When a check-in day ends (its cut-off). */
export const dayEnd = (location: Location, day: string): Date => checkinDayBounds(day, location.timeZone, location.dailyCutoffMinutes).end;

/** When the check-in day holding `at` began. */
export const dayStart = (location: Location, at: Date): Date =>
  checkinDayBounds(dayAt(location, at), location.timeZone, location.dailyCutoffMinutes).start;

/** An open check-in counts only on the day it started; one from an earlier day was closed at its cut-off. */
export function openOnDay<T extends { fromTime: string }>(open: T | null | undefined, location: Location, at: Date): T | null {
  return open && sameDay(location, new Date(open.fromTime), at) ? open : null;
}

/**
 * A tap that reaches the server after its day's cut-off is recorded as a visit that ended at that
 * cut-off (what would have happened had it been sent at once); null when it is on time.
 */
export function lateTapClosure(location: Location, tappedAt: Date, receivedAt: Date): Date | null {
  return sameDay(location, tappedAt, receivedAt) ? null : dayEnd(location, dayAt(location, tappedAt));
}

/**
 * Where a check-out closes an open check-in: at the tap (never before the check-in started), or,
 * for a check-in left open from an earlier day, at that day's cut-off (an automatic check-out).
 */
export function checkoutEnd(location: Location, fromTime: string, tappedAt: Date): { end: Date; stale: boolean } {
  const from = new Date(fromTime);
  if (!sameDay(location, from, tappedAt)) return { end: dayEnd(location, dayAt(location, from)), stale: true };
  return { end: new Date(Math.max(tappedAt.getTime(), from.getTime())), stale: false };
}
