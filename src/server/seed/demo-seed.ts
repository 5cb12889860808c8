import type { Db } from '../db/database';
import { createCoworkerTimePassesRepository } from '../db/coworker-timepasses-repository';
import { businessesTable, coworkersTable, timePassesTable, timeSlotsTable } from '../db/nexudus-tables';
import { insertRow } from '../db/table';
import { buildBusiness, buildCoworker, buildCoworkerTimePass, buildTimePass, buildTimeSlot } from './builders';
import { DEMO_LOCATIONS, DEMO_PERSONAS, FIRST_NAMES, LAST_NAMES, COMPANIES, type DemoLocation } from './demo-data';

const ACTOR = 'seed@tapdesk.local';

/** A small deterministic PRNG (mulberry32), so every fresh database gets the same demo. */
function prng(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface SeededLocation {
  id: number;
  def: DemoLocation;
  passes: Record<string, number>;
}

function seedLocation(db: Db, def: DemoLocation, networkId: number): SeededLocation {
  const id = insertRow(
    db,
    businessesTable,
    buildBusiness({ ...def.business, RootLocationId: networkId }),
    ACTOR,
    def.business.CurrencyCode ?? 'EUR',
  );
  const passes: Record<string, number> = {};
  for (const [key, pass] of Object.entries(def.passes)) {
    passes[key] = insertRow(
      db,
      timePassesTable,
      buildTimePass({ BusinessId: id, ...pass.product }),
      ACTOR,
      def.business.CurrencyCode ?? 'EUR',
    );
    for (const slot of pass.slots ?? []) {
      insertRow(db, timeSlotsTable, buildTimeSlot({ TimePassId: passes[key], ...slot }), ACTOR, 'EUR');
    }
  }
  return { id, def, passes };
}

/**
 * The demo network: locations in several time zones and currencies, ~200 members and contacts,
 * plan day passes, time passes, hour-limited passes, PAYG passes, and people with nothing valid.
 * Runs only on an empty database.
 */
export function seedDemo(db: Db): boolean {
  if (Number(db.prepare('SELECT COUNT(*) FROM businesses').pluck().get()) > 0) return false;
  const random = prng(20261123);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const issuer = createCoworkerTimePassesRepository(db);

  db.transaction(() => {
    const networkId = insertRow(
      db,
      businessesTable,
      buildBusiness({ Name: 'Tapdesk Network', TimeZone: 'Europe/London', CurrencyCode: 'GBP' }),
      ACTOR,
      'GBP',
    );
    const locations = DEMO_LOCATIONS.map((def) => seedLocation(db, def, networkId));
    const usedPins = new Set<string>();

    const addCoworker = (
      fullName: string,
      location: SeededLocation,
      index: number,
      opts: { member: boolean; pin?: string; card?: string; company?: string | null },
    ) => {
      let pin = opts.pin ?? String(10000 + Math.floor(random() * 89999));
      while (usedPins.has(pin)) pin = String(Number(pin) + 1);
      usedPins.add(pin);
      const email = `${fullName
        .normalize('NFD')
        .replace(/[^\p{L}\s]/gu, '')
        .replace(/\p{M}/gu, '')
        .toLowerCase()
        .replace(/\s+/g, '.')}.${index}@example.com`;
      return insertRow(
        db,
        coworkersTable,
        buildCoworker({
          FullName: fullName,
          Email: email,
          CompanyName: opts.company === undefined ? pick([...COMPANIES, null, null]) : opts.company,
          InvoicingBusinessId: location.id,
          Businesses: [location.id],
          TariffName: opts.member ? pick(['Hot Desk', 'Flex 10', 'Resident']) : null,
          AccessPincode: pin,
          AccessCardId: opts.card ?? `CARD-${(index * 7919 + 104729).toString(16).toUpperCase()}`,
        }),
        ACTOR,
        'EUR',
      );
    };
    const give = (
      coworkerId: number,
      location: SeededLocation,
      passKey: string,
      extra: { count?: number; fromTariff?: boolean; expire?: string; used?: boolean } = {},
    ) => {
      const timePassId = location.passes[passKey];
      if (timePassId === undefined) return;
      issuer.issue(
        buildCoworkerTimePass({
          CoworkerId: coworkerId,
          BusinessId: location.id,
          TimePassId: timePassId,
          CreateMultiple: extra.count ?? 1,
          IsFromTariff: extra.fromTariff ?? false,
          ExpireDate: extra.expire ?? null,
          Used: extra.used ?? null,
          UsedDate: extra.used ? '2026-01-05T09:00:00Z' : null,
        }),
        ACTOR,
      );
    };

    DEMO_PERSONAS.forEach((persona, i) => {
      const location = locations[persona.location] ?? locations[0]!;
      const id = addCoworker(persona.fullName, location, i, {
        member: persona.member,
        pin: persona.pin,
        card: persona.card,
        company: persona.company,
      });
      for (const pass of persona.passes) give(id, location, pass.key, pass);
    });

    for (let i = DEMO_PERSONAS.length; i < 200; i += 1) {
      const location = locations[i % locations.length]!;
      const member = random() < 0.6;
      const id = addCoworker(`${pick(FIRST_NAMES)} ${pick(LAST_NAMES)}`, location, i, { member });
      const roll = random();
      if (member && roll < 0.7) give(id, location, 'day', { count: 3 + Math.floor(random() * 5), fromTariff: true });
      if (member && roll >= 0.5 && roll < 0.8) give(id, location, 'time', { fromTariff: true });
      if (!member && roll < 0.3) give(id, location, 'day');
      if (roll >= 0.9) give(id, location, 'morning', { count: 5 });
      if (roll >= 0.8 && roll < 0.85) give(id, location, 'day', { expire: '2026-01-01T00:00:00Z' });
    }
  })();
  return true;
}
