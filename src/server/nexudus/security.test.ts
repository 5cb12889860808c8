import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ValidationEnvelopeSchema, listEnvelopeSchema } from '../../contract/nexudus-envelopes';
import { UserRecordSchema } from '../../contract/nexudus-users';
import { createUsersRepository } from '../db/users-repository';
import { GUARD_POLICIES } from '../lib/guard-policies';
import { passwordStats } from '../lib/passwords';
import { ADMIN, createTestApi, tokenFor, type TestApi } from '../testing/test-api';
import { tokenRequest } from '../testing/kiosk-client';

let api: TestApi;
afterEach(() => api.close());

const basic = (email: string, password: string) => `Basic ${Buffer.from(`${email}:${password}`).toString('base64')}`;
const withAuth = (authorization: string, url: string, remoteAddress = '203.0.113.5') =>
  api.app.inject({ method: 'GET', url, headers: { authorization }, remoteAddress });

describe('finding 3: HTTP Basic is counted like a sign-in', () => {
  it('locks an address that guesses Basic passwords, before any more password hashing, and not others', async () => {
    api = await createTestApi();
    const url = '/api/sys/businesses';
    expect((await withAuth(basic(ADMIN.email, ADMIN.password), url)).statusCode).toBe(200);
    for (let i = 0; i < GUARD_POLICIES['password:account-client'].failures; i += 1) {
      expect((await withAuth(basic(ADMIN.email, `wrong-${i}`), url)).statusCode).toBe(401);
    }
    const before = passwordStats.derivations;
    const locked = await withAuth(basic(ADMIN.email, ADMIN.password), url);
    expect(locked.statusCode).toBe(401);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    expect(passwordStats.derivations).toBe(before);
    expect((await withAuth(basic(ADMIN.email, ADMIN.password), url, '198.51.100.1')).statusCode).toBe(200);
  });

  it('bounds spraying many accounts from one address', async () => {
    api = await createTestApi();
    const perAddress = GUARD_POLICIES['password:client'].failures;
    for (let i = 0; i < perAddress; i += 1) await withAuth(basic(`nobody${i}@example.com`, 'x'), '/api/sys/businesses');
    const before = passwordStats.derivations;
    expect((await withAuth(basic('someone-else@example.com', 'x'), '/api/sys/businesses')).statusCode).toBe(401);
    expect(passwordStats.derivations).toBe(before);
  });

  it('answers "busy" instead of queueing password checks without bound', async () => {
    api = await createTestApi();
    const answers = await Promise.all(
      Array.from({ length: 60 }, (_, i) => withAuth(basic(`p${i}@example.com`, 'x'), '/api/sys/businesses', `10.9.${i}.1`)),
    );
    expect(answers.every((res) => res.statusCode === 401)).toBe(true);
    expect(answers.some((res) => res.headers['retry-after'] === '1')).toBe(true);
  });
});

describe('finding 5: PINs and card ids are write-only and match only exactly', () => {
  it('refuses ranges and sorting on secret fields and never echoes a value', async () => {
    api = await createTestApi();
    await api.coworker({ FullName: 'Amélie', AccessPincode: '24680', AccessCardId: 'CARD-AMELIE' });
    for (const query of [
      'to_Coworker_AccessPincode=50000',
      'from_Coworker_AccessPincode=10000',
      'to_Coworker_AccessCardId=M',
      'orderBy=AccessPincode',
      'orderBy=AccessCardId',
    ]) {
      const res = await api.request('GET', `/api/spaces/coworkers?${query}`);
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.json)).not.toMatch(/50000|10000|CARD-AMELIE/);
    }
    const record = (await api.request('GET', '/api/spaces/coworkers/1')).json;
    expect(JSON.stringify(record)).not.toMatch(/24680|CARD-AMELIE|hmac/);
    expect(record).toMatchObject({ HasAccessPincode: true, HasAccessCardId: true });
  });

  it('counts exact matches that find nobody, per API user', async () => {
    api = await createTestApi();
    await api.coworker({ FullName: 'Amélie', AccessPincode: '24680' });
    await createUsersRepository(api.db).create('lister@example.com', 'lister-password', false, ['Coworker-List']);
    const token = await tokenFor(api.app, 'lister@example.com', 'lister-password');
    const lookup = (pin: string) => withAuth(`Bearer ${token}`, `/api/spaces/coworkers?Coworker_AccessPincode=${pin}`);
    const found = listEnvelopeSchema(z.object({ Id: z.number() })).parse((await lookup('24680')).json());
    expect(found.Records).toHaveLength(1);
    for (let i = 0; i < GUARD_POLICIES['secret-lookup:account'].failures; i += 1)
      expect((await lookup(String(10000 + i))).statusCode).toBe(200);
    expect((await lookup('24680')).statusCode).toBe(429);
    // Other users and ordinary filters are unaffected.
    expect((await api.request('GET', '/api/spaces/coworkers?Coworker_AccessPincode=24680')).status).toBe(200);
    expect((await withAuth(`Bearer ${token}`, '/api/spaces/coworkers?Coworker_FullName=Am%C3%A9lie')).statusCode).toBe(200);
  });

  it('keeps a PIN through a GET-then-PUT that does not mention it', async () => {
    api = await createTestApi();
    const id = await api.coworker({ FullName: 'Amélie', AccessPincode: '24680' });
    const record = (await api.request('GET', `/api/spaces/coworkers/${id}`)).json as Record<string, unknown>;
    expect((await api.request('PUT', '/api/spaces/coworkers', { ...record, CompanyName: 'Acme' })).status).toBe(200);
    const byPin = listEnvelopeSchema(z.object({ Id: z.number() })).parse(
      (await api.request('GET', '/api/spaces/coworkers?Coworker_AccessPincode=24680')).json,
    );
    expect(byPin.Records.map((r) => r.Id)).toEqual([id]);
  });
});

