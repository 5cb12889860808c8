import type { Customer, HeldPass, Location, PassProduct, TimeSlot } from './model';
import { checkinDay, localParts } from './time';

/** Why a pass does or does not cover a visit; `covers` is the only good answer. */
export type Coverage = 'covers' | 'archived' | 'wrong-location' | 'not-for-customer' | 'outside-hours' | 'expired' | 'used-up';

/** The location and every network location above it, nearest first. */
export function locationChain(location: Location, locations: ReadonlyMap<number, Location>): number[] {
  const chain: number[] = [];
  let current: Location | undefined = location;
  while (current && !chain.includes(current.id)) {
    chain.push(current.id);
    current = current.parentId === null ? undefined : locations.get(current.parentId);
  }
  return chain;
}

/**
 * A product can be used at a location when it belongs to that location or to a network location
 * above it, or when it lists the location among its businesses.
 */
export function productCoversLocation(product: PassProduct, chain: readonly number[]): boolean {
  const here = chain[0];
  return chain.includes(product.businessId) || (here !== undefined && product.businesses.includes(here));
}

export function slotsAllow(slots: readonly TimeSlot[], instant: Date, timeZone: string): boolean {
  if (slots.length === 0) return true;
  const { dayOfWeek, minutes } = localParts(instant, timeZone);
  return slots.some((s) => s.dayOfWeek === dayOfWeek && minutes >= s.fromMinutes && minutes < s.toMinutes);
}

export function productAvailableTo(product: PassProduct, customer: Customer): boolean {
  if (product.onlyForMembers && !customer.isMember) return false;
  if (product.onlyForContacts && customer.isMember) return false;
  return true;
}

export interface VisitContext {
  customer: Customer;
  location: Location;
  /** locationChain(location, …): the location then its networks. */
  chain: readonly number[];
  at: Date;
}

/** Where a product can be used at this visit, leaving aside the held pass's own state. */
export function productCoverage(product: PassProduct, visit: VisitContext): Coverage {
  if (product.archived) return 'archived';
  if (!productCoversLocation(product, visit.chain)) return 'wrong-location';
  if (!productAvailableTo(product, visit.customer)) return 'not-for-customer';
  if (!slotsAllow(product.slots, visit.at, visit.location.timeZone)) return 'outside-hours';
  return 'covers';
}

/** A day pass is good for its whole check-in day; a time pass while minutes remain. */
export function usedTodayOnly(pass: HeldPass, visit: VisitContext): boolean {
  if (pass.product.minutesIncluded !== null || !pass.used || !pass.usedDate) return false;
  const { timeZone, dailyCutoffMinutes } = visit.location;
  return checkinDay(new Date(pass.usedDate), timeZone, dailyCutoffMinutes) === checkinDay(visit.at, timeZone, dailyCutoffMinutes);
}

export function heldPassCoverage(pass: HeldPass, visit: VisitContext): Coverage {
  const product = productCoverage(pass.product, visit);
  if (product !== 'covers') return product;
  if (pass.expireDate !== null && new Date(pass.expireDate).getTime() <= visit.at.getTime()) return 'expired';
  if (pass.product.minutesIncluded === null) {
    return !pass.used || usedTodayOnly(pass, visit) ? 'covers' : 'used-up';
  }
  return (pass.remainingMinutes ?? pass.product.minutesIncluded) > 0 ? 'covers' : 'used-up';
}
