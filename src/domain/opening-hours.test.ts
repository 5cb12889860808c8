import { describe, expect, it } from 'vitest';
import { isOpenAt, nextOpening, openingHoursOf, type HoursRecord } from './opening-hours';

const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

function record(hours: Partial<Record<(typeof DAYS)[number], [number, number] | 'closed'>>): HoursRecord {
  const out: Record<string, number | boolean | null> = {};
  for (const day of DAYS) {
    const h = hours[day];
    out[`${day}Open`] = Array.isArray(h) ? h[0] : null;
    out[`${day}Close`] = Array.isArray(h) ? h[1] : null;
    out[`${day}Closed`] = h === 'closed';
  }
  return out as HoursRecord;
}

const weekdays = record({
  Mon: [480, 1200],
  Tue: [480, 1200],
  Wed: [480, 1200],
  Thu: [480, 1200],
  Fri: [480, 1080],
  Sat: 'closed',
  Sun: 'closed',
});

describe('opening hours', () => {
  it('a record without hours gives none: the tablet stays awake', () => {
    expect(openingHoursOf(record({}))).toBeNull();
  });

  it('reads Nexudus weekday fields into a Sunday-first week; a day without hours is open all day', () => {
    const hours = openingHoursOf(record({ Mon: [480, 1200], Sun: 'closed' }));
    expect(hours).toEqual([null, { open: 480, close: 1200 }, ...Array(5).fill({ open: 0, close: 1440 })]);
  });

  it('a day that closes before it opens is not trusted: open all day', () => {
    expect(openingHoursOf(record({ Mon: [1200, 480], Tue: 'closed' }))?.[1]).toEqual({ open: 0, close: 1440 });
  });

  it('is open by the location’s own wall clock, across a change of summer time', () => {
    const hours = openingHoursOf(weekdays)!;
    // Monday 30 March 2026 in London is BST (UTC+1): 08:00 local is 07:00Z.
    expect(isOpenAt(hours, new Date('2026-03-30T06:59:00Z'), 'Europe/London')).toBe(false);
    expect(isOpenAt(hours, new Date('2026-03-30T07:00:00Z'), 'Europe/London')).toBe(true);
    expect(isOpenAt(hours, new Date('2026-03-30T18:59:00Z'), 'Europe/London')).toBe(true);
    expect(isOpenAt(hours, new Date('2026-03-30T19:00:00Z'), 'Europe/London')).toBe(false);
    // Friday 27 March (GMT) closes at 18:00.
    expect(isOpenAt(hours, new Date('2026-03-27T17:59:00Z'), 'Europe/London')).toBe(true);
    expect(isOpenAt(hours, new Date('2026-03-27T18:00:00Z'), 'Europe/London')).toBe(false);
    // The same instant is Saturday morning in Tokyo: closed there.
    expect(isOpenAt(hours, new Date('2026-03-27T23:30:00Z'), 'Asia/Tokyo')).toBe(false);
  });

  it('says when it next opens: later today, tomorrow, or after a closed weekend', () => {
    const hours = openingHoursOf(weekdays)!;
    expect(nextOpening(hours, new Date('2026-03-30T05:00:00Z'), 'Europe/London')?.toISOString()).toBe('2026-03-30T07:00:00.000Z');
    expect(nextOpening(hours, new Date('2026-03-30T20:00:00Z'), 'Europe/London')?.toISOString()).toBe('2026-03-31T07:00:00.000Z');
    // Friday evening before the clocks change: Monday 08:00 BST.
    expect(nextOpening(hours, new Date('2026-03-27T19:00:00Z'), 'Europe/London')?.toISOString()).toBe('2026-03-30T07:00:00.000Z');
  });

  it('a location that never opens has no next opening', () => {
    const closed = openingHoursOf(record(Object.fromEntries(DAYS.map((d) => [d, 'closed'])) as Record<(typeof DAYS)[number], 'closed'>))!;
    expect(closed.every((d) => d === null)).toBe(true);
    expect(nextOpening(closed, new Date('2026-03-30T05:00:00Z'), 'Europe/London')).toBeNull();
  });
});
