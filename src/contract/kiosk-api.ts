import * as z from 'zod/mini';
import { FeedCheckSchema } from './feed';

/**
 * The kiosk API (`/kiosk/v1`): camelCase, Tapdesk's own. Nexudus wire names stay behind the gateway.
 * Written with zod/mini, the tree-shakable form of zod 4, because the kiosk ships it to the tablet.
 */

/** A Nexudus record's id. */
export const id = z.int().check(z.positive());
const instant = z.iso.datetime({ offset: true });
const nullableInt = z.nullable(z.int());

export const PAIRING_CODE_PATTERN = /^[A-HJ-NP-Z2-9]{4}-?[A-HJ-NP-Z2-9]{4}$/;
export const normalisePairingCode = (code: string) => code.toUpperCase().replace(/[^A-Z0-9]/g, '');

export const hexColour = z.string().check(z.regex(/^#[0-9a-fA-F]{6}$/, { error: 'Give a colour as #RRGGBB, e.g. #145C5E.' }));

/** The kiosk's theme tokens for a location's brand colour, already made readable (src/domain/contrast.ts). */
export const KioskThemeSchema = z.object({ brand900: hexColour, brand700: hexColour, brand600: hexColour, brand100: hexColour });

/**
 * How the tablet looks at a location: its colours, logo and a picture of the space behind the
 * attract screen (none: Tapdesk's own). `bannerUrl` is optional for a tablet's record kept from
 * before pictures existed.
 */
export const LocationLookSchema = z.object({
  theme: z.nullable(KioskThemeSchema),
  logoUrl: z.nullable(z.string()),
  bannerUrl: z.optional(z.nullable(z.string())),
});
export type LocationLook = z.infer<typeof LocationLookSchema>;

const minuteOfDay = z.int().check(z.gte(0), z.lte(1440));
/** A week of opening hours, Sunday first (0 … 6, as src/domain/opening-hours.ts): each day's opening and closing minute, or null (closed). */
export const OpeningHoursSchema = z.array(z.nullable(z.object({ open: minuteOfDay, close: minuteOfDay }))).check(z.length(7));

export const LocationInfoSchema = z.object({
  id,
  name: z.string(),
  timeZone: z.string(),
  currency: z.string(),
  /** The member's PIN is asked before any PAYG charge when they were found by name. */
  pinBeforeCharge: z.boolean(),
  /** Walk-in visitors wait for their host's answer before they go in (optional: tablets paired earlier). */
  visitorHostApproval: z.optional(z.boolean()),
  /** The location's visitor terms, shown and accepted before a walk-in registers. */
  visitorTerms: z.optional(z.string()),
  /** The location's colours and logo (optional: tablets paired earlier, and locations with none). */
  look: z.optional(LocationLookSchema),
  /** When the location is open, by its own clock; the screen sleeps outside them (absent or null: always awake). */
  openingHours: z.optional(z.nullable(OpeningHoursSchema)),
});
export type LocationInfo = z.infer<typeof LocationInfoSchema>;

export const PairRequestSchema = z.object({
  code: z
    .string()
    .check(z.trim(), z.toUpperCase(), z.regex(PAIRING_CODE_PATTERN, { error: 'Enter the 8-character code shown on the admin page.' })),
  deviceName: z
    .string()
    .check(z.trim(), z.minLength(1, { error: 'Give this tablet a name.' }), z.maxLength(60, { error: 'Use at most 60 characters.' })),
  staffPin: z.string().check(z.regex(/^\d{4,8}$/, { error: 'The staff PIN is 4 to 8 digits.' })),
});
export type PairRequest = z.infer<typeof PairRequestSchema>;

export const DeviceInfoSchema = z.object({ id, name: z.string(), location: LocationInfoSchema });
export type DeviceInfo = z.infer<typeof DeviceInfoSchema>;

export const PairResponseSchema = z.object({ deviceToken: z.string().check(z.minLength(20)), device: DeviceInfoSchema });
export type PairResponse = z.infer<typeof PairResponseSchema>;

export const DirectoryEntrySchema = z.object({
  id,
  displayName: z.string(),
  initials: z.string(),
  company: z.nullable(z.string()),
  photoUrl: z.nullable(z.string()),
  hasPin: z.boolean(),
  hasCard: z.boolean(),
});
export type DirectoryEntry = z.infer<typeof DirectoryEntrySchema>;

export const DirectorySchema = z.object({
  location: LocationInfoSchema,
  version: z.string(),
  generatedAt: instant,
  members: z.array(DirectoryEntrySchema),
});
export type Directory = z.infer<typeof DirectorySchema>;

/** The directory's changes since the tablet's version (`GET /directory?since=`). */
export const DirectoryDeltaSchema = z.object({
  ...FeedCheckSchema.shape,
  location: LocationInfoSchema,
  generatedAt: instant,
  upserts: z.array(DirectoryEntrySchema),
});
export type DirectoryDelta = z.infer<typeof DirectoryDeltaSchema>;

export const IdentifyRequestSchema = z.object({
  method: z.enum(['pin', 'card']),
  value: z.string().check(z.trim(), z.minLength(1), z.maxLength(64)),
});
export type IdentifyRequest = z.infer<typeof IdentifyRequestSchema>;

/** `identityToken` proves, for a few minutes, that this member identified with their PIN or card. */
export const IdentifyResponseSchema = z.object({ coworkerId: id, displayName: z.string(), identityToken: z.string() });
export type IdentifyResponse = z.infer<typeof IdentifyResponseSchema>;

const PassSummarySchema = z.object({
  name: z.string(),
  kind: z.enum(['day', 'time']),
  minutesLeft: nullableInt,
  /** Other unused passes of the same product after this visit. */
  passesLeft: z.int(),
  expiresAt: z.nullable(instant),
  alreadyUsedToday: z.boolean(),
});
export type PassSummary = z.infer<typeof PassSummarySchema>;

export const PaygTermsSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('hourly'),
    currency: z.string(),
    hourlyRateMinor: z.int(),
    stepMinutes: z.int(),
    stepPriceMinor: z.int(),
    dailyMinimumMinor: nullableInt,
    dailyMaximumMinor: nullableInt,
  }),
  z.object({ kind: z.literal('day'), currency: z.string(), dayPriceMinor: z.int() }),
]);

