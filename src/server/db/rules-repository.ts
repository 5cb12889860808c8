import type { z } from 'zod';
import { BusinessRecordSchema } from '../../contract/nexudus-businesses';
import { CheckinRecordSchema } from '../../contract/nexudus-checkins';
import { CoworkerRecordSchema } from '../../contract/nexudus-coworkers';
import {
  CoworkerTimePassRecordSchema,
  TimePassRecordSchema,
  TimeSlotRecordSchema,
  type TimeSlotRecord,
} from '../../contract/nexudus-passes';
import type { Customer, HeldPass, Location, OpenCheckin, PassProduct } from '../../domain/model';
import { toCustomer, toHeldPass, toLocation, toOpenCheckin, toProduct } from '../../domain/nexudus-records';
import type { Db, Statement } from './database';
import { businessesTable, checkinsTable, coworkerTimePassesTable, coworkersTable, timePassesTable, timeSlotsTable } from './nexudus-tables';
import { rowToWire, type TableSpec } from './table';

/**
 * What the embedded API's check-in rule decides on. It reads the Nexudus tables as the records
 * the API serves and translates them with the same functions as the gateway
 * (src/domain/nexudus-records.ts), so the rule and the gateway's preview see the same shapes.
 */
export function createRulesRepository(db: Db) {
  const query = <T>(spec: TableSpec, schema: z.ZodType<T>, where: string) => {
    const statement: Statement = db.prepare(`${spec.select}${where}`);
    return (...params: (string | number)[]): T[] =>
      statement.all(...params).map((row) => schema.parse(rowToWire(spec, row as Record<string, unknown>)));
  };
  const businessById = query(businessesTable, BusinessRecordSchema, ' WHERE t.Id = ?');
  const allBusinesses = query(businessesTable, BusinessRecordSchema, '');
  const coworkerById = query(coworkersTable, CoworkerRecordSchema, ' WHERE t.Id = ?');
  const heldBy = query(coworkerTimePassesTable, CoworkerTimePassRecordSchema, ' WHERE t.CoworkerId = ?');
  const productsByIds = query(timePassesTable, TimePassRecordSchema, ' WHERE t.Id IN (SELECT value FROM json_each(?))');
  const paygProducts = query(
    timePassesTable,
    TimePassRecordSchema,
    ' WHERE t.Archived = 0 AND (t.UseAsPayAsYouGoForMembers = 1 OR t.UseAsPayAsYouGoForContacts = 1)',
  );
  const slotsOf = query(timeSlotsTable, TimeSlotRecordSchema, ' WHERE t.TimePassId IN (SELECT value FROM json_each(?))');
  const openAt = query(checkinsTable, CheckinRecordSchema, ' WHERE t.CoworkerId = ? AND t.BusinessId = ? AND t.ToTime IS NULL');
  const chargedStmt = db
    .prepare(
      'SELECT COALESCE(SUM(AmountMinor), 0) FROM payg_charges WHERE CoworkerId = ? AND BusinessId = ? AND CheckinDay = ? AND CheckinId != ?',
    )
    .pluck();

  const products = (ids: number[]): Map<number, PassProduct> => {
    if (!ids.length) return new Map();
    const list = JSON.stringify([...new Set(ids)]);
    const slots: TimeSlotRecord[] = slotsOf(list);
    return new Map(productsByIds(list).map((p) => [p.Id, toProduct(p, slots)]));
  };

  return {
    location: (id: number): Location | undefined => businessById(id).map(toLocation)[0],
    locations: (): Map<number, Location> => new Map(allBusinesses().map((b) => [b.Id, toLocation(b)])),
    customer: (id: number): Customer | undefined => coworkerById(id).map(toCustomer)[0],
    heldPasses(coworkerId: number): HeldPass[] {
      const held = heldBy(coworkerId);
      const byId = products(held.map((h) => h.TimePassId));
      return held.flatMap((h) => {
        const product = byId.get(h.TimePassId);
        return product ? [toHeldPass(h, product)] : [];
      });
    },
    paygProducts: (): PassProduct[] => {
      const records = paygProducts();
      const slots = records.length ? slotsOf(JSON.stringify(records.map((p) => p.Id))) : [];
      return records.map((p) => toProduct(p, slots));
    },
    openCheckin: (coworkerId: number, businessId: number): OpenCheckin | null =>
      openAt(coworkerId, businessId).map(toOpenCheckin)[0] ?? null,
    /** PAYG already charged that check-in day, leaving out one check-in's own charge (the API's own charge ledger). */
    paygChargedOn: (coworkerId: number, businessId: number, day: string, exceptCheckinId = 0): number =>
      Number(chargedStmt.get(coworkerId, businessId, day, exceptCheckinId)),
  };
}
export type RulesRepository = ReturnType<typeof createRulesRepository>;
