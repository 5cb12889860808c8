import { formatDate, localParts, zonedToInstant } from './time';

/** One weekday's hours: the minutes after local midnight the location opens and closes; null when closed all day. */
export type DayHours = { open: number; close: number } | null;
/** A week of hours, indexed by local weekday (0 Sunday … 6 Saturday, as `localParts`). */
export type OpeningHours = DayHours[];

const ALL_DAY: DayHours = { open: 0, close: 1440 };

/** Nexudus's weekday prefixes in the order of `localParts().dayOfWeek`. */
const PREFIXES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
type Prefix = (typeof PREFIXES)[number];
export type HoursRecord = { [K in `${Prefix}${'Open' | 'Close'}`]: number | null } & { [K in `${Prefix}Closed`]: boolean };

/**
 * A business record's hours as the rules use them, or null when the record gives none (the tablet
 * then stays awake all the time). A day whose hours are missing or make no sense is open all day:
 * the screen never sleeps on a guess.
 */
export function openingHoursOf(record: HoursRecord): OpeningHours | null {
  let known = false;
  const week = PREFIXES.map((day): DayHours => {
    if (record[`${day}Closed`]) {
      known = true;
      return null;
    }
    const open = record[`${day}Open`];
    const close = record[`${day}Close`];
    if (open === null || close === null || close <= open) return ALL_DAY;
    known = true;
    return { open, close };
  });
  return known ? week : null;
}

/** Whether the location is open at that instant, by its own wall clock. */
export function isOpenAt(hours: OpeningHours, at: Date, timeZone: string): boolean {
  const p = localParts(at, timeZone);
  const today = hours[p.dayOfWeek];
  return today != null && p.minutes >= today.open && p.minutes < today.close;
}

/** When the location next opens after `at` (within a week), or null when it never opens. */
export function nextOpening(hours: OpeningHours, at: Date, timeZone: string): Date | null {
  const p = localParts(at, timeZone);
  for (let ahead = 0; ahead <= 7; ahead++) {
    const day = hours[(p.dayOfWeek + ahead) % 7];
    if (!day || (ahead === 0 && p.minutes >= day.open)) continue;
    const date = new Date(Date.UTC(p.year, p.month - 1, p.day + ahead));
    return zonedToInstant(formatDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()), day.open, timeZone);
  }
  return null;
}
