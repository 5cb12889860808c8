import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUsersRepository } from './db/users-repository';
import type { Access } from './lib/access';
import { ADMIN, createTestApi, tokenFor, type TestApi } from './testing/test-api';
import { kioskClient } from './testing/kiosk-client';

let api: TestApi;
let dir: string;
let device: string;
let staff: string;
let noRoles: string;
let otherLocationDevice: string;

/** A built kiosk in miniature: the files whose headers matter. */
function kioskFiles(): string {
  const root = mkdtempSync(join(tmpdir(), 'tapdesk-static-'));
  mkdirSync(join(root, 'assets'));
  writeFileSync(
    join(root, 'index.html'),
    '<!doctype html><title>Tapdesk</title><script type="module" src="/assets/app-abc123.js"></script>',
  );
  writeFileSync(join(root, 'assets', 'app-abc123.js'), 'console.log(1)');
  writeFileSync(join(root, 'sw.js'), 'self.addEventListener("fetch", () => {})');
  writeFileSync(join(root, 'manifest.webmanifest'), '{}');
  return root;
}

beforeAll(async () => {
  dir = kioskFiles();
  api = await createTestApi({ staticDir: dir, trustProxy: ['127.0.0.1'] });
  const london = await api.business({ Name: 'London' });
  const berlin = await api.business({ Name: 'Berlin' });
  await api.coworker({ InvoicingBusinessId: london });
  const client = kioskClient(api.app, api.db);
  device = await client.pair(london);
  otherLocationDevice = await client.pair(berlin);
  staff = (await client.staffSignIn(ADMIN.email, ADMIN.password)).token ?? '';
  await createUsersRepository(api.db).create('noroles@example.com', 'no-roles-password', false, []);
  noRoles = await tokenFor(api.app, 'noroles@example.com', 'no-roles-password');
});
afterAll(async () => {
  await api.close();
  rmSync(dir, { recursive: true, force: true });
});

const concrete = (url: string) => url.replace(':clientId', 'some-client-id').replace(':id', '1');
const callAs = (method: string, url: string, authorization?: string) =>
  api.app.inject({
    method: method as 'GET',
    url: concrete(url),
    headers: { ...(authorization ? { authorization } : {}), 'content-type': 'application/json' },
    ...(method === 'GET' || method === 'HEAD' || method === 'DELETE' ? {} : { payload: '{}' }),
  });

describe('every route says who may call it', () => {
  it('has a declaration for every registered route, and only the known ones are open to anyone', () => {
    const routes = api.app.routeAccess;
    expect(routes.length).toBeGreaterThan(40);
    expect(routes.filter((r) => !r.access)).toEqual([]);
    const anonymous = routes
      .filter(
        (r) => r.access?.kind === 'anonymous' && !r.url.startsWith('/assets/') && !/\.(html|js|webmanifest)$/.test(r.url) && r.url !== '/',
      )
      .map((r) => `${r.method} ${r.url}`)
      .sort();
    expect(anonymous).toEqual(
      [
        'GET /health',
        'HEAD /health',
        'POST /api/token',
        'POST /kiosk/v1/admin/session',
        'POST /kiosk/v1/pair',
        // A host's e-mailed link is its own credential: signed, single-use, expiring.
        'POST /kiosk/v1/host-answers/preview',
        'POST /kiosk/v1/host-answers',
      ].sort(),
    );
  });

  it('refuses every non-anonymous route to a caller without the right credential', async () => {
    const wrongFor: Record<Access['kind'], (string | undefined)[]> = {
      anonymous: [],
      device: [undefined, 'Bearer not-a-token', `Bearer ${staff}`, `Bearer ${api.token}`],
      staff: [undefined, 'Bearer not-a-token', `Bearer ${device}`, `Bearer ${api.token}`],
      api: [undefined, 'Bearer not-a-token', `Bearer ${device}`, `Bearer ${staff}`, `Bearer ${noRoles}`, 'Basic bm9ib2R5Ong='],
    };
    const checked: string[] = [];
    for (const route of api.app.routeAccess) {
      const kind = route.access?.kind ?? 'anonymous';
      for (const authorization of wrongFor[kind]) {
        const res = await callAs(route.method, route.url, authorization);
        if (res.statusCode !== 401)
          throw new Error(`${route.method} ${route.url} answered ${res.statusCode} to ${authorization ?? 'no credential'}`);
        checked.push(`${route.method} ${route.url}`);
      }
    }
    expect(new Set(checked).size).toBeGreaterThan(35);
  });

  it('gives a device of another location nothing of this one', async () => {
    const res = await callAs('GET', '/kiosk/v1/members/1/status', `Bearer ${otherLocationDevice}`);
    expect(res.statusCode).toBe(404);
  });
});

describe('finding 10: security headers and caching', () => {
  const get = (url: string, headers: Record<string, string> = {}) => api.app.inject({ method: 'GET', url, headers });

  it('sends a strict CSP, no framing, nosniff and no referrer on every kind of answer', async () => {
    for (const url of ['/', '/admin', '/kiosk/v1/device', '/api/spaces/checkins', '/api/nope', '/health']) {
      const res = await get(url);
      const csp = String(res.headers['content-security-policy']);
      expect(csp, url).toContain("frame-ancestors 'none'");
      expect(csp, url).toMatch(/script-src 'self'(;|$)/);
      expect(csp, url).not.toContain('unsafe-inline');
      expect(res.headers['x-content-type-options'], url).toBe('nosniff');
      expect(res.headers['x-frame-options'], url).toBe('DENY');
      expect(res.headers['referrer-policy'], url).toBe('no-referrer');
      expect(String(res.headers['permissions-policy']), url).toContain('camera=(self)');
      expect(res.headers['strict-transport-security'], url).toBeUndefined();
      // The pages connect to this server only.
      expect(csp, url).toMatch(/connect-src 'self'(;|$)/);
    }
  });

  it('lets the service worker (only) fetch images from other https origins, the rest of its CSP as strict', async () => {
    const csp = String((await get('/sw.js')).headers['content-security-policy']);
    expect(csp).toMatch(/connect-src 'self' https:(;|$)/);
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
  });

  it('adds HSTS only when the request came over HTTPS', async () => {
    const res = await get('/', { 'x-forwarded-proto': 'https' });
    expect(res.headers['strict-transport-security']).toContain('max-age=');
  });

  it('caches hashed assets for a year and revalidates the shell, the worker and the manifest', async () => {
    expect((await get('/assets/app-abc123.js')).headers['cache-control']).toBe('public, max-age=31536000, immutable');
    for (const url of ['/', '/index.html', '/sw.js', '/manifest.webmanifest', '/admin']) {
      expect((await get(url)).headers['cache-control'], url).toBe('no-cache');
    }
  });
});
