/** The shapes the rules reason about. Money is in integer minor units of the location's currency. */

export interface Location {
  id: number;
  name: string;
  timeZone: string;
  currency: string;
  /** Minutes after local midnight at which the check-in day turns over. */
  dailyCutoffMinutes: number;
  /** The network location this one belongs to, if any. */
  parentId: number | null;
  paygDailyMinimumMinor: number | null;
  paygDailyMaximumMinor: number | null;
}

export interface TimeSlot {
  /** 0 Sunday … 6 Saturday. */
  dayOfWeek: number;
  fromMinutes: number;
  toMinutes: number;
}

/** A pass product (Nexudus TimePass). */
export interface PassProduct {
  id: number;
  businessId: number;
  name: string;
  priceMinor: number;
  /** null: a day pass; a number: a time pass with that many minutes. */
  minutesIncluded: number | null;
  /** 1 High, 2 Normal, 3 Low. */
  usePriority: number;
  businesses: number[];
  onlyForMembers: boolean;
  onlyForContacts: boolean;
  paygForMembers: boolean;
  paygForContacts: boolean;
  archived: boolean;
  slots: TimeSlot[];
}

/** A pass a customer holds (Nexudus CoworkerTimePass). */
export interface HeldPass {
  id: number;
  uniqueId: string;
  product: PassProduct;
  used: boolean;
  checkedIn: boolean;
  usedDate: string | null;
  /** Minutes left on a time pass; null on a day pass. */
  remainingMinutes: number | null;
  expireDate: string | null;
  isFromTariff: boolean;
  isPayAsYouGo: boolean;
}

export interface Customer {
  id: number;
  fullName: string;
  /** A member has an active plan; a contact has none. */
  isMember: boolean;
  active: boolean;
}

export interface OpenCheckin {
  id: number;
  businessId: number;
  fromTime: string;
  coworkerTimePassGuid: string | null;
}