export const PaygOfferSchema = z.object({
  name: z.string(),
  terms: PaygTermsSchema,
  chargedTodayMinor: z.int(),
  /** What agreeing costs at least (the first step, or the day price less what was paid today). */
  firstChargeMinor: z.int(),
});
export type PaygOffer = z.infer<typeof PaygOfferSchema>;

export const EligibilitySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('checked-in'), since: instant, passName: z.nullable(z.string()) }),
  z.object({ kind: z.literal('pass'), pass: PassSummarySchema }),
  z.object({ kind: z.literal('payg'), payg: PaygOfferSchema }),
  z.object({ kind: z.literal('no-valid-pass') }),
  z.object({ kind: z.literal('inactive') }),
]);
export type Eligibility = z.infer<typeof EligibilitySchema>;

export const MemberStatusSchema = z.object({
  member: z.object({ id, displayName: z.string(), company: z.nullable(z.string()) }),
  location: LocationInfoSchema,
  at: instant,
  eligibility: EligibilitySchema,
});
export type MemberStatus = z.infer<typeof MemberStatusSchema>;

export const SubmitCheckinSchema = z.object({
  clientId: z.uuid({ error: 'clientId must be a UUID made on the tablet' }),
  coworkerId: id,
  action: z.enum(['in', 'out']),
  tappedAt: instant,
  deviceNow: instant,
  acceptedCharge: z._default(z.boolean(), false),
  /** The member's PIN, when the location asks for it before a charge and they were found by name. */
  pin: z.optional(z.string().check(z.regex(/^\d{4,12}$/))),
  /** From /identify, when they identified with a PIN or card. */
  identityToken: z.optional(z.string().check(z.maxLength(300))),
});
export type SubmitCheckin = z.infer<typeof SubmitCheckinSchema>;

export const REFUSAL_CODES = [
  'NO_VALID_PASS',
  'CHARGE_NOT_ACCEPTED',
  'PIN_REQUIRED',
  'WRONG_PIN',
  'NOT_CHECKED_IN',
  'ALREADY_CHECKED_IN',
  'INACTIVE',
  'DEVICE_REVOKED',
  'UPSTREAM_REFUSED',
  'UNKNOWN_MEMBER',
  /** Too many wrong PINs for now: the tablet, the location or the member is locked for a while. */
  'PIN_LOCKED',
  /** The tap cannot be recorded as sent: too old, or its client id was already used for another tap. */
  'TAP_REJECTED',
] as const;
export type RefusalCode = (typeof REFUSAL_CODES)[number];

