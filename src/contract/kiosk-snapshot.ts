import * as z from 'zod/mini';
import { FeedCheckSchema } from './feed';

/**
 * What the tablet keeps to decide offline: its location (and the network above it), the pass
 * products, and each directory member's passes and open check-in. These schemas are where the
 * shapes src/domain reasons about are declared (src/domain/model.ts names their types), so the
 * kiosk runs the same rules on exactly what the server sends. Money is in integer minor units.
 */
const int = z.int();
const nullableInt = z.nullable(z.int());

export const LocationModelSchema = z.object({
  id: int,
  name: z.string(),
  timeZone: z.string(),
  currency: z.string(),
  /** Minutes after local midnight at which the check-in day turns over. */
  dailyCutoffMinutes: int,
  /** The network location this one belongs to, if any. */
  parentId: nullableInt,
  paygDailyMinimumMinor: nullableInt,
  paygDailyMaximumMinor: nullableInt,
});
export type LocationModel = z.infer<typeof LocationModelSchema>;

/** 0 Sunday … 6 Saturday; minutes after local midnight. */
export const TimeSlotModelSchema = z.object({ dayOfWeek: int, fromMinutes: int, toMinutes: int });
export type TimeSlotModel = z.infer<typeof TimeSlotModelSchema>;

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
  slots: z.array(TimeSlotModelSchema),
});
/** A pass product (Nexudus TimePass): `minutesIncluded` null is a day pass; `usePriority` 1 High, 2 Normal, 3 Low. */
export type PassProductModel = z.infer<typeof PassProductModelSchema>;

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

/** A member has an active plan; a contact has none. */
export const CustomerModelSchema = z.object({ id: int, fullName: z.string(), isMember: z.boolean(), active: z.boolean() });
export type CustomerModel = z.infer<typeof CustomerModelSchema>;

export const OpenCheckinModelSchema = z.object({
  id: int,
  businessId: int,
  fromTime: z.string(),
  coworkerTimePassGuid: z.nullable(z.string()),
});
export type OpenCheckinModel = z.infer<typeof OpenCheckinModelSchema>;

export const SnapshotMemberSchema = z.object({
  customer: CustomerModelSchema,
  heldPasses: z.array(HeldPassModelSchema),
  openCheckin: z.nullable(OpenCheckinModelSchema),
  paygChargedTodayMinor: int,
  /** The check-in day the PAYG total belongs to (it resets at the cut-off). */
  chargedDay: z.string(),
});
export type SnapshotMember = z.infer<typeof SnapshotMemberSchema>;

export const SnapshotSchema = z.object({
  /** The content's version (absent in copies kept before versions existed: those are fetched whole). */
  version: z.optional(z.string()),
  generatedAt: z.string(),
  locationId: int,
  locations: z.array(LocationModelSchema),
  products: z.array(PassProductModelSchema),
  members: z.array(SnapshotMemberSchema),
});
export type Snapshot = z.infer<typeof SnapshotSchema>;

/** The snapshot's changes since the tablet's version (`GET /snapshot?since=`): members changed, and the small parts whole. */
export const SnapshotDeltaSchema = z.object({
  ...FeedCheckSchema.shape,
  generatedAt: z.string(),
  locationId: int,
  locations: z.array(LocationModelSchema),
  products: z.array(PassProductModelSchema),
  upserts: z.array(SnapshotMemberSchema),
});
export type SnapshotDelta = z.infer<typeof SnapshotDeltaSchema>;
