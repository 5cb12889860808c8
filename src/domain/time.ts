/**
 * Time-zone arithmetic on instants. No clock: every function takes the moment it reasons about.
 * Built on Intl only, so the same code runs in Node, the page and the service worker.
 */

export interface LocalParts {
  year: number;
  month: number;
  day: number;
  /** 0 Sunday … 6 Saturday, as .NET's DayOfWeek. */
  dayOfWeek: number;
  /** Minutes after local midnight. */
  minutes: number;
  seconds: number;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      weekday: 'short',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export function localParts(instant: Date, timeZone: string): LocalParts {
  const parts: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) parts[part.type] = part.value;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    dayOfWeek: WEEKDAYS.indexOf(parts.weekday ?? ''),
    minutes: Number(parts.hour) * 60 + Number(parts.minute),
    seconds: Number(parts.second),
  };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function formatDate(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** The instant's wall-clock time in the zone, as Nexudus's `…Local` fields: `YYYY-MM-DDTHH:mm:ss`. */
export function toLocalDateTime(instant: Date, timeZone: string): string {
  const p = localParts(instant, timeZone);
  return `${formatDate(p.year, p.month, p.day)}T${pad(Math.floor(p.minutes / 60))}:${pad(p.minutes % 60)}:${pad(p.seconds)}`;
}

/** The zone's offset from UTC at that instant, in minutes (east positive). */
function offsetMinutes(instant: Date, timeZone: string): number {
  const p = localParts(instant, timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, 0, p.minutes, p.seconds);
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/** The instant at which the zone's wall clock shows `date` + `minutes` (two passes settle DST changes). */
export function zonedToInstant(date: string, minutes: number, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  const naive = Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1, 0, minutes);
  const first = naive - offsetMinutes(new Date(naive), timeZone) * 60_000;
  return new Date(naive - offsetMinutes(new Date(first), timeZone) * 60_000);
}

function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const shifted = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + days));
  return formatDate(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, shifted.getUTCDate());
}

/**
 * The location's check-in day that holds the instant. The day turns over at the daily cut-off
 * (minutes after local midnight), so at a 03:00 cut-off, 01:30 on Tuesday still belongs to Monday.
 */
export function checkinDay(instant: Date, timeZone: string, cutoffMinutes: number): string {
  const p = localParts(instant, timeZone);
  const date = formatDate(p.year, p.month, p.day);
  return p.minutes < cutoffMinutes ? addDays(date, -1) : date;
}

/** Start and end instants of a check-in day: from its cut-off to the next day's cut-off. */
export function checkinDayBounds(day: string, timeZone: string, cutoffMinutes: number): { start: Date; end: Date } {
  return {
    start: zonedToInstant(day, cutoffMinutes, timeZone),
    end: zonedToInstant(addDays(day, 1), cutoffMinutes, timeZone),
  };
}

/** "HH:mm" (Nexudus's time-of-day fields) as minutes after midnight, and back. */
export function timeOfDayToMinutes(value: string): number {
  const [h, m] = value.split(':');
  return Number(h) * 60 + Number(m);
}

export function minutesToTimeOfDay(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}
