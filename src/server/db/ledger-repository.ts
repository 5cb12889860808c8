import { z } from 'zod';
import { SubmitCheckinSchema, SubmitResultSchema, type SubmitCheckin, type SubmitResult } from '../../contract/kiosk-api';
import type { Sealer } from '../lib/sealed';
import type { Db } from './database';

const LedgerRow = z.object({
  ClientId: z.string(),
  DeviceId: z.number(),
  BusinessId: z.number(),
  CoworkerId: z.number(),
  Action: z.enum(['in', 'out']),
  TappedAt: z.string(),
  EffectiveAt: z.string(),
  SkewSeconds: z.number(),
  State: z.enum(['processing', 'done', 'refused']),
  CheckinId: z.number().nullable(),
  Result: z.string().nullable(),
  UpdatedAt: z.string(),
  ReceivedAt: z.string(),
  UndoneAt: z.string().nullable(),
  IntentCheckinId: z.number().nullable(),
  IntentFromTime: z.string().nullable(),
  IntentToTime: z.string().nullable(),
  Request: z.string().nullable(),
  WaitingSince: z.string().nullable(),
  Attempts: z.number(),
  LastError: z.string().nullable(),
});
export type LedgerEntry = z.infer<typeof LedgerRow>;

export interface NewSubmission {
  clientId: string;
  deviceId: number;
  businessId: number;
  coworkerId: number;
  action: 'in' | 'out';
  tappedAt: string;
  deviceNow: string;
  receivedAt: string;
  effectiveAt: string;
  skewSeconds: number;
  /** The tap as the tablet sent it (sealed: it may hold the PIN typed to agree to a charge). */
  request: SubmitCheckin;
}

/** Taps the gateway holds for Nexudus: how many, and since when the oldest waits. */
export interface WaitingStats {
  count: number;
  oldestSince: string | null;
  lastError: string | null;
}

/**
 * The submission ledger. `clientId` is the primary key, so a tap is recorded at most once however
 * often the tablet sends it; the row is claimed before the upstream call and settled after. A tap
 * Nexudus could not take yet is held here (the gateway's upstream outbox) until it is settled.
 */