export const SubmitResultSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.enum(['checked-in', 'checked-out']),
    clientId: z.string(),
    checkinId: id,
    /** The recorded time (the tap, corrected for the tablet's clock). */
    at: instant,
    /** Set when a late check-in was recorded as a visit closed at the day's cut-off. */
    closedAt: z.nullable(instant),
    passName: z.nullable(z.string()),
    pass: z.nullable(PassSummarySchema),
    payg: z.nullable(PaygOfferSchema),
    duplicate: z.boolean(),
    clockSkewSeconds: z.int(),
    clockSkewFlagged: z.boolean(),
  }),
  z.object({
    status: z.literal('refused'),
    clientId: z.string(),
    code: z.enum(REFUSAL_CODES),
    message: z.string(),
    eligibility: z.nullable(EligibilitySchema),
    duplicate: z.boolean(),
  }),
  /** Written by the service worker, never by the server: kept in the outbox, sent later. */
  z.object({ status: z.literal('queued'), clientId: z.string(), queuedAt: instant }),
]);
export type SubmitResult = z.infer<typeof SubmitResultSchema>;

/** Undo a mistaken check-in from the tablet, shortly after the tap. */
export const UNDO_WINDOW_SECONDS = 120;
export const UndoResultSchema = z.object({ status: z.literal('undone'), clientId: z.string() });
export type UndoResult = z.infer<typeof UndoResultSchema>;

export const KIOSK_ERROR_CODES = [
  'UNAUTHORIZED',
  'DEVICE_REVOKED',
  'VALIDATION',
  'NOT_FOUND',
  'UNKNOWN_CREDENTIAL',
  'LOCKED_OUT',
  'RATE_LIMITED',
  'IN_PROGRESS',
  'UPSTREAM_UNAVAILABLE',
  'INTERNAL',
  /** A visitor whose host has not approved (or declined), or whose invitation is not for today. */
  'NOT_APPROVED',
  /** A host's link (or staff) answering a visitor someone already answered. */
  'ALREADY_ANSWERED',
  /** A host's link past its time. */
  'EXPIRED',
] as const;
export type KioskErrorCode = (typeof KIOSK_ERROR_CODES)[number];
export const KioskErrorSchema = z.object({
  error: z.object({ code: z.enum(KIOSK_ERROR_CODES), message: z.string(), retryAfterSeconds: z.optional(z.int()) }),
});
export type KioskError = z.infer<typeof KioskErrorSchema>;

export const StaffCheckSchema = z.object({ staffPin: z.string().check(z.regex(/^\d{4,8}$/)) });

/**
 * A guessing limit that is in force: which secret, counted for whom, until when. Shown on the
 * admin page (every location) and the staff panel (this tablet's location).
 */
export const LOCKOUT_KINDS = ['identify', 'charge-pin', 'staff-pin', 'pairing', 'password', 'secret-lookup', 'walk-in'] as const;
export const LOCKOUT_SCOPES = ['tablet', 'location', 'member', 'account-client', 'client', 'account'] as const;
export const LockoutSchema = z.object({
  id: z.string(),
  kind: z.enum(LOCKOUT_KINDS),
  scope: z.enum(LOCKOUT_SCOPES),
  /** Who is locked, in words (a tablet's name, a location, a member's name, an account and address). */
  label: z.string(),
  businessId: z.nullable(id),
  lockedUntil: instant,
});
export type Lockout = z.infer<typeof LockoutSchema>;
const BudgetWindowSchema = z.object({ points: z.int(), seconds: z.int(), used: z.int() });
/** How the gateway's connection to Nexudus is doing (admin page and staff panel). */
export const UpstreamStatusSchema = z.object({
  mode: z.enum(['embedded', 'nexudus']),
  state: z.enum(['unknown', 'ok', 'signed-out', 'unreachable', 'throttled']),
  since: instant,
  /** What is happening and what to do, in words for staff. */
  message: z.string(),
  /** Requests used against Nexudus's limits, when the gateway keeps a budget (production). */
  budget: z.nullable(
    z.object({
      all: z.array(BudgetWindowSchema),
      writes: z.array(BudgetWindowSchema),
      pausedForSeconds: z.int(),
      throttledCount: z.int(),
    }),
  ),
  /** Taps the gateway holds until Nexudus takes them (its upstream outbox). */
  outbox: z.object({
    count: z.int(),
    /** Since when the oldest held tap waits. */
    oldestSince: z.nullable(instant),
    /** Why the latest held tap could not be sent, in words for staff. */
    lastError: z.nullable(z.string()),
    /** Seconds until the gateway tries Nexudus again (0: it is sending). */
    pausedForSeconds: z.int(),
  }),
});
export type UpstreamStatus = z.infer<typeof UpstreamStatusSchema>;

