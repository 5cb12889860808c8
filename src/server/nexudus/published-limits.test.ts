import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/database';
import { createUsersRepository } from '../db/users-repository';
import { buildApp } from '../app';
import { ADMIN, tokenFor } from '../testing/test-api';
import { PUBLISHED_LIMITS } from './published-limits';

let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());

async function limitedApi() {
  const db = openDatabase(':memory:');
  await createUsersRepository(db).create(ADMIN.email, ADMIN.password, true, []);
  const app = await buildApp({ db, logLevel: 'silent', embeddedLimits: true });
  close = async () => {
    await app.close();
    db.close();
  };
  const token = await tokenFor(app, ADMIN.email, ADMIN.password);
  return (method: 'GET' | 'POST') =>
    app.inject({
      method,
      url: '/api/sys/businesses',
      headers: { authorization: `Bearer ${token}` },
      ...(method === 'POST' ? { payload: { Name: 'X' } } : {}),
    });
}

describe('EMBEDDED_LIMITS=published', () => {
  it('answers the 121st request in a minute with 429, Retry-After and "Wait N seconds"', async () => {
    const call = await limitedApi();
    const perMinute = PUBLISHED_LIMITS.all[0]?.points ?? 0;
    // The token request above counted for the address, not for this user.
    for (let i = 0; i < perMinute; i += 1) expect((await call('GET')).statusCode).toBe(200);
    const throttled = await call('GET');
    expect(throttled.statusCode).toBe(429);
    expect(Number(throttled.headers['retry-after'])).toBeGreaterThan(0);
    expect(throttled.json()).toMatchObject({ Message: expect.stringMatching(/Wait \d+ seconds/), WasSuccessful: false });
  });

  it('allows 60 writes a minute', async () => {
    const call = await limitedApi();
    for (let i = 0; i < (PUBLISHED_LIMITS.writes[0]?.points ?? 0); i += 1) expect((await call('POST')).statusCode).toBe(200);
    expect((await call('POST')).statusCode).toBe(429);
    expect((await call('GET')).statusCode).toBe(200);
  });
});
