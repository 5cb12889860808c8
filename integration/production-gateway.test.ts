import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PairResponseSchema, StaffSessionSchema, UpstreamStatusSchema } from '../src/contract/kiosk-api';
import { CheckinBatchResultSchema, type QueuedTap } from '../src/contract/outbox';
import { buildApp, GATEWAY_ROLES } from '../src/server/app';
import { openDatabase, type Db } from '../src/server/db/database';
import { createDevicesRepository } from '../src/server/db/devices-repository';
import { createUsersRepository } from '../src/server/db/users-repository';
import { hashPassword } from '../src/server/lib/passwords';
import { seedDemo } from '../src/server/seed/demo-seed';

/**
 * Production shape over real HTTP: a stand-in Nexudus that enforces (scaled-down) request limits,
 * and a gateway pointed at it. Taps are replayed the way the tablet's outbox does — resent until
 * acknowledged — while the stand-in throttles, stops and restarts, and signs the gateway out.
 */
const GATEWAY_USER = { email: 'kiosk-gateway@example.com', password: 'gateway-password' };
const ADMIN = { email: 'admin@example.com', password: 'admin-password' };
// 40 requests per 2 seconds: small enough that a burst of taps is throttled in a test.
const LIMITS = { all: [{ points: 40, seconds: 2 }], writes: [{ points: 20, seconds: 2 }] };

let nexudusDb: Db;
let nexudus: FastifyInstance;
let port: number;
let gatewayDb: Db;
let gateway: FastifyInstance;
let deviceToken: string;
let members: number[];

let throttled = 0;
async function startNexudus() {
  nexudus = await buildApp({ db: nexudusDb, logLevel: 'silent', embeddedLimits: LIMITS });
  nexudus.addHook('onResponse', async (_request, reply) => {
    if (reply.statusCode === 429) throttled += 1;
  });
  await nexudus.listen({ port, host: '127.0.0.1' });
}
async function startGateway() {
  gateway = await buildApp({
    db: gatewayDb,
    logLevel: 'silent',
    upstream: { url: `http://127.0.0.1:${port}`, ...{ username: GATEWAY_USER.email, password: GATEWAY_USER.password } },
    // The gateway's own budget is lifted here so that the stand-in's 429s are what it meets.
    upstreamBudget: false,
  });
}
const tap = (coworkerId: number): QueuedTap & { deviceNow: string } => {
  const now = new Date().toISOString();
  return { clientId: randomUUID(), coworkerId, action: 'in', tappedAt: now, deviceNow: now, acceptedCharge: true };
};

/** The outbox: send the pending taps in batches until each one is acknowledged (or refused). */
async function replayUntilDone(pending: ReturnType<typeof tap>[], deadlineMs = 60_000) {
  const outcomes = new Map<string, string>();
  const started = Date.now();
  let waiting = [...pending];
  while (waiting.length && Date.now() - started < deadlineMs) {
    const res = await gateway
      .inject({
        method: 'POST',
        url: '/kiosk/v1/checkins/batch',
        headers: { authorization: `Bearer ${deviceToken}` },
        payload: { submissions: waiting.slice(0, 25).map((t) => ({ ...t, deviceNow: new Date().toISOString() })) },
      })
      .catch(() => undefined);
    if (res?.statusCode === 200) {
      for (const result of CheckinBatchResultSchema.parse(res.json()).results) {
        if (result.status !== 'retry')
          outcomes.set(result.clientId, result.status === 'refused' ? `refused:${result.code}` : result.status);
      }
    }
    waiting = waiting.filter((t) => !outcomes.has(t.clientId));
    if (waiting.length) await new Promise((r) => setTimeout(r, 300));
  }
  return outcomes;
}
const checkinsAtNexudus = () =>
  nexudusDb.prepare('SELECT CoworkerId, COUNT(*) AS n FROM checkins GROUP BY CoworkerId').all() as { CoworkerId: number; n: number }[];
let staffToken: string | undefined;
/** What the admin page shows; staff sign in once (through Nexudus), and the session outlives an outage. */
async function upstreamStatus() {
  if (!staffToken) {
    const signIn = await gateway.inject({ method: 'POST', url: '/kiosk/v1/admin/session', payload: ADMIN, remoteAddress: '10.1.1.1' });
    staffToken = StaffSessionSchema.parse(signIn.json()).staffToken;
  }
  const res = await gateway.inject({ method: 'GET', url: '/kiosk/v1/admin/upstream', headers: { authorization: `Bearer ${staffToken}` } });
  return UpstreamStatusSchema.parse(res.json());
}

