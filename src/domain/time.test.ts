import { describe, expect, it } from 'vitest';
import { checkinDay, checkinDayBounds, localParts, toLocalDateTime, zonedToInstant } from './time';

describe('time-zone arithmetic', () => {
  it('reads the wall clock and weekday of an instant in a zone', () => {
    expect(localParts(new Date('2026-11-23T01:00:00Z'), 'Asia/Tokyo')).toMatchObject({
      year: 2026,
      month: 11,
      day: 23,
      dayOfWeek: 1,
      minutes: 600,
    });
    expect(toLocalDateTime(new Date('2026-07-01T12:00:00Z'), 'America/New_York')).toBe('2026-07-01T08:00:00');
  });

  it('keeps the small hours before the cut-off in the previous check-in day', () => {
    expect(checkinDay(new Date('2026-11-24T02:30:00Z'), 'Europe/London', 180)).toBe('2026-11-23');
    expect(checkinDay(new Date('2026-11-24T03:00:00Z'), 'Europe/London', 180)).toBe('2026-11-24');
  });

  it('finds the instant of a wall-clock time across daylight-saving changes', () => {
    expect(zonedToInstant('2026-03-29', 180, 'Europe/London').toISOString()).toBe('2026-03-29T02:00:00.000Z');
    expect(zonedToInstant('2026-03-28', 180, 'Europe/London').toISOString()).toBe('2026-03-28T03:00:00.000Z');
    expect(zonedToInstant('2026-11-01', 0, 'America/New_York').toISOString()).toBe('2026-11-01T04:00:00.000Z');
  });

  it('bounds a check-in day from its cut-off to the next, 23 hours on the spring-forward day', () => {
    const { start, end } = checkinDayBounds('2026-03-29', 'Europe/London', 0);
    expect(start.toISOString()).toBe('2026-03-29T00:00:00.000Z');
    expect((end.getTime() - start.getTime()) / 3_600_000).toBe(23);
  });
});
