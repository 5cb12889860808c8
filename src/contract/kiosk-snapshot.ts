import * as z from 'zod/mini';

/**
 * What the tablet keeps to decide offline: its location (and the network above it), the pass
 * products, and each directory member's passes and open check-in. The shapes are src/domain's
 * model, so the kiosk runs the same rules on them as the server.
 */
const int = z.int();
const nullableInt = z.nullable(z.int());

export const LocationModelSchema = z.object({
  id: int,
  name: z.string(),
  timeZone: z.string(),
  currency: z.string(),
  dailyCutoffMinutes: int,
  parentId: nullableInt,
  paygDailyMinimumMinor: nullableInt,
  paygDailyMaximumMinor: nullableInt,
});

export const PassProductModelSchema = z.object({
  id: int,
  businessId: int,
  name: z.string(),
  priceMinor: int,
  minutesIncluded: nullableInt,
  usePriority: int,
  businesses: z.array(int),
  onlyForMembers: z.boolean(),
  onlyForContacts: z.boolean(),
  paygForMembers: z.boolean(),
  paygForContacts: z.boolean(),
  archived: z.boolean(),
  slots: z.array(z.object({ dayOfWeek: int, fromMinutes: int, toMinutes: int })),
});

export const HeldPassModelSchema = z.object({
  id: int,
  uniqueId: z.string(),
  productId: int,
  used: z.boolean(),
  checkedIn: z.boolean(),
  usedDate: z.nullable(z.string()),
  remainingMinutes: nullableInt,
  expireDate: z.nullable(z.string()),
  isFromTariff: z.boolean(),
  isPayAsYouGo: z.boolean(),
});
export type HeldPassModel = z.infer<typeof HeldPassModelSchema>;

export const SnapshotMemberSchema = z.object({
  customer: z.object({ id: int, fullName: z.string(), isMember: z.boolean(), active: z.boolean() }),
  heldPasses: z.array(HeldPassModelSchema),
  openCheckin: z.nullable(z.object({ id: int, businessId: int, fromTime: z.string(), coworkerTimePassGuid: z.nullable(z.string()) })),
  paygChargedTodayMinor: int,
  /** The check-in day the PAYG total belongs to (it resets at the cut-off). */
  chargedDay: z.string(),
});
export type SnapshotMember = z.infer<typeof SnapshotMemberSchema>;

export const SnapshotSchema = z.object({
  generatedAt: z.string(),
  locationId: int,
  locations: z.array(LocationModelSchema),
  products: z.array(PassProductModelSchema),
  members: z.array(SnapshotMemberSchema),
});
export type Snapshot = z.infer<typeof SnapshotSchema>;