beforeAll(async () => {
  nexudusDb = openDatabase(':memory:');
  seedDemo(nexudusDb);
  const users = createUsersRepository(nexudusDb);
  await users.create(ADMIN.email, ADMIN.password, true, []);
  await users.create(GATEWAY_USER.email, GATEWAY_USER.password, false, GATEWAY_ROLES);
  const probe = await buildApp({ db: nexudusDb, logLevel: 'silent' });
  await probe.listen({ port: 0, host: '127.0.0.1' });
  port = (probe.server.address() as AddressInfo).port;
  await probe.close();
  await startNexudus();
  gatewayDb = openDatabase(':memory:');
  await startGateway();
  const { code } = createDevicesRepository(gatewayDb).createPairingCode(2, 'test');
  const paired = await gateway.inject({
    method: 'POST',
    url: '/kiosk/v1/pair',
    payload: { code, deviceName: 'Front desk', staffPin: '1234' },
  });
  deviceToken = PairResponseSchema.parse(paired.json()).deviceToken;
  // London Shoreditch's members with a day pass (the demo seed's "Hot Desk" plan members).
  members = nexudusDb
    .prepare(
      `SELECT DISTINCT c.Id FROM coworkers c JOIN coworkertimepasses p ON p.CoworkerId = c.Id
         WHERE c.InvoicingBusinessId = 2 AND c.Active = 1 AND p.Used = 0 ORDER BY c.Id LIMIT 31`,
    )
    .pluck()
    .all() as number[];
}, 60_000);
afterAll(async () => {
  await gateway.close();
  await nexudus.close();
  gatewayDb.close();
  nexudusDb.close();
});

