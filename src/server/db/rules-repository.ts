import { z } from 'zod';
import type { Db } from './database';
import type { Customer, HeldPass, Location, OpenCheckin, PassProduct, TimeSlot } from '../../domain/model';

const flag = z.number().transform((n) => n === 1);

const LocationRow = z
  .object({
    Id: z.number(),
    Name: z.string(),
    TimeZone: z.string(),
    CurrencyCode: z.string(),
    DailyCutoffMinutes: z.number(),
    RootLocationId: z.number().nullable(),
    PaygDailyMinimumMinor: z.number().nullable(),
    PaygDailyMaximumMinor: z.number().nullable(),
  })
  .transform((r): Location => ({
    id: r.Id,
    name: r.Name,
    timeZone: r.TimeZone,
    currency: r.CurrencyCode,
    dailyCutoffMinutes: r.DailyCutoffMinutes,
    parentId: r.RootLocationId,
    paygDailyMinimumMinor: r.PaygDailyMinimumMinor,
    paygDailyMaximumMinor: r.PaygDailyMaximumMinor,
  }));

const ProductRow = z.object({
  Id: z.number(),
  BusinessId: z.number(),
  Name: z.string(),
  PriceMinor: z.number(),
  MinutesIncluded: z.number().nullable(),
  UsePriority: z.number(),
  Businesses: z.string(),
  OnlyForMembers: flag,
  OnlyForContacts: flag,
  UseAsPayAsYouGoForMembers: flag,
  UseAsPayAsYouGoForContacts: flag,
  Archived: flag,
});

const SlotRow = z.object({ TimePassId: z.number(), DayOfWeek: z.number(), FromMinutes: z.number(), ToMinutes: z.number() });

const HeldRow = z.object({
  Id: z.number(),
  UniqueId: z.string(),
  TimePassId: z.number(),
  Used: flag,
  CheckedIn: flag,
  UsedDate: z.string().nullable(),
  RemainingUses: z.number().nullable(),
  ExpireDate: z.string().nullable(),
  IsFromTariff: flag,
  IsPayAsYouGo: flag,
});

const CustomerRow = z
  .object({ Id: z.number(), FullName: z.string(), TariffName: z.string().nullable(), Active: flag, Archived: flag })
  .transform((r): Customer => ({ id: r.Id, fullName: r.FullName, isMember: r.TariffName !== null, active: r.Active && !r.Archived }));

const OpenRow = z
  .object({ Id: z.number(), BusinessId: z.number(), FromTime: z.string(), CoworkerTimePassGuid: z.string().nullable() })
  .transform((r): OpenCheckin => ({
    id: r.Id,
    businessId: r.BusinessId,
    fromTime: r.FromTime,
    coworkerTimePassGuid: r.CoworkerTimePassGuid,
  }));

/** Reads the shapes `src/domain` reasons about, straight from the Nexudus tables. */
export function createRulesRepository(db: Db) {
  const locationStmt = db.prepare('SELECT * FROM businesses WHERE Id = ?');
  const allLocationsStmt = db.prepare('SELECT * FROM businesses');
  const customerStmt = db.prepare('SELECT Id, FullName, TariffName, Active, Archived FROM coworkers WHERE Id = ?');
  const heldStmt = db.prepare('SELECT * FROM coworkertimepasses WHERE CoworkerId = ?');
  const productStmt = db.prepare('SELECT * FROM timepasses WHERE Id = ?');
  const paygProductsStmt = db.prepare(
    'SELECT * FROM timepasses WHERE Archived = 0 AND (UseAsPayAsYouGoForMembers = 1 OR UseAsPayAsYouGoForContacts = 1)',
  );
  const slotsStmt = db.prepare('SELECT * FROM timepasstimeslots');
  const openStmt = db.prepare('SELECT * FROM checkins WHERE CoworkerId = ? AND BusinessId = ? AND ToTime IS NULL');
  const chargedStmt = db.prepare(
    'SELECT COALESCE(SUM(AmountMinor), 0) FROM payg_charges WHERE CoworkerId = ? AND BusinessId = ? AND CheckinDay = ? AND CheckinId != ?',
  );

  /** Every time slot by pass, in one query: the table is small and a check-in reads many passes. */
  const allSlots = (): Map<number, TimeSlot[]> => {
    const byPass = new Map<number, TimeSlot[]>();
    for (const row of slotsStmt.all()) {
      const s = SlotRow.parse(row);
      byPass.set(s.TimePassId, [
        ...(byPass.get(s.TimePassId) ?? []),
        { dayOfWeek: s.DayOfWeek, fromMinutes: s.FromMinutes, toMinutes: s.ToMinutes },
      ]);
    }
    return byPass;
  };

  const toProduct = (row: unknown, slots: Map<number, TimeSlot[]>): PassProduct => {
    const p = ProductRow.parse(row);
    return {
      id: p.Id,
      businessId: p.BusinessId,
      name: p.Name,
      priceMinor: p.PriceMinor,
      minutesIncluded: p.MinutesIncluded,
      usePriority: p.UsePriority,
      businesses: z.array(z.number()).parse(JSON.parse(p.Businesses)),
      onlyForMembers: p.OnlyForMembers,
      onlyForContacts: p.OnlyForContacts,
      paygForMembers: p.UseAsPayAsYouGoForMembers,
      paygForContacts: p.UseAsPayAsYouGoForContacts,
      archived: p.Archived,
      slots: slots.get(p.Id) ?? [],
    };
  };

  return {
    location: (id: number): Location | undefined => {
      const row = locationStmt.get(id);
      return row === undefined ? undefined : LocationRow.parse(row);
    },
    locations: (): Map<number, Location> =>
      new Map(
        allLocationsStmt
          .all()
          .map((row) => LocationRow.parse(row))
          .map((l) => [l.id, l]),
      ),
    customer: (id: number): Customer | undefined => {
      const row = customerStmt.get(id);
      return row === undefined ? undefined : CustomerRow.parse(row);
    },
    heldPasses(coworkerId: number): HeldPass[] {
      const products = new Map<number, PassProduct>();
      let slots: Map<number, TimeSlot[]> | undefined;
      return heldStmt.all(coworkerId).map((row) => {
        const h = HeldRow.parse(row);
        let product = products.get(h.TimePassId);
        if (!product) {
          product = toProduct(productStmt.get(h.TimePassId), (slots ??= allSlots()));
          products.set(h.TimePassId, product);
        }
        return {
          id: h.Id,
          uniqueId: h.UniqueId,
          product,
          used: h.Used,
          checkedIn: h.CheckedIn,
          usedDate: h.UsedDate,
          remainingMinutes: h.RemainingUses,
          expireDate: h.ExpireDate,
          isFromTariff: h.IsFromTariff,
          isPayAsYouGo: h.IsPayAsYouGo,
        };
      });
    },
    paygProducts: (): PassProduct[] => {
      const slots = allSlots();
      return paygProductsStmt.all().map((row) => toProduct(row, slots));
    },
    openCheckin(coworkerId: number, businessId: number): OpenCheckin | null {
      const row = openStmt.get(coworkerId, businessId);
      return row === undefined ? null : OpenRow.parse(row);
    },
    /** PAYG already charged that check-in day, leaving out one check-in's own charge. */
    paygChargedOn: (coworkerId: number, businessId: number, day: string, exceptCheckinId = 0): number =>
      Number(chargedStmt.pluck().get(coworkerId, businessId, day, exceptCheckinId)),
  };
}
export type RulesRepository = ReturnType<typeof createRulesRepository>;