export function createLedgerRepository(db: Db, sealer: Sealer) {
  const insert = db.prepare(
    `INSERT INTO kiosk_submissions (ClientId, DeviceId, BusinessId, CoworkerId, Action, TappedAt, DeviceNow, ReceivedAt, EffectiveAt, SkewSeconds, State, UpdatedAt, Request)
     VALUES (@clientId, @deviceId, @businessId, @coworkerId, @action, @tappedAt, @deviceNow, @receivedAt, @effectiveAt, @skewSeconds, 'processing', @receivedAt, @request)
     ON CONFLICT (ClientId) DO NOTHING`,
  );
  const get = db.prepare('SELECT * FROM kiosk_submissions WHERE ClientId = ?');
  const settle = db.prepare(
    "UPDATE kiosk_submissions SET State = ?, CheckinId = ?, Result = ?, UpdatedAt = ?, Request = NULL, WaitingSince = NULL WHERE ClientId = ? AND State = 'processing'",
  );
  const hold = db.prepare(
    "UPDATE kiosk_submissions SET WaitingSince = COALESCE(WaitingSince, ?), LastError = COALESCE(?, LastError), UpdatedAt = ? WHERE ClientId = ? AND State = 'processing'",
  );
  const attempted = db.prepare('UPDATE kiosk_submissions SET Attempts = Attempts + 1, LastError = ? WHERE ClientId = ?');
  // Held taps, and taps whose attempt was abandoned (a crash mid-call) and can be resumed from their request.
  const waiting = db.prepare(
    `SELECT * FROM kiosk_submissions WHERE State = 'processing' AND Request IS NOT NULL
       AND (WaitingSince IS NOT NULL OR UpdatedAt < ?) ORDER BY EffectiveAt, ReceivedAt LIMIT ?`,
  );
  const memberWaiting = db.prepare(
    `SELECT 1 FROM kiosk_submissions WHERE State = 'processing' AND WaitingSince IS NOT NULL
       AND BusinessId = ? AND CoworkerId = ? AND ClientId <> ? LIMIT 1`,
  );
  const waitingStats = db.prepare(
    `SELECT COUNT(*) AS count, MIN(WaitingSince) AS oldestSince,
       (SELECT LastError FROM kiosk_submissions WHERE State = 'processing' AND WaitingSince IS NOT NULL AND LastError IS NOT NULL ORDER BY UpdatedAt DESC LIMIT 1) AS lastError
     FROM kiosk_submissions WHERE State = 'processing' AND WaitingSince IS NOT NULL`,
  );
  const WaitingStatsRow = z.object({ count: z.number(), oldestSince: z.string().nullable(), lastError: z.string().nullable() });
  const release = db.prepare("DELETE FROM kiosk_submissions WHERE ClientId = ? AND State = 'processing'");
  const touch = db.prepare("UPDATE kiosk_submissions SET UpdatedAt = ? WHERE ClientId = ? AND State = 'processing'");
  const intend = db.prepare(
    'UPDATE kiosk_submissions SET IntentCheckinId = ?, IntentFromTime = ?, IntentToTime = ?, UpdatedAt = ? WHERE ClientId = ?',
  );

  return {
    /** Claims the clientId; returns the existing row instead when it was seen before. */
    claim(entry: NewSubmission): { claimed: true } | { claimed: false; existing: LedgerEntry } {
      const { request, ...row } = entry;
      if (insert.run({ ...row, request: sealer.seal(JSON.stringify(request)) }).changes === 1) return { claimed: true };
      return { claimed: false, existing: LedgerRow.parse(get.get(entry.clientId)) };
    },
    /** Takes over a row left `processing` (a crash, or a request that timed out). */
    reclaim: (clientId: string) => touch.run(new Date().toISOString(), clientId),
    settle(clientId: string, result: SubmitResult, checkinId: number | null) {
      settle.run(result.status === 'refused' ? 'refused' : 'done', checkinId, JSON.stringify(result), new Date().toISOString(), clientId);
    },
    /**
     * Records the write about to be sent to Nexudus (the check-in a check-out closes, or a new
     * check-in's times), on disk before the call, so that recovery looks for exactly that write.
     */
    intend(clientId: string, write: { checkinId: number | null; fromTime: string | null; toTime: string | null }) {
      intend.run(write.checkinId, write.fromTime, write.toTime, new Date().toISOString(), clientId);
    },
    /** Spends a PIN proof on this tap's charge; false when another tap already spent it. */
    spendIdentityToken(tokenHash: string, clientId: string): boolean {
      db.prepare(
        'INSERT INTO spent_identity_tokens (TokenHash, ClientId, SpentAt) VALUES (?, ?, ?) ON CONFLICT (TokenHash) DO NOTHING',
      ).run(tokenHash, clientId, new Date().toISOString());
      return db.prepare('SELECT ClientId FROM spent_identity_tokens WHERE TokenHash = ?').pluck().get(tokenHash) === clientId;
    },
    /** Nexudus could not take this tap now: the gateway holds it and sends it later, in order. */
    hold(clientId: string, reason: string | null, now = new Date()) {
      hold.run(now.toISOString(), reason?.slice(0, 300) ?? null, now.toISOString(), clientId);
    },
    /** An attempt from the outbox failed for a reason other than Nexudus being away. */
    noteAttempt: (clientId: string, reason: string) => attempted.run(reason.slice(0, 300), clientId),
    /** Held (and abandoned) taps in tap order, oldest first. */
    waiting(staleBefore: Date, limit: number): LedgerEntry[] {
      return waiting.all(staleBefore.toISOString(), limit).map((row) => LedgerRow.parse(row));
    },
    /** Whether an earlier tap of this member at this location is held: a later one must queue behind it. */
    memberHasWaiting: (businessId: number, coworkerId: number, clientId: string) =>
      memberWaiting.get(businessId, coworkerId, clientId) !== undefined,
    waitingStats: (): WaitingStats => WaitingStatsRow.parse(waitingStats.get()),
    /** The tap as the tablet sent it, for a resend from the outbox; undefined once settled. */
    request(entry: LedgerEntry): SubmitCheckin | undefined {
      const plain = entry.Request === null ? undefined : sealer.open(entry.Request);
      if (plain === undefined) return undefined;
      const parsed = SubmitCheckinSchema.safeParse(JSON.parse(plain));
      return parsed.success ? parsed.data : undefined;
    },
    /** After a failed attempt: the next one may take the claim over at once (and reconciles first). */
    markStale: (clientId: string) => touch.run(new Date(0).toISOString(), clientId),
    /** Forgets a claim whose upstream call certainly did not happen, so a retry starts clean. */
    release: (clientId: string) => release.run(clientId),
    result(entry: LedgerEntry): SubmitResult | undefined {
      return entry.Result === null ? undefined : SubmitResultSchema.parse(JSON.parse(entry.Result));
    },
    markUndone: (clientId: string) =>
      db.prepare('UPDATE kiosk_submissions SET UndoneAt = ? WHERE ClientId = ?').run(new Date().toISOString(), clientId),
    get(clientId: string): LedgerEntry | undefined {
      const row = get.get(clientId);
      return row === undefined ? undefined : LedgerRow.parse(row);
    },
  };
}
export type LedgerRepository = ReturnType<typeof createLedgerRepository>;
