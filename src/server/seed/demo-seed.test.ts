import { describe, expect, it } from 'vitest';
import { openDatabase } from '../db/database';
import { seedDemo } from './demo-seed';

const snapshot = () => {
  const db = openDatabase(':memory:');
  seedDemo(db);
  const rows = (sql: string) => db.prepare(sql).all();
  return {
    db,
    businesses: rows('SELECT Name, TimeZone, CurrencyCode, RootLocationId FROM businesses ORDER BY Id'),
    coworkers: rows('SELECT FullName, Email, TariffName, InvoicingBusinessId FROM coworkers ORDER BY Id'),
    secrets: rows('SELECT AccessPincode, AccessCardId FROM coworkers ORDER BY Id'),
    passes: rows('SELECT CoworkerId, TimePassId, Used, ExpireDate FROM coworkertimepasses ORDER BY Id'),
  };
};

describe('demo seed', () => {
  it('is deterministic', () => {
    const a = snapshot();
    const b = snapshot();
    expect(b.coworkers).toEqual(a.coworkers);
    expect(b.passes).toEqual(a.passes);
  });

  it('seeds a network of locations in several time zones and currencies with about 200 people', () => {
    const { db, businesses, coworkers, secrets } = snapshot();
    const locations = businesses.filter((b) => (b as { RootLocationId: number | null }).RootLocationId !== null);
    expect(locations.length).toBeGreaterThanOrEqual(3);
    expect(new Set(locations.map((l) => (l as { TimeZone: string }).TimeZone)).size).toBeGreaterThanOrEqual(3);
    expect(new Set(locations.map((l) => (l as { CurrencyCode: string }).CurrencyCode)).size).toBeGreaterThanOrEqual(3);
    expect(coworkers).toHaveLength(200);
    const names = coworkers.map((c) => (c as { FullName: string }).FullName);
    expect(names.some((n) => /[^\x20-\x7e]/.test(n))).toBe(true);
    // PINs are stored only as keyed digests, one per person.
    const pins = secrets.map((c) => (c as { AccessPincode: string }).AccessPincode);
    expect(pins.every((p) => p.startsWith('hmac:'))).toBe(true);
    expect(pins).not.toContain('24680');
    expect(new Set(pins).size).toBe(pins.length);
    expect(
      Number(
        db.prepare('SELECT COUNT(*) FROM timepasses WHERE UseAsPayAsYouGoForMembers = 1 OR UseAsPayAsYouGoForContacts = 1').pluck().get(),
      ),
    ).toBeGreaterThan(0);
    expect(Number(db.prepare('SELECT COUNT(*) FROM timepasstimeslots').pluck().get())).toBeGreaterThan(0);
    expect(Number(db.prepare('SELECT COUNT(*) FROM coworkers WHERE TariffName IS NULL').pluck().get())).toBeGreaterThan(0);
  });

  it('does nothing to a database that already has data', () => {
    const { db } = snapshot();
    expect(seedDemo(db)).toBe(false);
    expect(Number(db.prepare('SELECT COUNT(*) FROM coworkers').pluck().get())).toBe(200);
  });
});
