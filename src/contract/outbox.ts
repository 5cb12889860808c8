import * as z from 'zod/mini';
import { SubmitCheckinSchema, SubmitResultSchema } from './kiosk-api';
import { WalkInRequestSchema } from './visitors-api';

/**
 * The outbox the service worker keeps in IndexedDB, and the messages between the page and the
 * service worker. Declared once here so both runtimes parse the same shapes.
 */

export const OUTBOX_STATES = ['pending', 'sending', 'rejected'] as const;
export type OutboxState = (typeof OUTBOX_STATES)[number];

/** A tap as the page made it: everything but `deviceNow`, which is stamped at each send. */
export const QueuedTapSchema = z.omit(SubmitCheckinSchema, { deviceNow: true });
export type QueuedTap = z.infer<typeof QueuedTapSchema>;

/** What every outbox entry has: its id, order, sender and where it stands. */
const entryShape = {
  clientId: z.string(),
  /** Tap order: replay sends entries in this order. */
  seq: z.number(),
  /** The device token at the tap: the service worker cannot read the page's storage. */
  token: z.string(),
  /** The member's (or the visitor's) name, shown to staff while it waits. */
  memberName: z.nullable(z.string()),
  state: z.enum(OUTBOX_STATES),
  attempts: z.int(),
  queuedAt: z.string(),
  nextAttemptAt: z.number(),
  lastError: z.nullable(z.string()),
  /** Why the gateway refused it, for staff. */
  rejection: z.nullable(z.object({ code: z.string(), message: z.string() })),
};

/** A member's check-in or check-out (entries written before walk-ins existed have no `kind`). */
export const TapEntrySchema = z.object({ ...entryShape, kind: z.optional(z.literal('tap')), tap: QueuedTapSchema });
export type TapEntry = z.infer<typeof TapEntrySchema>;
/** A walk-in visitor's registration, sent as it was made (the same clientId: the gateway registers one visitor). */
export const WalkInEntrySchema = z.object({ ...entryShape, kind: z.literal('walk-in'), walkIn: WalkInRequestSchema });
export type WalkInEntry = z.infer<typeof WalkInEntrySchema>;

export const OutboxEntrySchema = z.union([WalkInEntrySchema, TapEntrySchema]);
export type OutboxEntry = z.infer<typeof OutboxEntrySchema>;
export const isWalkIn = (entry: OutboxEntry): entry is WalkInEntry => entry.kind === 'walk-in';
export const isTap = (entry: OutboxEntry): entry is TapEntry => entry.kind !== 'walk-in';

/** Walk-ins one tablet holds at most: past it, a visitor registering offline is sent to reception. */
export const WALK_IN_OUTBOX_LIMIT = 50;

/**
 * A walk-in as the pages see it (summaries, the staff list, its export): who and for whom, never
 * the visitor's e-mail or company — those stay in the worker until the gateway has them.
 */
export const WalkInViewSchema = z.object({
  ...entryShape,
  kind: z.literal('walk-in'),
  hostId: z.int(),
});
export type WalkInView = z.infer<typeof WalkInViewSchema>;
export const OutboxEntryViewSchema = z.union([WalkInViewSchema, TapEntrySchema]);
export type OutboxEntryView = z.infer<typeof OutboxEntryViewSchema>;
export const isWalkInView = (entry: OutboxEntryView): entry is WalkInView => entry.kind === 'walk-in';

export const OutboxSummarySchema = z.object({
  available: z.boolean(),
  pending: z.int(),
  sending: z.int(),
  rejected: z.int(),
  oldestQueuedAt: z.nullable(z.string()),
  entries: z.array(OutboxEntryViewSchema),
});
export type OutboxSummary = z.infer<typeof OutboxSummarySchema>;

/** The header that tells the service worker who the tap is for (shown to staff if it waits). */
export const MEMBER_NAME_HEADER = 'x-tapdesk-member';

/** Page → service worker. */
export const PageMessageSchema = z.discriminatedUnion('type', [
  /** `force` ignores the backoff: staff "send now", the network coming back, start-up. */
  z.object({ type: z.literal('OUTBOX_REPLAY'), force: z.optional(z.boolean()) }),
  z.object({ type: z.literal('OUTBOX_STATUS') }),
  z.object({ type: z.literal('OUTBOX_DISCARD'), clientId: z.string() }),
  z.object({ type: z.literal('SKIP_WAITING') }),
  /** A page the active worker does not control yet asks to be claimed. */
  z.object({ type: z.literal('CLAIM') }),
]);
export type PageMessage = z.infer<typeof PageMessageSchema>;

/** Service worker → page. */
export const WorkerMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('OUTBOX_CHANGED'), summary: OutboxSummarySchema }),
  z.object({ type: z.literal('OUTBOX_RESULT'), clientId: z.string(), result: SubmitResultSchema }),
]);
export type WorkerMessage = z.infer<typeof WorkerMessageSchema>;

/** Batched replay: many queued taps in one request, answered one result per tap, in order. */
export const BATCH_LIMIT = 50;
export const CheckinBatchSchema = z.object({ submissions: z.array(SubmitCheckinSchema).check(z.minLength(1), z.maxLength(BATCH_LIMIT)) });
export type CheckinBatch = z.infer<typeof CheckinBatchSchema>;

export const BatchItemResultSchema = z.union([
  SubmitResultSchema,
  /** A tap the gateway could not settle now (upstream down, in progress): it stays queued. */
  z.object({ status: z.literal('retry'), clientId: z.string(), message: z.string(), retryAfterSeconds: z.optional(z.int()) }),
]);
export const CheckinBatchResultSchema = z.object({ results: z.array(BatchItemResultSchema) });
export type CheckinBatchResult = z.infer<typeof CheckinBatchResultSchema>;
