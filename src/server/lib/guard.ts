import { RateLimiterSQLite, type RateLimiterRes } from 'rate-limiter-flexible';
import { z } from 'zod';
import type { Lockout } from '../../contract/kiosk-api';
import type { Db } from '../db/database';
import { GUARD_POLICIES, type GuardPolicyName } from './guard-policies';

/** One counted subject: a tablet, a location, a member, an account from an address, an address. */
export interface GuardKey {
  policy: GuardPolicyName;
  subject: string;
  /** The location this key belongs to (shown on that location's staff panel), if any. */
  businessId?: number | null;
  /** Who is counted, in words, for the admin page. Never a PIN, card id or password. */
  label: string;
}

/** A password tried for an account from an address counts on that pair and on the address. */
export function passwordGuessKeys(username: string, address: string): GuardKey[] {
  const account = username.toLowerCase().slice(0, 254);
  return [
    { policy: 'password:account-client', subject: `${account}|${address}`, label: `${account} · ${address}` },
    { policy: 'password:client', subject: address, label: address },
  ];
}

export type Attempt =
  { allowed: false; retryAfterSeconds: number } | { allowed: true; fail: () => Promise<void>; succeed: () => Promise<void> };

const LabelRow = z.object({
  key: z.string(),
  expire: z.number(),
  points: z.number(),
  BusinessId: z.number().nullable(),
  Label: z.string(),
});

/**
 * Bounds guessing of every secret (member PINs and cards, staff PINs, pairing codes, passwords).
 * Failures are counted per key in rate-limiter-flexible's SQLite store, so a restart forgives
 * nothing. A key that reaches its policy's failures in one window is locked; each further lockout
 * within a week doubles, up to the policy's maximum. A success gives back only its own attempt,
 * never earlier failures. An attempt is counted before the secret is checked, so parallel
 * requests cannot overshoot the limit.
 */
export function createGuard(db: Db) {
  const limiters = new Map<GuardPolicyName, { failures: RateLimiterSQLite; strikes: RateLimiterSQLite }>();
  for (const [name, policy] of Object.entries(GUARD_POLICIES) as [GuardPolicyName, (typeof GUARD_POLICIES)[GuardPolicyName]][]) {
    const common = { storeClient: db, storeType: 'better-sqlite3', tableName: 'guard_counters', tableCreated: true } as const;
    limiters.set(name, {
      failures: new RateLimiterSQLite({ ...common, keyPrefix: `fail:${name}`, points: policy.failures, duration: policy.windowSeconds }),
      strikes: new RateLimiterSQLite({ ...common, keyPrefix: `strike:${name}`, points: 1_000_000, duration: 7 * 24 * 3600 }),
    });
  }
  const limiterOf = (key: GuardKey) => {
    const found = limiters.get(key.policy);
    if (!found) throw new Error(`no guard policy ${key.policy}`);
    return found;
  };
  const saveLabel = db.prepare(
    'INSERT INTO guard_labels (key, BusinessId, Label) VALUES (?, ?, ?) ON CONFLICT (key) DO UPDATE SET BusinessId = excluded.BusinessId, Label = excluded.Label',
  );
  const locked = (res: RateLimiterRes | null, failures: number) => (res && res.consumedPoints >= failures ? res.msBeforeNext : 0);

  async function retryAfterMs(keys: GuardKey[]): Promise<number> {
    let wait = 0;
    for (const key of keys)
      wait = Math.max(wait, locked(await limiterOf(key).failures.get(key.subject), GUARD_POLICIES[key.policy].failures));
    return wait;
  }

  async function lockOut(key: GuardKey) {
    const policy = GUARD_POLICIES[key.policy];
    const { failures, strikes } = limiterOf(key);
    const strike = (await strikes.penalty(key.subject, 1)).consumedPoints;
    const seconds = Math.min(policy.maxLockSeconds, policy.baseLockSeconds * 2 ** Math.min(strike - 1, 30));
    await failures.block(key.subject, seconds);
  }

  return {
    retryAfterMs,

    /** Counts an attempt on every key at once; refused without counting when any key is locked. */
    async attempt(keys: GuardKey[]): Promise<Attempt> {
      const wait = await retryAfterMs(keys);
      if (wait > 0) return { allowed: false, retryAfterSeconds: Math.ceil(wait / 1000) };
      const counted: { key: GuardKey; consumed: number }[] = [];
      for (const key of keys) {
        const res = await limiterOf(key).failures.penalty(key.subject, 1);
        counted.push({ key, consumed: res.consumedPoints });
        saveLabel.run(`${key.policy}:${key.subject}`, key.businessId ?? null, key.label);
      }
      const giveBack = async () => {
        for (const { key } of counted) await limiterOf(key).failures.reward(key.subject, 1);
      };
      // Another request took the last try in the meantime.
      if (counted.some(({ key, consumed }) => consumed > GUARD_POLICIES[key.policy].failures)) {
        await giveBack();
        return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((await retryAfterMs(keys)) / 1000)) };
      }
      return {
        allowed: true,
        succeed: giveBack,
        fail: async () => {
          for (const { key, consumed } of counted) if (consumed >= GUARD_POLICIES[key.policy].failures) await lockOut(key);
        },
      };
    },

    /** Lockouts in force, newest lock last; `businessId` narrows to one location's. */
    lockouts(businessId?: number): Lockout[] {
      const rows = db
        .prepare(
          `SELECT c.key, c.expire, c.points, l.BusinessId, l.Label FROM guard_counters c
           JOIN guard_labels l ON c.key = 'fail:' || l.key WHERE c.key LIKE 'fail:%' AND c.expire > ? ORDER BY c.expire`,
        )
        .all(Date.now())
        .map((row) => LabelRow.parse(row));
      return rows.flatMap((row) => {
        const id = row.key.slice('fail:'.length);
        const policyName = (Object.keys(GUARD_POLICIES) as GuardPolicyName[]).find((name) => id.startsWith(`${name}:`));
        if (!policyName || row.points < GUARD_POLICIES[policyName].failures) return [];
        if (businessId !== undefined && row.BusinessId !== businessId) return [];
        const policy = GUARD_POLICIES[policyName];
        return [
          {
            id,
            kind: policy.kind,
            scope: policy.scope,
            label: row.Label,
            businessId: row.BusinessId,
            lockedUntil: new Date(row.expire).toISOString(),
          },
        ];
      });
    },

    /** Staff lift a lockout (and its growing back-off); false when there was none. */
    clear(id: string): boolean {
      const found = db.prepare('DELETE FROM guard_counters WHERE key = ? OR key = ?').run(`fail:${id}`, `strike:${id}`).changes > 0;
      db.prepare('DELETE FROM guard_labels WHERE key = ?').run(id);
      return found;
    },
  };
}
export type Guard = ReturnType<typeof createGuard>;
