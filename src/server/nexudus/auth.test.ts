import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TokenResponseSchema } from '../../contract/nexudus-envelopes';
import { createUsersRepository } from '../db/users-repository';
import { ADMIN, createTestApi, tokenFor, type TestApi } from '../testing/test-api';

let api: TestApi;
beforeEach(async () => {
  api = await createTestApi();
});
afterEach(() => api.close());

const form = (fields: Record<string, string>, headers: Record<string, string> = {}) =>
  api.app.inject({
    method: 'POST',
    url: '/api/token',
    payload: new URLSearchParams(fields).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
  });

describe('POST /api/token', () => {
  it('issues a bearer token and a refresh token for a password grant', async () => {
    const res = await form({ grant_type: 'password', username: ADMIN.email, password: ADMIN.password });
    expect(res.statusCode).toBe(200);
    expect(TokenResponseSchema.parse(res.json())).toMatchObject({ token_type: 'bearer', expires_in: 604799 });
  });

  it('answers unsupported_grant_type to a JSON body', async () => {
    const res = await api.app.inject({
      method: 'POST',
      url: '/api/token',
      payload: { grant_type: 'password', username: ADMIN.email, password: ADMIN.password },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: 'unsupported_grant_type' });
  });

  it('answers invalid_grant to a wrong password, and locks out after repeated failures', async () => {
    const wrong = await form({ grant_type: 'password', username: ADMIN.email, password: 'nope' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({ error: 'invalid_grant' });
    for (let i = 0; i < 10; i += 1) await form({ grant_type: 'password', username: ADMIN.email, password: 'nope' });
    const locked = await form({ grant_type: 'password', username: ADMIN.email, password: ADMIN.password });
    expect(locked.json()).toMatchObject({ error: 'invalid_grant', error_description: expect.stringContaining('Too many') });
  });

  it('rotates refresh tokens: a used one is refused, and it needs the same client_id', async () => {
    const first = TokenResponseSchema.parse(
      (await form({ grant_type: 'password', username: ADMIN.email, password: ADMIN.password }, { client_id: 'tablet-1' })).json(),
    );
    const noClient = await form({ grant_type: 'refresh_token', refresh_token: first.refresh_token });
    expect(noClient.json()).toMatchObject({ error: 'invalid_grant' });
    const other = await form({ grant_type: 'refresh_token', refresh_token: first.refresh_token }, { client_id: 'tablet-2' });
    expect(other.json()).toMatchObject({ error: 'invalid_grant' });
    const second = await form({ grant_type: 'refresh_token', refresh_token: first.refresh_token }, { client_id: 'tablet-1' });
    expect(second.statusCode).toBe(200);
    const rotated = TokenResponseSchema.parse(second.json());
    expect(rotated.refresh_token).not.toBe(first.refresh_token);
    const reused = await form({ grant_type: 'refresh_token', refresh_token: first.refresh_token }, { client_id: 'tablet-1' });
    expect(reused.json()).toMatchObject({ error: 'invalid_grant' });
    const list = await api.app.inject({
      method: 'GET',
      url: '/api/sys/businesses',
      headers: { authorization: `Bearer ${rotated.access_token}` },
    });
    expect(list.statusCode).toBe(200);
  });
});

describe('authorisation', () => {
  it('answers 401 without a token and with an unknown token', async () => {
    expect((await api.app.inject({ method: 'GET', url: '/api/spaces/checkins' })).statusCode).toBe(401);
    expect(
      (await api.app.inject({ method: 'GET', url: '/api/spaces/checkins', headers: { authorization: 'Bearer nope' } })).statusCode,
    ).toBe(401);
  });

  it('answers 401, not 403, when the user lacks the role', async () => {
    await createUsersRepository(api.db).create('reader@example.com', 'reader-password', false, ['Checkin-List']);
    const token = await tokenFor(api.app, 'reader@example.com', 'reader-password');
    const headers = { authorization: `Bearer ${token}` };
    expect((await api.app.inject({ method: 'GET', url: '/api/spaces/checkins', headers })).statusCode).toBe(200);
    const create = await api.app.inject({ method: 'POST', url: '/api/spaces/checkins', headers, payload: {} });
    expect(create.statusCode).toBe(401);
    expect((await api.app.inject({ method: 'GET', url: '/api/spaces/coworkers', headers })).statusCode).toBe(401);
  });

  it('expires access tokens', async () => {
    const row = api.db.prepare("UPDATE access_tokens SET ExpiresAt = '2000-01-01T00:00:00.000Z'").run();
    expect(row.changes).toBeGreaterThan(0);
    expect((await api.request('GET', '/api/spaces/checkins')).status).toBe(401);
  });
});
