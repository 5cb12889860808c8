import type { BusinessRecord } from '../contract/nexudus-businesses';
import type { CheckinRecord } from '../contract/nexudus-checkins';
import type { CoworkerRecord } from '../contract/nexudus-coworkers';
import type { CoworkerTimePassRecord, TimePassRecord, TimeSlotRecord } from '../contract/nexudus-passes';
import { dayAt } from './check-in-day';
import type { Customer, HeldPass, Location, OpenCheckin, PassProduct } from './model';
import { toMinor } from './money';
import { timeOfDayToMinutes } from './time';

/**
 * The one translation of Nexudus records (wire names, as the API serves them) into the shapes the
 * rules reason about. The embedded API's rule, the gateway and — through the snapshot — the
 * tablet all decide on what these functions return.
 */

export function toLocation(b: BusinessRecord): Location {
  return {
    id: b.Id,
    name: b.Name,
    timeZone: b.TimeZone,
    currency: b.CurrencyCode,
    dailyCutoffMinutes: timeOfDayToMinutes(b.DailyCutoffTime),
    parentId: b.RootLocationId,
    paygDailyMinimumMinor: b.PaygDailyMinimum === null ? null : toMinor(b.PaygDailyMinimum, b.CurrencyCode),
    paygDailyMaximumMinor: b.PaygDailyMaximum === null ? null : toMinor(b.PaygDailyMaximum, b.CurrencyCode),
  };
}

export function toProduct(p: TimePassRecord, slots: readonly TimeSlotRecord[]): PassProduct {
  return {
    id: p.Id,
    businessId: p.BusinessId,
    name: p.Name,
    priceMinor: toMinor(p.Price, p.CurrencyCode),
    minutesIncluded: p.MinutesIncluded,
    usePriority: p.UsePriority,
    businesses: p.Businesses,
    onlyForMembers: p.OnlyForMembers,
    onlyForContacts: p.OnlyForContacts,
    paygForMembers: p.UseAsPayAsYouGoForMembers,
    paygForContacts: p.UseAsPayAsYouGoForContacts,
    archived: p.Archived,
    slots: slots
      .filter((s) => s.TimePassId === p.Id)
      .map((s) => ({ dayOfWeek: s.DayOfWeek, fromMinutes: timeOfDayToMinutes(s.FromTime), toMinutes: timeOfDayToMinutes(s.ToTime) })),
  };
}

/** A held pass without its product (the offline snapshot refers to the product by id). */
export function heldPassFields(h: CoworkerTimePassRecord): Omit<HeldPass, 'product'> {
  return {
    id: h.Id,
    uniqueId: h.UniqueId,
    used: h.Used,
    checkedIn: h.CheckedIn,
    usedDate: h.UsedDate,
    remainingMinutes: h.RemainingUses,
    expireDate: h.ExpireDate,
    isFromTariff: h.IsFromTariff,
    isPayAsYouGo: h.IsPayAsYouGo,
  };
}

export function toHeldPass(h: CoworkerTimePassRecord, product: PassProduct): HeldPass {
  return { ...heldPassFields(h), product };
}

/** A member has a plan (Nexudus derives this from contracts; Tapdesk's records carry IsMember). */
export function toCustomer(c: CoworkerRecord): Customer {
  return { id: c.Id, fullName: c.FullName, isMember: c.IsMember, active: c.Active && !c.Archived };
}

export function toOpenCheckin(c: CheckinRecord): OpenCheckin {
  return { id: c.Id, businessId: c.BusinessId, fromTime: c.FromTime, coworkerTimePassGuid: c.CoworkerTimePassGuid };
}

/** A customer of the location: it is their home (invoicing) location or one of their businesses. */
export function linkedTo(c: CoworkerRecord, businessId: number): boolean {
  return c.InvoicingBusinessId === businessId || c.Businesses.includes(businessId);
}

/** PAYG charged to a customer at the location on a check-in day: the `Price` of the PAYG passes used that day. */
export function paygChargedOn(held: readonly CoworkerTimePassRecord[], location: Location, day: string): number {
  return held
    .filter((h) => h.IsPayAsYouGo && h.BusinessId === location.id && h.UsedDate && dayAt(location, new Date(h.UsedDate)) === day)
    .reduce((sum, h) => sum + toMinor(h.Price ?? 0, location.currency), 0);
}
