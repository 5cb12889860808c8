import { z } from 'zod';
import { SubmitResultSchema, type SubmitResult } from '../../contract/kiosk-api';
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
}

/**
 * The submission ledger. `clientId` is the primary key, so a tap is recorded at most once however
 * often the tablet sends it; the row is claimed before the upstream call and settled after.
 */
export function createLedgerRepository(db: Db) {
  const insert = db.prepare(
    `INSERT INTO kiosk_submissions (ClientId, DeviceId, BusinessId, CoworkerId, Action, TappedAt, DeviceNow, ReceivedAt, EffectiveAt, SkewSeconds, State, UpdatedAt)
     VALUES (@clientId, @deviceId, @businessId, @coworkerId, @action, @tappedAt, @deviceNow, @receivedAt, @effectiveAt, @skewSeconds, 'processing', @receivedAt)
     ON CONFLICT (ClientId) DO NOTHING`,
  );
  const get = db.prepare('SELECT * FROM kiosk_submissions WHERE ClientId = ?');
  const settle = db.prepare('UPDATE kiosk_submissions SET State = ?, CheckinId = ?, Result = ?, UpdatedAt = ? WHERE ClientId = ?');
  const release = db.prepare("DELETE FROM kiosk_submissions WHERE ClientId = ? AND State = 'processing'");
  const touch = db.prepare('UPDATE kiosk_submissions SET UpdatedAt = ? WHERE ClientId = ?');
  const intend = db.prepare(
    'UPDATE kiosk_submissions SET IntentCheckinId = ?, IntentFromTime = ?, IntentToTime = ?, UpdatedAt = ? WHERE ClientId = ?',
  );

  return {
    /** Claims the clientId; returns the existing row instead when it was seen before. */
    claim(entry: NewSubmission): { claimed: true } | { claimed: false; existing: LedgerEntry } {
      if (insert.run(entry).changes === 1) return { claimed: true };
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
