import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { DirectorySchema, KioskErrorSchema, LockoutSchema, StaffCheckResultSchema, SubmitResultSchema } from '../../contract/kiosk-api';
import { createUsersRepository } from '../db/users-repository';
import { GUARD_POLICIES, yearsToTry } from '../lib/guard-policies';
import { ADMIN, createTestApi, type TestApi } from '../testing/test-api';
import { kioskClient, tapFor } from '../testing/kiosk-client';

let api: TestApi | undefined;
let dir: string | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

async function network(options: Parameters<typeof createTestApi>[0] = {}) {
  api = await createTestApi(options);
  const a = api;
  const london = await a.business({ Name: 'London', TimeZone: 'Europe/London', CurrencyCode: 'GBP' });
  const newYork = await a.business({ Name: 'New York', TimeZone: 'America/New_York', CurrencyCode: 'USD' });
  const amelie = await a.coworker({
    FullName: 'Amélie Laurent',
    InvoicingBusinessId: london,
    AccessPincode: '24680',
    AccessCardId: 'CARD-AMELIE',
  });
  const jose = await a.coworker({ FullName: 'José Álvarez', InvoicingBusinessId: newYork, AccessPincode: '31415' });
  for (const [who, where] of [
    [amelie, london],
    [jose, newYork],
  ] as const) {
    const day = await a.timePass({ BusinessId: where, Name: 'Day Pass' });
    await a.givePass({ CoworkerId: who, BusinessId: where, TimePassId: day, CreateMultiple: 5 });
  }
  await a.timePass({
    BusinessId: london,
    Name: 'PAYG',
    Price: 6,
    MinutesIncluded: 60,
    UseAsPayAsYouGoForMembers: true,
    UseAsPayAsYouGoForContacts: true,
  });
  const client = kioskClient(a.app, a.db);
  return { a, client, london, newYork, amelie, jose, tablet: await client.pair(london, 'Front desk') };
}
const errorCode = (res: { json: () => unknown }) => KioskErrorSchema.parse(res.json()).error.code;

describe('finding 1: only administrators use the admin page', () => {
  it('refuses a staff session to API users without the admin role, and lets a Tapdesk-Admin in', async () => {
    const { a, client } = await network();
    const users = createUsersRepository(a.db);
    await users.create('checkins@example.com', 'checkins-password', false, ['Checkin-Create']);
    await users.create('lister@example.com', 'lister-password', false, ['Coworker-List']);
    await users.create('desk@example.com', 'desk-password', false, ['Tapdesk-Admin']);
    for (const [email, password] of [
      ['checkins@example.com', 'checkins-password'],
      ['lister@example.com', 'lister-password'],
    ]) {
      const { res, token } = await client.staffSignIn(email ?? '', password ?? '');
      expect(token).toBeUndefined();
      expect(KioskErrorSchema.parse(res.json()).error.message).toContain('Tapdesk-Admin');
    }
    expect((await client.staffSignIn('desk@example.com', 'desk-password')).token).toBeDefined();
    expect((await client.staffSignIn(ADMIN.email, ADMIN.password)).token).toBeDefined();
  });

  it('ends a staff session at sign-out and after it has been idle or lived too long', async () => {
    const { a, client } = await network();
    const { token } = await client.staffSignIn(ADMIN.email, ADMIN.password);
    expect((await client.call('GET', '/admin/devices', token)).statusCode).toBe(200);
    expect((await client.call('DELETE', '/admin/session', token)).statusCode).toBe(204);
    expect((await client.call('GET', '/admin/devices', token)).statusCode).toBe(401);

    const idle = (await client.staffSignIn(ADMIN.email, ADMIN.password)).token;
    a.db.prepare('UPDATE staff_sessions SET LastSeenAt = ?').run(new Date(Date.now() - 31 * 60_000).toISOString());
    expect((await client.call('GET', '/admin/devices', idle)).statusCode).toBe(401);

    const old = (await client.staffSignIn(ADMIN.email, ADMIN.password)).token;
    a.db.prepare('UPDATE staff_sessions SET ExpiresAt = ?').run(new Date(Date.now() - 1000).toISOString());
    expect((await client.call('GET', '/admin/devices', old)).statusCode).toBe(401);
  });
});