describe('finding 6: the token endpoint locks an account only from the guessing address', () => {
  it('still signs the administrator in from elsewhere, and never signs in the gateway account from outside', async () => {
    api = await createTestApi();
    for (let i = 0; i < 12; i += 1) {
      await tokenRequest(
        api.app,
        { grant_type: 'password', username: ADMIN.email, password: `wrong-${i}` },
        { remoteAddress: '203.0.113.8' },
      );
    }
    const locked = await tokenRequest(
      api.app,
      { grant_type: 'password', username: ADMIN.email, password: ADMIN.password },
      { remoteAddress: '203.0.113.8' },
    );
    expect(locked.statusCode).toBe(400);
    const elsewhere = await tokenRequest(
      api.app,
      { grant_type: 'password', username: ADMIN.email, password: ADMIN.password },
      { remoteAddress: '198.51.100.3' },
    );
    expect(elsewhere.statusCode).toBe(200);

    // A service account with a known password still cannot sign in from outside the process.
    await createUsersRepository(api.db).upsertServiceUser('probe@tapdesk.internal', 'probe-password', ['Coworker-List']);
    const outside = await tokenRequest(api.app, { grant_type: 'password', username: 'probe@tapdesk.internal', password: 'probe-password' });
    expect(outside.statusCode).toBe(400);
  });
});

describe('finding 8: hostile bodies answer 400', () => {
  it('refuses an 8,000-deep nested body and bounds what it echoes', async () => {
    api = await createTestApi();
    const deep = `${'['.repeat(8000)}${']'.repeat(8000)}`;
    const res = await api.app.inject({
      method: 'POST',
      url: '/api/spaces/checkins',
      payload: `{"BusinessId":${deep},"FromTime":"2025-01-15T10:30:00Z","Source":4}`,
      headers: { authorization: `Bearer ${api.token}`, 'content-type': 'application/json' },
    });
    expect(res.statusCode).toBe(400);
    const long = await api.request('POST', '/api/spaces/checkins', {
      BusinessId: 'x'.repeat(20_000),
      FromTime: [[[[{ a: 'y'.repeat(5000) }]]]],
    });
    expect(long.status).toBe(400);
    const envelope = ValidationEnvelopeSchema.parse(long.json);
    expect(JSON.stringify(envelope).length).toBeLessThan(2000);
  });

  it('refuses ids that are not safe integers', async () => {
    api = await createTestApi();
    for (const id of ['1e308', '9007199254740993', '-1', '0']) {
      expect((await api.request('GET', `/api/spaces/coworkers/${id}`)).status).toBe(404);
    }
  });
});

describe('finding 10: the token endpoint does not tell existing accounts by timing', () => {
  it('hashes a password for an unknown account exactly as for a known one', async () => {
    api = await createTestApi();
    const known = passwordStats.derivations;
    await tokenRequest(api.app, { grant_type: 'password', username: ADMIN.email, password: 'wrong' });
    const unknownStart = passwordStats.derivations;
    await tokenRequest(api.app, { grant_type: 'password', username: 'nobody@example.com', password: 'wrong' });
    expect(unknownStart - known).toBe(1);
    expect(passwordStats.derivations - unknownStart).toBe(1);
  });
});

describe('users (read-only) and refreshing without client_id', () => {
  it('serves a user’s IsAdmin, APIAccess and roles, never a password hash', async () => {
    api = await createTestApi();
    const res = await api.request('GET', `/api/spaces/users?User_Email=${encodeURIComponent(ADMIN.email)}&size=1`);
    const page = listEnvelopeSchema(UserRecordSchema).parse(res.json);
    expect(page.Records).toEqual([expect.objectContaining({ Email: ADMIN.email, IsAdmin: true, APIAccess: true })]);
    expect(JSON.stringify(res.json)).not.toMatch(/scrypt|PasswordHash/);
    expect((await api.request('POST', '/api/spaces/users', { Email: 'x@example.com' })).status).toBe(404);
  });
});
