import { z } from 'zod';
import type { Heartbeat } from '../../contract/kiosk-api';
import { hashSecret, newSecret } from '../lib/passwords';
import type { Db } from './database';

const PAIRING_TTL_MS = 10 * 60_000;
/** A staff session ends 8 hours after sign-in, or after 30 minutes without a request, or at sign-out. */
export const STAFF_SESSION_TTL_MS = 8 * 3600_000;
export const STAFF_SESSION_IDLE_MS = 30 * 60_000;
/** No 0/O, 1/I: read aloud and typed on a tablet keyboard without mistakes. */
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

const DeviceRow = z.object({
  Id: z.number(),
  Name: z.string(),
  BusinessId: z.number(),
  StaffPinHash: z.string(),
  PairedAt: z.string(),
  LastSeenAt: z.string().nullable(),
  RevokedAt: z.string().nullable(),
  OutboxPending: z.number(),
  OutboxRejected: z.number(),
  OutboxOldestAt: z.string().nullable(),
  AppVersion: z.string().nullable(),
  WakeLock: z.string().nullable(),
});
export type Device = z.infer<typeof DeviceRow>;

function newPairingCode(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return Array.from(bytes, (b) => ALPHABET[b % ALPHABET.length]).join('');
}

/** Paired tablets, pairing codes and staff sessions. Secrets are stored only as hashes. */
export function createDevicesRepository(db: Db) {
  const now = () => new Date().toISOString();
  const idleCutoff = () => new Date(Date.now() - STAFF_SESSION_IDLE_MS).toISOString();
  const redeem = db.transaction((code: string, name: string, staffPinHash: string): { device: Device; token: string } | undefined => {
    const row = z
      .object({ BusinessId: z.number(), ExpiresAt: z.string(), UsedAt: z.string().nullable() })
      .optional()
      .parse(db.prepare('SELECT * FROM kiosk_pairing_codes WHERE CodeHash = ?').get(hashSecret(code)));
    if (!row || row.UsedAt !== null || row.ExpiresAt <= now()) return undefined;
    db.prepare('UPDATE kiosk_pairing_codes SET UsedAt = ? WHERE CodeHash = ?').run(now(), hashSecret(code));
    const token = newSecret();
    const id = Number(
      db
        .prepare('INSERT INTO kiosk_devices (Name, BusinessId, TokenHash, StaffPinHash, PairedAt) VALUES (?, ?, ?, ?, ?)')
        .run(name, row.BusinessId, hashSecret(token), staffPinHash, now()).lastInsertRowid,
    );
    return { device: DeviceRow.parse(db.prepare('SELECT * FROM kiosk_devices WHERE Id = ?').get(id)), token };
  });
  return {
    /** The location a current, unused code pairs to, without using it. */
    pairingCodeBusiness(code: string): number | undefined {
      const row = z
        .object({ BusinessId: z.number() })
        .optional()
        .parse(
          db
            .prepare('SELECT BusinessId FROM kiosk_pairing_codes WHERE CodeHash = ? AND UsedAt IS NULL AND ExpiresAt > ?')
            .get(hashSecret(code), now()),
        );
      return row?.BusinessId;
    },
    createPairingCode(businessId: number, createdBy: string): { code: string; expiresAt: string } {
      const code = newPairingCode();
      const expiresAt = new Date(Date.now() + PAIRING_TTL_MS).toISOString();
      db.prepare('INSERT INTO kiosk_pairing_codes (CodeHash, BusinessId, CreatedBy, ExpiresAt) VALUES (?, ?, ?, ?)').run(
        hashSecret(code),
        businessId,
        createdBy,
        expiresAt,
      );
      return { code: `${code.slice(0, 4)}-${code.slice(4)}`, expiresAt };
    },

    /** Exchanges a current, unused code for a device and its token, in one transaction. */
    redeemPairingCode: (code: string, name: string, staffPinHash: string): { device: Device; token: string } | undefined =>
      redeem.immediate(code, name, staffPinHash),

    byToken(token: string): Device | undefined {
      const row = db.prepare('SELECT * FROM kiosk_devices WHERE TokenHash = ?').get(hashSecret(token));
      return row === undefined ? undefined : DeviceRow.parse(row);
    },
    byId(id: number): Device | undefined {
      const row = db.prepare('SELECT * FROM kiosk_devices WHERE Id = ?').get(id);
      return row === undefined ? undefined : DeviceRow.parse(row);
    },
    /** Whether a tablet was ever paired at this location (revoked ones count: the mirror kept serving it). */
    everPairedAt: (businessId: number): boolean =>
      db.prepare('SELECT 1 FROM kiosk_devices WHERE BusinessId = ? LIMIT 1').get(businessId) !== undefined,
    list: (): Device[] =>
      db
        .prepare('SELECT * FROM kiosk_devices ORDER BY Id')
        .all()
        .map((row) => DeviceRow.parse(row)),
    touch: (id: number) => db.prepare('UPDATE kiosk_devices SET LastSeenAt = ? WHERE Id = ?').run(now(), id),
    heartbeat: (id: number, beat: Heartbeat) =>
      db
        .prepare(
          'UPDATE kiosk_devices SET LastSeenAt = ?, OutboxPending = ?, OutboxRejected = ?, OutboxOldestAt = ?, AppVersion = ?, WakeLock = ? WHERE Id = ?',
        )
        .run(now(), beat.outboxPending, beat.outboxRejected, beat.outboxOldestAt, beat.appVersion, beat.wakeLock ?? null, id),
    revoke: (id: number) =>
      db.prepare('UPDATE kiosk_devices SET RevokedAt = COALESCE(RevokedAt, ?) WHERE Id = ?').run(now(), id).changes > 0,

    createStaffSession(email: string): { token: string; expiresAt: string } {
      const token = newSecret();
      const at = now();
      const expiresAt = new Date(Date.now() + STAFF_SESSION_TTL_MS).toISOString();
      db.prepare('DELETE FROM staff_sessions WHERE ExpiresAt <= ? OR LastSeenAt <= ?').run(at, idleCutoff());
      db.prepare('INSERT INTO staff_sessions (TokenHash, Email, ExpiresAt, CreatedAt, LastSeenAt) VALUES (?, ?, ?, ?, ?)').run(
        hashSecret(token),
        email,
        expiresAt,
        at,
        at,
      );
      return { token, expiresAt };
    },
    /** The signed-in email for a current session (and the session's idle clock restarts), else undefined. */
    staffSession(token: string): string | undefined {
      const hash = hashSecret(token);
      const row = z
        .object({ Email: z.string() })
        .optional()
        .parse(
          db
            .prepare('SELECT Email FROM staff_sessions WHERE TokenHash = ? AND ExpiresAt > ? AND LastSeenAt > ?')
            .get(hash, now(), idleCutoff()),
        );
      if (row) db.prepare('UPDATE staff_sessions SET LastSeenAt = ? WHERE TokenHash = ?').run(now(), hash);
      return row?.Email;
    },
    /** Sign-out: the session stops working at once. */
    endStaffSession: (token: string) => db.prepare('DELETE FROM staff_sessions WHERE TokenHash = ?').run(hashSecret(token)).changes > 0,
  };
}
export type DevicesRepository = ReturnType<typeof createDevicesRepository>;