describe('a production gateway and a throttling, failing Nexudus', () => {
  it('records every tap exactly once while Nexudus throttles, stops and restarts', async () => {
    expect(members.length).toBe(31);
    const first = members.slice(0, 15).map(tap);
    const second = members.slice(15, 30).map(tap);

    // A burst: the stand-in answers 429 with Retry-After; the gateway pauses and answers "retry".
    const outcomes = await replayUntilDone(first);
    expect([...outcomes.values()].filter((s) => s === 'checked-in')).toHaveLength(first.length);
    expect(throttled).toBeGreaterThan(0);

    // Nexudus goes away: taps wait; it comes back on the same address: they arrive once.
    await nexudus.close();
    const whileDown = await gateway.inject({
      method: 'POST',
      url: '/kiosk/v1/checkins/batch',
      headers: { authorization: `Bearer ${deviceToken}` },
      payload: { submissions: second.slice(0, 3) },
    });
    expect(CheckinBatchResultSchema.parse(whileDown.json()).results.every((r) => r.status === 'retry')).toBe(true);
    expect((await upstreamStatus().catch(() => undefined))?.state ?? 'unreachable').toBe('unreachable');
    await startNexudus();
    const later = await replayUntilDone(second);
    expect([...later.values()].filter((s) => s === 'checked-in')).toHaveLength(second.length);

    const counts = checkinsAtNexudus();
    expect(counts.reduce((n, c) => n + c.n, 0)).toBe(first.length + second.length);
    expect(counts.every((c) => c.n === 1)).toBe(true);
  }, 120_000);

  it('holds taps while Nexudus is away and sends them itself, in order and once, when it is back', async () => {
    const [inOnly, inAndOut] = [members[28] ?? 0, members[29] ?? 0].map((m) => m);
    // Members the first test checked in: check them out first so the new visits start clean.
    const pendingOut = [inOnly, inAndOut].map((m) => ({ ...tap(m ?? 0), action: 'out' as const }));
    await replayUntilDone(pendingOut);
    await upstreamStatus();
    await nexudus.close();
    const arrive = { ...tap(inOnly ?? 0), pin: '97531' };
    const visit = { ...tap(inAndOut ?? 0), tappedAt: new Date(Date.now() - 5000).toISOString() };
    const leave = { ...tap(inAndOut ?? 0), action: 'out' as const, tappedAt: new Date(Date.now() - 2000).toISOString() };
    // The tablet sends them once and then goes quiet (switched off): only the gateway has them now.
    const res = await gateway.inject({
      method: 'POST',
      url: '/kiosk/v1/checkins/batch',
      headers: { authorization: `Bearer ${deviceToken}` },
      payload: { submissions: [arrive, visit, leave] },
    });
    expect(CheckinBatchResultSchema.parse(res.json()).results.map((r) => r.status)).toEqual(['retry', 'retry', 'retry']);
    const before = checkinsAtNexudus();
    expect((await upstreamStatus()).outbox).toMatchObject({ count: 3 });
    // The held taps are sealed on disk: a PIN typed at the charge prompt is not readable there.
    const held = gatewayDb.prepare('SELECT Request FROM kiosk_submissions WHERE WaitingSince IS NOT NULL').pluck().all() as string[];
    expect(held).toHaveLength(3);
    expect(held.join(' ')).not.toMatch(/97531|coworkerId/);

    await startNexudus();
    const deadline = Date.now() + 30_000;
    while ((await upstreamStatus()).outbox.count > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
    expect((await upstreamStatus()).outbox).toMatchObject({ count: 0, oldestSince: null });
    // Settled taps keep no copy of what the tablet sent.
    expect(gatewayDb.prepare('SELECT COUNT(*) FROM kiosk_submissions WHERE Request IS NOT NULL').pluck().get()).toBe(0);

    const rows = nexudusDb
      .prepare('SELECT CoworkerId, FromTime, ToTime FROM checkins WHERE CoworkerId IN (?, ?) ORDER BY Id DESC LIMIT 2')
      .all(inOnly, inAndOut) as { CoworkerId: number; FromTime: string; ToTime: string | null }[];
    const byMember = new Map(rows.map((r) => [r.CoworkerId, r]));
    expect(byMember.get(inOnly ?? 0)?.ToTime).toBeNull();
    // The check-in went first and the check-out closed it (not refused as "not checked in").
    expect(Date.parse(byMember.get(inAndOut ?? 0)?.ToTime ?? '')).toBe(Math.floor(Date.parse(leave.tappedAt) / 1000) * 1000);
    const after = checkinsAtNexudus();
    const total = (counts: typeof after) => counts.reduce((n, c) => n + c.n, 0);
    expect(total(after) - total(before)).toBe(2);

    // When the tablet wakes up and sends them again, it hears what Nexudus recorded, and nothing is written twice.
    const outcomes = await replayUntilDone([arrive, visit, leave]);
    expect([...outcomes.values()]).toEqual(['checked-in', 'checked-in', 'checked-out']);
    expect(total(checkinsAtNexudus())).toBe(total(after));
  }, 90_000);

  it('says "signed out of Nexudus" when the gateway user’s password changes, keeps taps, and sends them after the fix', async () => {
    // A member the first test did not check in.
    const member = members[30] ?? 0;
    // The operator changes the kiosk account's password in Nexudus: every session of it ends.
    nexudusDb.prepare('UPDATE users SET PasswordHash = ? WHERE Email = ?').run(await hashPassword('changed-password'), GATEWAY_USER.email);
    nexudusDb.prepare('DELETE FROM access_tokens').run();
    nexudusDb.prepare('DELETE FROM refresh_tokens').run();

    const pending = tap(member);
    const res = await gateway.inject({
      method: 'POST',
      url: '/kiosk/v1/checkins/batch',
      headers: { authorization: `Bearer ${deviceToken}` },
      payload: { submissions: [pending] },
    });
    expect(CheckinBatchResultSchema.parse(res.json()).results[0]?.status).toBe('retry');
    const status = await upstreamStatus();
    expect(status).toMatchObject({ mode: 'nexudus', state: 'signed-out' });
    expect(status.message).toMatch(/NEXUDUS_PASSWORD/);

    // The fix: the right password, and a restart of the gateway (same database).
    nexudusDb
      .prepare('UPDATE users SET PasswordHash = ? WHERE Email = ?')
      .run(await hashPassword(GATEWAY_USER.password), GATEWAY_USER.email);
    await gateway.close();
    await startGateway();
    const outcomes = await replayUntilDone([pending]);
    expect(outcomes.get(pending.clientId)).toBe('checked-in');
    expect(checkinsAtNexudus().find((c) => c.CoworkerId === member)?.n).toBe(1);
  }, 60_000);
});
