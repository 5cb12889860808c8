import { describe, expect, it } from 'vitest';
import { locationChain, type VisitContext } from './coverage';
import type { Location, PassProduct } from './model';
import { choosePaygProduct, paygSessionCharge, paygTerms } from './payg';

const london: Location = {
  id: 1,
  name: 'London',
  timeZone: 'Europe/London',
  currency: 'GBP',
  dailyCutoffMinutes: 0,
  parentId: null,
  paygDailyMinimumMinor: 300,
  paygDailyMaximumMinor: 2000,
};
const product = (overrides: Partial<PassProduct>): PassProduct => ({
  id: 1,
  businessId: 1,
  name: 'PAYG',
  priceMinor: 400,
  minutesIncluded: 60,
  usePriority: 2,
  businesses: [],
  onlyForMembers: false,
  onlyForContacts: false,
  paygForMembers: true,
  paygForContacts: false,
  archived: false,
  slots: [],
  ...overrides,
});
const visit = (isMember: boolean): VisitContext => ({
  customer: { id: 1, fullName: 'A', isMember, active: true },
  location: london,
  chain: locationChain(london, new Map([[1, london]])),
  at: new Date('2026-11-23T10:00:00Z'),
});

describe('pay as you go', () => {
  it('charges whole 15-minute steps of the hourly rate', () => {
    const terms = paygTerms(product({}), { ...london, paygDailyMinimumMinor: null, paygDailyMaximumMinor: null });
    expect(paygSessionCharge(terms, 10, 0)).toBe(100);
    expect(paygSessionCharge(terms, 45, 0)).toBe(300);
    expect(paygSessionCharge(terms, 46, 0)).toBe(400);
  });

  it('keeps the day within the location minimum and maximum', () => {
    const terms = paygTerms(product({}), london);
    expect(paygSessionCharge(terms, 15, 0)).toBe(300);
    expect(paygSessionCharge(terms, 600, 0)).toBe(2000);
    expect(paygSessionCharge(terms, 600, 1900)).toBe(100);
    expect(paygSessionCharge(terms, 60, 2000)).toBe(0);
  });

  it('sells the cheapest pass per minute available to the customer type', () => {
    const products = [
      product({ id: 1, priceMinor: 500, minutesIncluded: 60 }),
      product({ id: 2, priceMinor: 1500, minutesIncluded: 240 }),
      product({ id: 3, priceMinor: 100, minutesIncluded: 60, paygForMembers: false, paygForContacts: true }),
    ];
    expect(choosePaygProduct(products, visit(true))?.id).toBe(2);
    expect(choosePaygProduct(products, visit(false))?.id).toBe(3);
  });
});