describe('finding 2: PIN guessing from the desk is bounded', () => {
  it('does not forgive wrong PINs for a right one, and locks every tablet of the location together', async () => {
    const { client, london, tablet } = await network();
    const identify = (token: string, value: string) => client.call('POST', '/identify', token, { method: 'pin', value });
    let wrong = 0;
    let locked = false;
    // 4 wrong PINs and 1 known one, over and over: the pattern that never locked before.
    for (let round = 0; round < 20 && !locked; round += 1) {
      for (let i = 0; i < 4; i += 1) {
        const res = await identify(tablet, String(10000 + round * 4 + i));
        if (res.statusCode === 429) locked = true;
        else wrong += 1;
      }
      if ((await identify(tablet, '24680')).statusCode === 429) locked = true;
    }
    expect(locked).toBe(true);
    expect(wrong).toBe(GUARD_POLICIES['identify:tablet'].failures);
    // The right PIN is refused too while the tablet is locked.
    expect(errorCode(await identify(tablet, '24680'))).toBe('LOCKED_OUT');

    // More tablets do not buy more guesses: the location's budget counts them all together.
    const perTablet = GUARD_POLICIES['identify:tablet'].failures - 1;
    while (wrong < GUARD_POLICIES['identify:location'].failures) {
      const another = await client.pair(london, `Desk ${wrong}`);
      for (let i = 0; i < perTablet && wrong < GUARD_POLICIES['identify:location'].failures; i += 1, wrong += 1) {
        expect((await identify(another, String(20000 + wrong))).statusCode).toBe(404);
      }
    }
    const fresh = await client.pair(london, 'Fresh desk');
    const res = await identify(fresh, '24680');
    expect(errorCode(res)).toBe('LOCKED_OUT');
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('keeps lockouts across a restart', async () => {
    dir = mkdtempSync(join(tmpdir(), 'tapdesk-guard-'));
    const dbPath = join(dir, 'tapdesk.db');
    const { client, tablet } = await network({ dbPath });
    for (let i = 0; i < GUARD_POLICIES['identify:tablet'].failures; i += 1) {
      await client.call('POST', '/identify', tablet, { method: 'pin', value: String(30000 + i) });
    }
    await api?.close();
    api = await createTestApi({ dbPath });
    const again = kioskClient(api.app, api.db);
    expect(errorCode(await again.call('POST', '/identify', tablet, { method: 'pin', value: '24680' }))).toBe('LOCKED_OUT');
  });

  it('grows each further lockout of the same key', async () => {
    const { a, client, tablet } = await network();
    const lockedFor = () =>
      Number(a.db.prepare("SELECT expire FROM guard_counters WHERE key = 'fail:identify:tablet:1'").pluck().get()) - Date.now();
    const fail = GUARD_POLICIES['identify:tablet'].failures;
    for (let i = 0; i < fail; i += 1) await client.call('POST', '/identify', tablet, { method: 'pin', value: String(40000 + i) });
    const first = lockedFor();
    // Let the first lock pass (as if its minute were over) and fail again.
    a.db.prepare("DELETE FROM guard_counters WHERE key = 'fail:identify:tablet:1'").run();
    for (let i = 0; i < fail; i += 1) await client.call('POST', '/identify', tablet, { method: 'pin', value: String(41000 + i) });
    expect(lockedFor()).toBeGreaterThan(first * 1.8);
  });

  it('accepts only a PIN, not a card, as agreement to a charge where the location asks for the PIN', async () => {
    const { a, client } = await network();
    const berlin = await a.business({ Name: 'Berlin', TimeZone: 'Europe/Berlin', CurrencyCode: 'EUR', KioskPinBeforeCharge: true });
    await a.timePass({ BusinessId: berlin, Name: 'PAYG Day', Price: 18, UseAsPayAsYouGoForContacts: true });
    const bruno = await a.coworker({
      FullName: 'Bruno Díaz',
      InvoicingBusinessId: berlin,
      AccessPincode: '13579',
      AccessCardId: 'CARD-BRUNO',
    });
    const tablet = await client.pair(berlin, 'Charge desk');
    const byCard = (await client.call('POST', '/identify', tablet, { method: 'card', value: 'CARD-BRUNO' })).json() as {
      identityToken: string;
    };
    const refused = SubmitResultSchema.parse(
      (await client.call('POST', '/checkins', tablet, tapFor(bruno, { acceptedCharge: true, identityToken: byCard.identityToken }))).json(),
    );
    expect(refused).toMatchObject({ status: 'refused', code: 'PIN_REQUIRED' });
    const byPin = (await client.call('POST', '/identify', tablet, { method: 'pin', value: '13579' })).json() as { identityToken: string };
    const accepted = SubmitResultSchema.parse(
      (await client.call('POST', '/checkins', tablet, tapFor(bruno, { acceptedCharge: true, identityToken: byPin.identityToken }))).json(),
    );
    expect(accepted.status).toBe('checked-in');
  });

  it('states figures that hold: a year to try every PIN nobody holds at a 50,000-member location', () => {
    expect(yearsToTry(GUARD_POLICIES['identify:location'], 100_000 - 50_000)).toBeGreaterThanOrEqual(1);
    expect(yearsToTry(GUARD_POLICIES['charge-pin:member'], 100_000)).toBeGreaterThanOrEqual(1);
    expect(yearsToTry(GUARD_POLICIES['staff-pin:location'], 10_000)).toBeGreaterThanOrEqual(1);
    // A member who mistypes a few times is not locked out.
    expect(GUARD_POLICIES['identify:tablet'].failures).toBeGreaterThanOrEqual(5);
  });

  it('shows lockouts to staff at the tablet and on the admin page, and staff can lift one', async () => {
    const { client, tablet } = await network();
    for (let i = 0; i < GUARD_POLICIES['identify:tablet'].failures; i += 1) {
      await client.call('POST', '/identify', tablet, { method: 'pin', value: String(50000 + i) });
    }
    const staff = StaffCheckResultSchema.parse((await client.call('POST', '/device/staff-check', tablet, { staffPin: '4321' })).json());
    expect(staff.lockouts).toEqual([expect.objectContaining({ kind: 'identify', scope: 'tablet', label: 'Front desk' })]);
    const { token } = await client.staffSignIn(ADMIN.email, ADMIN.password);
    const listed = z.array(LockoutSchema).parse((await client.call('GET', '/admin/lockouts', token)).json());
    expect(listed.map((l) => l.id)).toContain(staff.lockouts[0]?.id);
    expect((await client.call('POST', '/admin/lockouts/clear', token, { id: staff.lockouts[0]?.id ?? '' })).statusCode).toBe(204);
    expect((await client.call('POST', '/identify', tablet, { method: 'pin', value: '24680' })).statusCode).toBe(200);
  });
});

describe('finding 4: a tablet sees only its own location', () => {
  it('answers "not found" for another location’s member on every route', async () => {
    const { a, client, tablet, jose } = await network();
    expect((await client.call('GET', `/members/${jose}/status`, tablet)).statusCode).toBe(404);
    expect((await client.call('POST', '/identify', tablet, { method: 'pin', value: '31415' })).statusCode).toBe(404);
    expect((await client.call('POST', '/checkins', tablet, tapFor(jose))).statusCode).toBe(404);
    const batch = (await client.call('POST', '/checkins/batch', tablet, { submissions: [tapFor(jose)] })).json() as {
      results: { status: string }[];
    };
    expect(batch.results[0]?.status).toBe('refused');
    const directory = DirectorySchema.parse((await client.call('GET', '/directory', tablet)).json());
    expect(directory.members.map((m) => m.id)).not.toContain(jose);
    const snapshot = (await client.call('GET', '/snapshot', tablet)).json() as { members: { customer: { id: number } }[] };
    expect(snapshot.members.map((m) => m.customer.id)).not.toContain(jose);
    expect(Number(a.db.prepare('SELECT COUNT(*) FROM checkins').pluck().get())).toBe(0);
  });

  it('never undoes or replays another tablet’s tap', async () => {
    const { client, london, tablet, amelie } = await network();
    const other = await client.pair(london, 'Other desk');
    const tap = tapFor(amelie);
    expect(SubmitResultSchema.parse((await client.call('POST', '/checkins', tablet, tap)).json()).status).toBe('checked-in');
    expect((await client.call('POST', `/checkins/${tap.clientId}/undo`, other)).statusCode).toBe(404);
    expect((await client.call('POST', '/checkins', other, tap)).statusCode).toBe(404);
  });
});

describe('finding 6: strangers cannot lock anyone out', () => {
  it('keeps the tablets working after wrong passwords for the gateway’s own account', async () => {
    const { a, client, tablet } = await network();
    for (let i = 0; i < 15; i += 1) {
      const res = await a.app.inject({
        method: 'POST',
        url: '/api/token',
        payload: `grant_type=password&username=gateway%40tapdesk.internal&password=guess${i}`,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        remoteAddress: '203.0.113.9',
      });
      expect(res.statusCode).toBe(400);
    }
    expect((await client.call('GET', '/directory', tablet)).statusCode).toBe(200);
    expect((await client.call('GET', '/members/1/status', tablet)).statusCode).toBe(200);
  });

  it('locks only the address that guessed an administrator’s password, on the admin page too', async () => {
    const { client } = await network();
    for (let i = 0; i < 12; i += 1) await client.staffSignIn(ADMIN.email, `wrong-${i}`, '203.0.113.7');
    expect((await client.staffSignIn(ADMIN.email, ADMIN.password, '203.0.113.7')).res.statusCode).toBe(429);
    expect((await client.staffSignIn(ADMIN.email, ADMIN.password, '198.51.100.20')).token).toBeDefined();
  });

  it('counts pairing guesses per client behind a trusted proxy, and ignores forwarded addresses otherwise', async () => {
    const guess = (a: TestApi, forwardedFor: string) =>
      a.app.inject({
        method: 'POST',
        url: '/kiosk/v1/pair',
        payload: { code: 'AAAA-AAAA', deviceName: 'x', staffPin: '1234' },
        headers: { 'x-forwarded-for': forwardedFor },
        remoteAddress: '127.0.0.1',
      });
    const { a } = await network({ trustProxy: ['127.0.0.1'] });
    for (let i = 0; i < GUARD_POLICIES['pairing:client'].failures; i += 1) await guess(a, '192.0.2.1');
    expect((await guess(a, '192.0.2.1')).statusCode).toBe(429);
    expect((await guess(a, '192.0.2.2')).statusCode).toBe(404);
    await a.close();

    api = await createTestApi();
    for (let i = 0; i < GUARD_POLICIES['pairing:client'].failures; i += 1) await guess(api, `192.0.2.${i}`);
    // Without a trusted proxy, a made-up X-Forwarded-For does not give a fresh allowance.
    expect((await guess(api, '192.0.2.200')).statusCode).toBe(429);
  });
});

describe('finding 7: PINs and card ids never reach the log', () => {
  it('logs identify, charge and list requests without their values', async () => {
    const lines: string[] = [];
    const { a, client, tablet, amelie } = await network({ logLevel: 'info', logStream: { write: (line) => void lines.push(line) } });
    await client.call('POST', '/identify', tablet, { method: 'pin', value: '24680' });
    await client.call('POST', '/identify', tablet, { method: 'card', value: 'CARD-AMELIE' });
    await client.call('POST', '/checkins', tablet, tapFor(amelie, { pin: '24680' }));
    await a.request('GET', '/api/spaces/coworkers?Coworker_AccessPincode=24680&Coworker_AccessCardId=CARD-AMELIE');
    const log = lines.join('\n');
    expect(log).toContain('/api/spaces/coworkers');
    expect(log).not.toContain('24680');
    expect(log).not.toContain('CARD-AMELIE');
  });
});

describe('finding 8: hostile input gets a 4xx', () => {
  it('refuses deep nesting and ids that are not safe integers', async () => {
    const { client, tablet } = await network();
    const deep = `${'['.repeat(8000)}${']'.repeat(8000)}`;
    const nested = await api?.app.inject({
      method: 'POST',
      url: '/kiosk/v1/checkins',
      payload: `{"clientId":${deep}}`,
      headers: { authorization: `Bearer ${tablet}`, 'content-type': 'application/json' },
    });
    expect(nested?.statusCode).toBe(400);
    for (const id of ['1e308', '9007199254740993', '-1', '0x10', '00', '1.5']) {
      expect((await client.call('GET', `/members/${id}/status`, tablet)).statusCode).toBe(400);
    }
  });

  it('accepts only JSON bodies on tablet routes', async () => {
    const { tablet } = await network();
    const res = await api?.app.inject({
      method: 'POST',
      url: '/kiosk/v1/identify',
      payload: 'method=pin&value=24680',
      headers: { authorization: `Bearer ${tablet}`, 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res?.statusCode).toBe(415);
  });
});

describe('a stranger with the tablet’s token (review findings)', () => {
  it('refuses a client id resent with another member, action or time, so a billed visit cannot be undone through it', async () => {
    const { a, client, tablet, amelie } = await network();
    const first = tapFor(amelie, { tappedAt: new Date(Date.now() - 3 * 3600_000).toISOString() });
    expect(SubmitResultSchema.parse((await client.call('POST', '/checkins', tablet, first)).json()).status).toBe('checked-in');
    const before = a.db.prepare('SELECT Id, ToTime FROM checkins').all();
    for (const changed of [{ action: 'out' as const }, { coworkerId: 999_999 }, { tappedAt: new Date().toISOString() }]) {
      const res = SubmitResultSchema.parse((await client.call('POST', '/checkins', tablet, { ...first, ...changed })).json());
      expect(res).toMatchObject({ status: 'refused', code: 'TAP_REJECTED' });
    }
    expect(a.db.prepare('SELECT Id, ToTime FROM checkins').all()).toEqual(before);
  });

  it('never undoes a check-in that has changed since the tap, and never reuses a deleted check-in’s id', async () => {
    const { a, client, tablet, amelie, london } = await network();
    const tap = tapFor(amelie);
    const made = SubmitResultSchema.parse((await client.call('POST', '/checkins', tablet, tap)).json());
    const id = made.status === 'checked-in' ? made.checkinId : 0;
    // Staff close it at the desk; the undo must not delete the closed visit.
    a.db.prepare('UPDATE checkins SET ToTime = ? WHERE Id = ?').run(new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'), id);
    expect((await client.call('POST', `/checkins/${tap.clientId}/undo`, tablet)).statusCode).toBe(404);
    expect(a.db.prepare('SELECT COUNT(*) FROM checkins').pluck().get()).toBe(1);
    expect((await a.request('DELETE', `/api/spaces/checkins/${id}`)).status).toBe(200);
    // The gateway's mirror learns of changes made behind its back at its next sync.
    const { token } = await client.staffSignIn(ADMIN.email, ADMIN.password);
    expect((await client.call('POST', '/admin/sync', token, { businessId: london })).statusCode).toBe(200);
    const next = SubmitResultSchema.parse((await client.call('POST', '/checkins', tablet, tapFor(amelie))).json());
    expect(next.status === 'checked-in' && next.checkinId).toBeGreaterThan(id);
  });

  it('refuses taps dated more than four days back, however the tablet’s clock is set', async () => {
    const { a, client, tablet, amelie } = await network();
    const old = new Date(Date.now() - 5 * 86_400_000).toISOString();
    const skewed = new Date(Date.now() + 5 * 86_400_000).toISOString();
    for (const tap of [tapFor(amelie, { tappedAt: old }), tapFor(amelie, { deviceNow: skewed })]) {
      expect(SubmitResultSchema.parse((await client.call('POST', '/checkins', tablet, tap)).json())).toMatchObject({
        code: 'TAP_REJECTED',
      });
    }
    expect(a.db.prepare('SELECT COUNT(*) FROM checkins').pluck().get()).toBe(0);
  });

  it('lets one PIN proof agree to one charge, at the time it was given', async () => {
    const { a, client } = await network();
    const berlin = await a.business({ Name: 'Berlin', TimeZone: 'Europe/Berlin', CurrencyCode: 'EUR', KioskPinBeforeCharge: true });
    await a.timePass({ BusinessId: berlin, Name: 'PAYG Day', Price: 18, UseAsPayAsYouGoForContacts: true });
    const ana = await a.coworker({ FullName: 'Ana', InvoicingBusinessId: berlin, AccessPincode: '77889' });
    const tablet = await client.pair(berlin, 'Berlin desk');
    const { identityToken } = (await client.call('POST', '/identify', tablet, { method: 'pin', value: '77889' })).json() as {
      identityToken: string;
    };
    const yesterday = new Date(Date.now() - 86_400_000).toISOString();
    const backdated = tapFor(ana, { acceptedCharge: true, identityToken, tappedAt: yesterday });
    expect(SubmitResultSchema.parse((await client.call('POST', '/checkins', tablet, backdated)).json())).toMatchObject({
      code: 'PIN_REQUIRED',
    });
    const now = tapFor(ana, { acceptedCharge: true, identityToken });
    expect(SubmitResultSchema.parse((await client.call('POST', '/checkins', tablet, now)).json()).status).toBe('checked-in');
    // Checked out, then a second charge with the same proof needs the PIN again.
    await client.call('POST', '/checkins', tablet, tapFor(ana, { action: 'out' }));
    const again = tapFor(ana, { acceptedCharge: true, identityToken });
    expect(SubmitResultSchema.parse((await client.call('POST', '/checkins', tablet, again)).json())).toMatchObject({
      code: 'PIN_REQUIRED',
    });
  });

  it('says a charge PIN is locked rather than wrong, and answers a value Nexudus refuses as "not found"', async () => {
    const { a, client } = await network();
    const berlin = await a.business({ Name: 'Berlin', TimeZone: 'Europe/Berlin', CurrencyCode: 'EUR', KioskPinBeforeCharge: true });
    await a.timePass({ BusinessId: berlin, Name: 'PAYG Day', Price: 18, UseAsPayAsYouGoForContacts: true });
    const ana = await a.coworker({ FullName: 'Ana', InvoicingBusinessId: berlin, AccessPincode: '77889' });
    const tablet = await client.pair(berlin, 'Berlin desk');
    const codes: string[] = [];
    for (let i = 0; i < 6; i += 1) {
      const res = SubmitResultSchema.parse(
        (await client.call('POST', '/checkins', tablet, tapFor(ana, { acceptedCharge: true, pin: String(60000 + i) }))).json(),
      );
      codes.push(res.status === 'refused' ? res.code : res.status);
    }
    expect(codes.at(-1)).toBe('PIN_LOCKED');
    expect((await client.call('POST', '/identify', tablet, { method: 'card', value: '😀'.repeat(33) })).statusCode).toBeLessThan(500);
  });
});
