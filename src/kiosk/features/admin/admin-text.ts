import { KioskApiError } from '../../lib/api-client';
import { until } from '../../lib/format';
import type { AdminT } from '../../lib/messages-admin';

/** Staff read the server's own message (it names, for example, the role a user lacks). */
export const serverMessage = (error: unknown, t: AdminT) =>
  error instanceof KioskApiError ? error.message : error ? t.admin.somethingWentWrong : null;

/** "Try again in 15 minutes." after too many tries, when the server said how long. */
export function retryHint(error: unknown, t: AdminT): string | null {
  if (!(error instanceof KioskApiError) || error.retryAfterSeconds === undefined) return null;
  if (error.code !== 'LOCKED_OUT' && error.code !== 'RATE_LIMITED') return null;
  return t.admin.tryAgainIn(Math.max(1, Math.ceil(error.retryAfterSeconds / 60)));
}

export const minutesAgo = (iso: string | null, t: AdminT) =>
  iso ? t.admin.minutesAgo(Math.max(0, Math.round((Date.now() - Date.parse(iso)) / 60_000))) : t.admin.never;

/** "3 min ago" within the last hour, else the time (with the date when not today) in the viewer's zone, named. */
export function agoOrTime(iso: string | null, now: Date, t: AdminT, locale: string): string {
  if (!iso) return t.admin.never;
  const minutes = Math.max(0, Math.round((now.getTime() - Date.parse(iso)) / 60_000));
  return minutes < 60 ? t.admin.minutesAgo(minutes) : until(iso, now, locale, { showZone: true });
}