/** How far the gateway's mirror of one location has got (admin page). */
export const MirrorSyncStateSchema = z.object({
  businessId: id,
  name: z.string(),
  /** The last full listing, and the last sync of any kind. */
  fullAt: z.nullable(instant),
  syncedAt: z.nullable(instant),
  /** Customers of the location in the mirror. */
  records: z.int(),
  /** Why the last sync failed (a list longer than Tapdesk reads is one), until one succeeds. */
  lastError: z.nullable(z.string()),
  lastErrorAt: z.nullable(instant),
});
export type MirrorSyncState = z.infer<typeof MirrorSyncStateSchema>;
export const SyncRequestSchema = z.object({ businessId: id });

/** The staff PIN was right: what staff at this tablet should know. */
export const StaffCheckResultSchema = z.object({ lockouts: z.array(LockoutSchema), upstream: UpstreamStatusSchema });
export type StaffCheckResult = z.infer<typeof StaffCheckResultSchema>;
export const ClearLockoutSchema = z.object({ id: z.string().check(z.minLength(1), z.maxLength(400)) });

/** Staff (admin page) */
export const StaffSignInSchema = z.object({
  email: z.string().check(z.trim(), z.minLength(3, { error: 'Enter your email.' }), z.maxLength(254)),
  password: z.string().check(z.minLength(1, { error: 'Enter your password.' }), z.maxLength(1024)),
});
export const StaffSessionSchema = z.object({ staffToken: z.string(), email: z.string(), expiresAt: instant });
export const PairingCodeRequestSchema = z.object({ businessId: id });
export const PairingCodeSchema = z.object({ code: z.string(), businessId: id, expiresAt: instant });
export const AdminLocationSchema = z.object({ id, name: z.string(), timeZone: z.string(), currency: z.string() });
export type AdminLocation = z.infer<typeof AdminLocationSchema>;
export const AdminDeviceSchema = z.object({
  id,
  name: z.string(),
  location: z.object({ id, name: z.string() }),
  pairedAt: instant,
  lastSeenAt: z.nullable(instant),
  revokedAt: z.nullable(instant),
  outboxPending: z.int(),
  outboxRejected: z.int(),
  outboxOldestAt: z.nullable(instant),
  appVersion: z.nullable(z.string()),
  wakeLock: z.nullable(z.string()),
});
export type AdminDevice = z.infer<typeof AdminDeviceSchema>;

/**
 * What the tablet's screen is doing: `awake` (the wake lock is held: the location is open or someone
 * touched it), `asleep` (outside opening hours: the lock is let go, the screen may turn off),
 * `unsupported` (the browser has no wake lock), `refused` (the browser declined it).
 */
export const WAKE_LOCK_STATES = ['awake', 'asleep', 'unsupported', 'refused'] as const;
export type WakeLockState = (typeof WAKE_LOCK_STATES)[number];

export const HeartbeatSchema = z.object({
  outboxPending: z.int().check(z.gte(0), z.lte(1_000_000)),
  outboxRejected: z.int().check(z.gte(0), z.lte(1_000_000)),
  outboxOldestAt: z.nullable(instant),
  /** The app's version as package.json gives it (1.4.0, 1.4.0-rc.1+abc): nothing else shows on the admin page. */
  appVersion: z
    .string()
    .check(z.regex(/^[0-9A-Za-z][0-9A-Za-z.+-]{0,39}$/, { error: 'Give the app version as in package.json, e.g. 1.4.0.' })),
  /** The screen's wake lock (optional: tablets on an older version say nothing). */
  wakeLock: z.optional(z.enum(WAKE_LOCK_STATES)),
});
export type Heartbeat = z.infer<typeof HeartbeatSchema>;
