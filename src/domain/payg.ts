import { productCoverage, type VisitContext } from './coverage';
import type { Location, PassProduct } from './model';

export const PAYG_STEP_MINUTES = 15;

export function paygAvailableTo(product: PassProduct, isMember: boolean): boolean {
  return isMember ? product.paygForMembers : product.paygForContacts;
}

/** Price per minute, comparable across passes; a day-price pass counts as a full day's minutes. */
function pricePerMinute(product: PassProduct): number {
  return product.priceMinor / (product.minutesIncluded ?? 24 * 60);
}

/**
 * The PAYG pass Nexudus would sell for this visit: available to members or contacts as the
 * customer is, usable here and now, and the cheapest per minute (help.nexudus.com "managing pay
 * as you go passes"); the lower id breaks a tie so the choice is stable.
 */
export function choosePaygProduct(products: readonly PassProduct[], visit: VisitContext): PassProduct | undefined {
  return products
    .filter((p) => paygAvailableTo(p, visit.customer.isMember) && productCoverage(p, visit) === 'covers')
    .sort((a, b) => pricePerMinute(a) - pricePerMinute(b) || a.id - b.id)[0];
}

export type PaygTerms =
  | {
      kind: 'hourly';
      currency: string;
      hourlyRateMinor: number;
      stepMinutes: number;
      stepPriceMinor: number;
      dailyMinimumMinor: number | null;
      dailyMaximumMinor: number | null;
    }
  | { kind: 'day'; currency: string; dayPriceMinor: number };

/** What a PAYG pass costs at a location: 15-minute steps of its hourly rate, or a day price. */
export function paygTerms(product: PassProduct, location: Location): PaygTerms {
  if (product.minutesIncluded === null) {
    const capped =
      location.paygDailyMaximumMinor === null ? product.priceMinor : Math.min(product.priceMinor, location.paygDailyMaximumMinor);
    return { kind: 'day', currency: location.currency, dayPriceMinor: capped };
  }
  return {
    kind: 'hourly',
    currency: location.currency,
    hourlyRateMinor: Math.round((product.priceMinor * 60) / product.minutesIncluded),
    stepMinutes: PAYG_STEP_MINUTES,
    stepPriceMinor: Math.round((product.priceMinor * PAYG_STEP_MINUTES) / product.minutesIncluded),
    dailyMinimumMinor: location.paygDailyMinimumMinor,
    dailyMaximumMinor: location.paygDailyMaximumMinor,
  };
}

/**
 * The charge for one PAYG session of `minutes`, given what the customer was already charged for
 * PAYG at this location today: whole 15-minute steps (a 10-minute stay is one step), then the
 * day's total kept within the location's minimum and maximum.
 */
export function paygSessionCharge(terms: PaygTerms, minutes: number, chargedTodayMinor: number): number {
  if (terms.kind === 'day') return Math.max(0, terms.dayPriceMinor - chargedTodayMinor);
  const steps = Math.max(1, Math.ceil(minutes / terms.stepMinutes));
  let dayTotal = chargedTodayMinor + steps * terms.stepPriceMinor;
  if (terms.dailyMinimumMinor !== null) dayTotal = Math.max(dayTotal, terms.dailyMinimumMinor);
  if (terms.dailyMaximumMinor !== null) dayTotal = Math.min(dayTotal, terms.dailyMaximumMinor);
  return Math.max(0, dayTotal - chargedTodayMinor);
}
