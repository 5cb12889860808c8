import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUsersRepository } from './db/users-repository';
import type { Access } from './lib/access';
import { ADMIN, createTestApi, tokenFor, type TestApi } from './testing/test-api';
import { kioskClient } from './testing/kiosk-client';

let api: TestApi;
let london: number;
const credentials: Record<string, string | undefined> = {};

/**
 * Every table's rows, minus what a refused request may legitimately touch: guess counters,
 * last-seen clocks, and the gateway's mirror (a cache of Nexudus that any read may fill).
 */
function state(): string {
  const tables = api.db
    .prepare(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN ('guard_counters', 'guard_labels', 'schema_migrations', 'mirror_records', 'mirror_sync')",
    )
    .pluck()
    .all()
    .map(String);
  const hash = createHash('sha256');
  for (const table of tables) {
    for (const row of api.db.prepare(`SELECT * FROM "${table}" ORDER BY rowid`).all() as Record<string, unknown>[]) {
      const { LastSeenAt: _seen, ...rest } = row;
      hash.update(`${table}:${JSON.stringify(rest)}\n`);
    }
  }
  return hash.digest('hex');
}

async function refreshCredentials() {
  const client = kioskClient(api.app, api.db);
  credentials.device = `Bearer ${await client.pair(london)}`;
  credentials.staff = `Bearer ${(await client.staffSignIn(ADMIN.email, ADMIN.password)).token ?? ''}`;
}

beforeAll(async () => {
  api = await createTestApi();
  london = await api.business({ Name: 'London', TimeZone: 'Europe/London', CurrencyCode: 'GBP' });
  const member = await api.coworker({ InvoicingBusinessId: london, AccessPincode: '24680', AccessCardId: 'CARD-A' });
  const day = await api.timePass({ BusinessId: london });
  await api.givePass({ CoworkerId: member, BusinessId: london, TimePassId: day, CreateMultiple: 3 });
  await createUsersRepository(api.db).create('lister@example.com', 'lister-password', false, ['Coworker-List']);
  credentials.admin = `Bearer ${api.token}`;
  credentials.lister = `Bearer ${await tokenFor(api.app, 'lister@example.com', 'lister-password')}`;
  credentials.basic = `Basic ${Buffer.from(`${ADMIN.email}:${ADMIN.password}`).toString('base64')}`;
  credentials.garbage = 'Bearer \u0000\u00ff';
  credentials.none = undefined;
  await refreshCredentials();
});
afterAll(() => api.close());

/** Fields and operators every list is asked about, named for the route's own entity (`from_Checkin_UpdatedOn`). */
const FIELDS = [
  'Id',
  'UniqueId',
  'CreatedOn',
  'UpdatedOn',
  'UpdatedBy',
  'Business',
  'Coworker',
  'Name',
  'FullName',
  'Email',
  'FromTime',
  'ToTime',
  'Businesses',
  'AccessPincode',
  'AccessCardId',
  'VisitorCode',
  'TimePass',
  'ExpectedArrival',
  'Price',
  'Active',
];
const PREFIXES = ['', 'from_', 'to_'];
const PAGING = ['page', 'size', 'orderBy', 'dir', 'id'];
const QUERY_VALUES = [
  'UpdatedOn',
  'CreatedOn',
  'UniqueId',
  'Id',
  'Businesses',
  'AccessPincode',
  '2026-12-01T10:00',
  '1',
  '-1',
  '0',
  '2',
  'true',
];
const entityOf = (access: Access | undefined) => (access?.kind === 'api' ? (access.role.split('-')[0] ?? 'X') : 'Coworker');
/** The credential each kind of route asks for. */
const MATCHING = { anonymous: 'none', device: 'device', staff: 'staff', api: 'admin' } as const;

const nasty = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom('1e308', '9007199254740993', '-1', '0', '%00', '..%2F..%2Fetc', '[1,2]', '%5B1%5D', 'null', '1'.repeat(400)),
  fc.integer().map(String),
);
const deep = fc.integer({ min: 30, max: 3000 }).map((n) => `${'['.repeat(n)}1${']'.repeat(n)}`);
const body = fc.oneof(
  fc.json({ maxDepth: 4 }),
  fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify({ clientId: v, coworkerId: v, BusinessId: v, FromTime: v, Source: v })),
  fc
    .record({
      k: fc.constantFrom(
        'code',
        'method',
        'value',
        'submissions',
        'email',
        'password',
        'id',
        'staffPin',
        'token',
        'answer',
        'fullName',
        'hostId',
      ),
      v: fc.jsonValue(),
    })
    .map(({ k, v }) => JSON.stringify({ [k]: v })),
  deep,
  fc.string({ maxLength: 200 }),
  fc.constant(''),
);
const queryTerm = fc.record({
  name: fc.oneof(
    fc.constantFrom(...PAGING).map((n) => () => n),
    fc.tuple(fc.constantFrom(...PREFIXES), fc.constantFrom(...FIELDS)).map(
      ([prefix, f]) =>
        (entity: string) =>
          `${prefix}${entity}_${f}`,
    ),
  ),
  value: fc.oneof(nasty, fc.constantFrom(...QUERY_VALUES)),
});

const contentType = fc.constantFrom(
  'application/json',
  'application/json; charset=utf-8',
  'application/x-www-form-urlencoded',
  'text/plain',
  'multipart/form-data; boundary=x',
  'application/octet-stream',
  undefined,
);

describe('every route under hostile input', () => {
  it('never answers 5xx and changes nothing when it refuses', async () => {
    const statuses = new Map<number, number>();
    const routes = api.app.routeAccess.filter((r) => r.url.startsWith('/api') || r.url.startsWith('/kiosk') || r.url === '/health');
    expect(routes.length).toBeGreaterThan(40);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routes),
        fc.oneof({ arbitrary: fc.constant('matching'), weight: 4 }, { arbitrary: fc.constantFrom(...Object.keys(credentials)), weight: 1 }),
        nasty,
        fc.array(queryTerm, { maxLength: 4 }),
        body,
        contentType,
        async (route, chosen, param, query, payload, type) => {
          const who = chosen === 'matching' ? MATCHING[route.access?.kind ?? 'anonymous'] : chosen;
          const url = route.url.replace(':id', encodeURIComponent(param)).replace(':clientId', encodeURIComponent(param));
          const entity = entityOf(route.access);
          const terms = query.map((t): [string, string] => [t.name(entity), t.value]);
          const qs = terms.length ? `?${new URLSearchParams(terms).toString()}` : '';
          const before = state();
          const res = await api.app.inject({
            method: route.method as 'GET',
            url: `${url}${qs}`,
            headers: { ...(credentials[who] ? { authorization: credentials[who] } : {}), ...(type ? { 'content-type': type } : {}) },
            ...(route.method === 'GET' || route.method === 'HEAD' ? {} : { payload }),
          });
          statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
          if (res.statusCode >= 500) throw new Error(`${route.method} ${url}${qs} answered ${res.statusCode}: ${res.body.slice(0, 300)}`);
          if (res.statusCode >= 400 && state() !== before)
            throw new Error(`${route.method} ${url} refused (${res.statusCode}) but changed data`);
          if (res.statusCode < 300 && /session|revoke/.test(route.url)) await refreshCredentials();
        },
      ),
      { numRuns: 2500, seed: 20261201 },
    );
    // Most requests carry the credential their route asks for, so the handlers (not only the access check) are reached.
    expect([...statuses.entries()].filter(([status]) => status !== 401).reduce((n, [, count]) => n + count, 0)).toBeGreaterThan(700);
  }, 240_000);
});
