import * as z from 'zod/mini';

/**
 * The kiosk API's visitor routes (`/kiosk/v1/visitors…`, `/kiosk/v1/host-answers…`,
 * `/kiosk/v1/admin/visitors…`): camelCase, Tapdesk's own. Written with zod/mini (shipped to the tablet).
 */

const id = z.int().check(z.positive());
const instant = z.iso.datetime({ offset: true });
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** A name goes into the host's e-mail: no control characters, no links. */
const PLAIN_NAME = /^(?!.*:\/\/)(?!.*www\.)[^\p{Cc}<>]*$/iu;

/** A walk-in registering on the tablet. `clientId` makes a resend (a double tap, a retry) create one visitor. */
export const WalkInRequestSchema = z.object({
  clientId: z.uuid({ error: 'clientId must be a UUID made on the tablet' }),
  fullName: z
    .string()
    .check(
      z.trim(),
      z.minLength(2, { error: 'Please enter your full name.' }),
      z.maxLength(200, { error: 'Use at most 200 characters.' }),
      z.regex(PLAIN_NAME, { error: 'Please enter just your name.' }),
    ),
  email: z
    .string()
    .check(
      z.trim(),
      z.maxLength(254, { error: 'Use at most 254 characters.' }),
      z.regex(EMAIL, { error: 'Please enter an email address such as name@example.com.' }),
    ),
  companyName: z.optional(
    z
      .string()
      .check(
        z.trim(),
        z.maxLength(200, { error: 'Use at most 200 characters.' }),
        z.regex(PLAIN_NAME, { error: 'Please enter just the company name.' }),
      ),
  ),
  hostId: id,
  acceptedTerms: z.literal(true, { error: 'Please accept the visitor terms to continue.' }),
  /**
   * When the visitor pressed "Let them know I'm here" (the tablet's clock). A registration that
   * waited in the tablet's outbox past the location's day is not sent to the host the next day.
   */
  registeredAt: z.optional(instant),
});
export type WalkInRequest = z.infer<typeof WalkInRequestSchema>;

/**
 * Where a walk-in stands. `waiting`: the host was told and has not answered. `collect`: the host
 * comes to reception. `desk`: go up to the host. `declined`: see reception. `checked-in`: no
 * approval needed, the visitor is checked in.
 */
export const WALK_IN_OUTCOMES = ['waiting', 'collect', 'desk', 'declined', 'checked-in'] as const;
export type WalkInOutcome = (typeof WALK_IN_OUTCOMES)[number];
/** How the host hears of the visitor: Tapdesk's e-mail, staff on the admin page (no SMTP), or Nexudus itself. */
export const HOST_NOTICES = ['email', 'staff', 'nexudus', 'none'] as const;

export const WalkInStatusSchema = z.object({
  clientId: z.string(),
  visitorId: id,
  outcome: z.enum(WALK_IN_OUTCOMES),
  /** The host's first name only: what the tablet says ("We've told Ana you're here"). */
  hostFirstName: z.string(),
  notice: z.enum(HOST_NOTICES),
});
export type WalkInStatus = z.infer<typeof WalkInStatusSchema>;

/**
 * A walk-in the tablet's outbox holds because the server could not be reached (HTTP 202 from the
 * service worker): sent with the same clientId when the connection is back, and the host is told then.
 */
export const WalkInQueuedSchema = z.object({ status: z.literal('queued'), clientId: z.string(), queuedAt: instant });
export type WalkInQueued = z.infer<typeof WalkInQueuedSchema>;

/** An expected visitor's code from their invitation (six digits), typed or scanned. */
export const VisitorCodeRequestSchema = z.object({
  code: z.string().check(z.trim(), z.regex(/^\d{6}$/, { error: 'The visitor code is 6 digits.' })),
});
export const VisitorCodeResultSchema = z.object({
  action: z.enum(['checked-in', 'checked-out']),
  /** The visitor's first name, for "Welcome, Grace". */
  firstName: z.string(),
  hostFirstName: z.nullable(z.string()),
});
export type VisitorCodeResult = z.infer<typeof VisitorCodeResultSchema>;

/** The host's three answers, as Nexudus's NexIO offers them. */
export const HOST_ANSWERS = ['collect', 'desk', 'decline'] as const;
export type HostAnswer = (typeof HOST_ANSWERS)[number];
/** A host's signed link carries its token in the URL fragment (never sent to, nor logged by, the server). */
export const HostAnswerTokenSchema = z.object({ token: z.string().check(z.minLength(20), z.maxLength(400)) });
export const HostAnswerPreviewSchema = z.object({
  visitorName: z.string(),
  locationName: z.string(),
  answer: z.enum(HOST_ANSWERS),
  /** `open`: this link can still be used; `answered`: an answer was given (by any link or staff). */
  state: z.enum(['open', 'answered']),
});
export type HostAnswerPreview = z.infer<typeof HostAnswerPreviewSchema>;
export const HostAnswerResultSchema = z.object({ answer: z.enum(HOST_ANSWERS), visitorName: z.string() });

/** A walk-in waiting for their host's answer, for staff on the admin page. */
export const PendingVisitorSchema = z.object({
  visitorId: id,
  businessId: id,
  visitorName: z.string(),
  companyName: z.nullable(z.string()),
  hostName: z.string(),
  requestedAt: instant,
  notice: z.enum(HOST_NOTICES),
});
export type PendingVisitor = z.infer<typeof PendingVisitorSchema>;
export const PendingVisitorsSchema = z.object({ visitors: z.array(PendingVisitorSchema) });
export const StaffAnswerSchema = z.object({ answer: z.enum(HOST_ANSWERS) });

/** Who is in the building now: members checked in and visitors on site at one location. */
export const OnSiteMemberSchema = z.object({ id, name: z.string(), company: z.nullable(z.string()), since: instant });
export const OnSiteVisitorSchema = z.object({
  id,
  name: z.string(),
  company: z.nullable(z.string()),
  hostName: z.nullable(z.string()),
  since: instant,
});
export const OnSiteSchema = z.object({
  businessId: id,
  locationName: z.string(),
  /** When this list was read from Nexudus (the tablet's copy may be older: it says so). */
  at: instant,
  members: z.array(OnSiteMemberSchema),
  visitors: z.array(OnSiteVisitorSchema),
});
export type OnSite = z.infer<typeof OnSiteSchema>;
/** The staff panel asks for the list with the staff PIN (the device token alone is not enough). */
export const OnSiteRequestSchema = z.object({ staffPin: z.string().check(z.regex(/^\d{4,8}$/)) });
