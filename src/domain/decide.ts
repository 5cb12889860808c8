import { choosePass } from './choice';
import { locationChain, productCoverage, type VisitContext } from './coverage';
import type { Customer, HeldPass, Location, OpenCheckin, PassProduct } from './model';
import { choosePaygProduct, paygTerms, type PaygTerms } from './payg';
import { checkinDay } from './time';

export interface CheckinInput {
  customer: Customer;
  location: Location;
  locations: ReadonlyMap<number, Location>;
  heldPasses: readonly HeldPass[];
  /** Every pass product that could be sold as PAYG (the rules filter them). */
  products: readonly PassProduct[];
  openCheckin: OpenCheckin | null;
  /** What the customer was already charged for PAYG at this location on this check-in day. */
  paygChargedTodayMinor: number;
  at: Date;
  /** An explicit pass the caller asked for (Nexudus CoworkerTimePassGuid). */
  requestedPassGuid?: string | null;
}

export type CheckinDecision =
  | { kind: 'checked-in'; openCheckin: OpenCheckin }
  | { kind: 'inactive' }
  | { kind: 'pass'; pass: HeldPass }
  /** A PAYG pass: `reuse` is one already assigned today, else `product` is sold anew. */
  | { kind: 'payg'; product: PassProduct; reuse: HeldPass | null; terms: PaygTerms; chargedTodayMinor: number }
  | { kind: 'requested-pass-invalid' }
  | { kind: 'no-valid-pass' };

export const NO_VALID_PASS_MESSAGE = 'does not have a valid time pass for this location and time';

function sameCheckinDay(usedDate: string | null, visit: VisitContext): boolean {
  if (!usedDate) return false;
  const { timeZone, dailyCutoffMinutes } = visit.location;
  return checkinDay(new Date(usedDate), timeZone, dailyCutoffMinutes) === checkinDay(visit.at, timeZone, dailyCutoffMinutes);
}

/**
 * What a check-in by this customer here and now does. The embedded Nexudus applies it, the
 * gateway previews it, and the kiosk previews it offline from its cache — one rule, three callers.
 */
export function decideCheckin(input: CheckinInput): CheckinDecision {
  if (input.openCheckin) return { kind: 'checked-in', openCheckin: input.openCheckin };
  if (!input.customer.active) return { kind: 'inactive' };
  const visit: VisitContext = {
    customer: input.customer,
    location: input.location,
    chain: locationChain(input.location, input.locations),
    at: input.at,
  };

  if (input.requestedPassGuid) {
    const requested = input.heldPasses.filter((p) => p.uniqueId === input.requestedPassGuid && !p.isPayAsYouGo);
    const pass = choosePass(requested, visit);
    return pass ? { kind: 'pass', pass } : { kind: 'requested-pass-invalid' };
  }

  const pass = choosePass(input.heldPasses, visit);
  if (pass) return { kind: 'pass', pass };

  const reuse = input.heldPasses.find(
    (p) => p.isPayAsYouGo && sameCheckinDay(p.usedDate, visit) && productCoverage(p.product, visit) === 'covers',
  );
  const product = reuse?.product ?? choosePaygProduct(input.products, visit);
  if (!product) return { kind: 'no-valid-pass' };
  return {
    kind: 'payg',
    product,
    reuse: reuse ?? null,
    terms: paygTerms(product, input.location),
    chargedTodayMinor: input.paygChargedTodayMinor,
  };
}
