import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildApp } from '../src/server/app';
import { openDatabase, type Db } from '../src/server/db/database';
import { createUsersRepository } from '../src/server/db/users-repository';

/**
 * Real Nexudus clients' call patterns, replayed over HTTP against the embedded API exactly as the
 * clients send them. Each case names its source (see ../shared/nexudus-api.md and
 * nexudus-visitors-and-sync.md); add a case whenever a client behaviour is documented or observed.
 */

const ADMIN = { email: 'integrator@example.com', password: 'integrator-password' };
let app: FastifyInstance;
let db: Db;
let base: string;
let token: string;
let refresh: string;
let business: number;

const form = (fields: Record<string, string>, headers: Record<string, string> = {}) =>
  fetch(`${base}/api/token`, { method: 'POST', body: new URLSearchParams(fields), headers });
const api = async (method: string, path: string, body?: unknown, query: Record<string, string | number> = {}) => {
  const qs = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)])).toString();
  const res = await fetch(`${base}${path}${qs ? `?${qs}` : ''}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as unknown };
};
const Tokens = z.object({ access_token: z.string(), refresh_token: z.string(), expires_in: z.number(), token_type: z.literal('bearer') });
const Created = z.object({ WasSuccessful: z.literal(true), Value: z.object({ Id: z.number() }) });
const Page = z.object({
  Records: z.array(z.record(z.string(), z.unknown())),
  TotalPages: z.number(),
  CurrentPage: z.number(),
  CurrentPageSize: z.number(),
  TotalItems: z.number(),
});

/** fauxworking `nexudus_list`: size=100 unless given, pages on TotalPages/CurrentPage. */
async function listAll(path: string, filters: Record<string, string | number> = {}) {
  const records: Record<string, unknown>[] = [];
  for (let page = 1; page <= 50; page += 1) {
    const body = Page.parse((await api('GET', path, undefined, { size: 100, ...filters, page })).json);
    records.push(...body.Records);
    if (page >= body.TotalPages) break;
  }
  return records;
}

/** fauxworking `nexudus_update`: GET the record, drop the generic metadata, merge, PUT with Id. */
const STRIP = [
  'CreatedOn',
  'UpdatedOn',
  'UpdatedBy',
  'UniqueId',
  'IsNew',
  'SystemId',
  'ToStringText',
  'LocalizationDetails',
  'CustomFields',
];
async function getThenPut(path: string, id: number, changes: Record<string, unknown>) {
  const current = z.record(z.string(), z.unknown()).parse((await api('GET', `${path}/${id}`)).json);
  const payload = Object.fromEntries(Object.entries(current).filter(([k]) => !STRIP.includes(k)));
  return api('PUT', path, { ...payload, ...changes, Id: id });
}

beforeAll(async () => {
  db = openDatabase(':memory:');
  await createUsersRepository(db).create(ADMIN.email, ADMIN.password, true, []);
  app = await buildApp({ db, logLevel: 'silent' });
  await app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const setup = Tokens.parse(await (await form({ grant_type: 'password', username: ADMIN.email, password: ADMIN.password })).json());
  token = setup.access_token;
  refresh = setup.refresh_token;
  business = Created.parse((await api('POST', '/api/sys/businesses', { Name: 'Faux Coworking', TimeZone: 'Europe/London' })).json).Value.Id;
});
afterAll(async () => {
  await app.close();
  db.close();
});

describe('fauxworking (github.com/mattynexudus/fauxworking), an integrator’s Python client', () => {
  it('setup: checks at once that its account is an admin with API access (nexudus_auth.py _check_admin_access)', async () => {
    const res = await api('GET', '/api/spaces/users', undefined, { User_Email: ADMIN.email, size: 1 });
    expect(res.status).toBe(200);
    const me = Page.parse(res.json).Records[0];
    expect(me).toMatchObject({ Email: ADMIN.email, IsAdmin: true, APIAccess: true });
  });

  it('creates coworkers with fields Tapdesk does not model (generators/02_people.py)', async () => {
    const res = await api('POST', '/api/spaces/coworkers', {
      FullName: '[Faux] Ada Lovelace',
      Email: 'ada@faux.example',
      Gender: 2,
      CoworkerType: 1,
      CountryId: 1220,
      SimpleTimeZoneId: 1,
      TaxRateType: 1,
      CheckinSinceLastRenewal: 0,
      MinutesSinceLastRenewal: 0,
      TariffInvoiceEvery: 0,
      TariffInvoiceEveryWeeks: 0,
      MondayAttendance: 5,
      SundayAttendance: 4,
      Teams: [12],
      ChurnProbability: 0.2,
      EngagementLevel: 3,
      InvoicingBusinessId: business,
    });
    expect(res.status).toBe(200);
    expect(Created.parse(res.json).Value.Id).toBeGreaterThan(0);
  });

  it('looks up existing coworkers by email, which matches exactly (02_people.py, "@domain" finds nobody)', async () => {
    expect(await listAll('/api/spaces/coworkers', { Coworker_Email: '@faux.example' })).toEqual([]);
    expect(await listAll('/api/spaces/coworkers', { Coworker_Email: 'ada@faux.example' })).toHaveLength(1);
  });

  it('creates visitors with source, approval status and a host, then finds them by location (02_people.py)', async () => {
    const host = (await listAll('/api/spaces/coworkers', { Coworker_Email: 'ada@faux.example' }))[0]?.Id;
    const res = await api('POST', '/api/spaces/visitors', {
      BusinessId: business,
      FullName: '[Faux] Grace Hopper',
      Email: 'grace@faux.example',
      VisitorSource: 1,
      HostApprovalStatus: 1,
      ExpectedArrival: '2026-12-02T10:00:00Z',
      CoworkerId: host,
    });
    expect(res.status).toBe(200);
    const visitors = await listAll('/api/spaces/visitors', { Visitor_Business: business });
    expect(visitors).toEqual([
      expect.objectContaining({ Email: 'grace@faux.example', CoworkerId: host, VisitorCode: expect.stringMatching(/^\d{6}$/) }),
    ]);
  });

  it('updates by GET-then-PUT of the whole record, read-only fields echoed (nexudus_client.py nexudus_update)', async () => {
    const id = Number((await listAll('/api/spaces/coworkers', { Coworker_Email: 'ada@faux.example' }))[0]?.Id);
    const res = await getThenPut('/api/spaces/coworkers', id, { CompanyName: 'Analytical Engines Ltd' });
    expect(res.status).toBe(200);
    expect((await api('GET', `/api/spaces/coworkers/${id}`)).json).toMatchObject({
      CompanyName: 'Analytical Engines Ltd',
      FullName: '[Faux] Ada Lovelace',
    });
    const visitor = Number((await listAll('/api/spaces/visitors', { Visitor_Business: business }))[0]?.Id);
    expect((await getThenPut('/api/spaces/visitors', visitor, { VisitReason: 'Interview' })).status).toBe(200);
  });

  it('issues passes with CreateMultiple and ExpireDate, and checks in with a pass by its GUID (generators/04_activity.py)', async () => {
    const coworker = Number((await listAll('/api/spaces/coworkers', { Coworker_Email: 'ada@faux.example' }))[0]?.Id);
    const pass = Created.parse(
      (await api('POST', '/api/billing/timepasses', { BusinessId: business, Name: '[Faux] Day Pass', Price: 20, CurrencyId: 1 })).json,
    ).Value.Id;
    const refused = await api('POST', '/api/spaces/checkins', {
      BusinessId: business,
      CoworkerId: coworker,
      FromTime: new Date(Date.now() - 3 * 3600_000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      ToTime: new Date(Date.now() - 2 * 3600_000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      Source: 1,
    });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.json)).toContain('does not have a valid time pass');
    const expire = new Date(Date.now() + 30 * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    expect(
      (
        await api('POST', '/api/billing/coworkertimepasses', {
          CoworkerId: coworker,
          BusinessId: business,
          TimePassId: pass,
          CreateMultiple: 2,
          ExpireDate: expire,
        })
      ).status,
    ).toBe(200);
    const held = await listAll('/api/billing/coworkertimepasses', { CoworkerTimePass_Coworker: coworker });
    expect(held).toHaveLength(2);
    const retried = await api('POST', '/api/spaces/checkins', {
      BusinessId: business,
      CoworkerId: coworker,
      FromTime: new Date(Date.now() - 3 * 3600_000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      ToTime: new Date(Date.now() - 2 * 3600_000).toISOString().replace(/\.\d{3}Z$/, 'Z'),
      Source: 1,
      CoworkerTimePassGuid: held[0]?.UniqueId,
    });
    expect(retried.status).toBe(200);
  });

  it('pages with size=100 on TotalPages and ignores PageNumber/PageSize (nexudus_client.py nexudus_list)', async () => {
    for (let i = 0; i < 130; i += 1) {
      await api('POST', '/api/spaces/coworkers', {
        FullName: `[Faux] Person ${i}`,
        Email: `p${i}@faux.example`,
        CountryId: 1220,
        SimpleTimeZoneId: 1,
      });
    }
    const all = await listAll('/api/spaces/coworkers');
    const total = Page.parse((await api('GET', '/api/spaces/coworkers', undefined, { size: 1 })).json).TotalItems;
    expect(all).toHaveLength(total);
    expect(new Set(all.map((r) => r.Id)).size).toBe(total);
    const ignored = Page.parse((await api('GET', '/api/spaces/coworkers', undefined, { PageNumber: 3, PageSize: 100 })).json);
    expect(ignored).toMatchObject({ CurrentPage: 1, CurrentPageSize: 25 });
  });

  it('deletes, and a second delete answers 404 (nexudus_client.py nexudus_delete; CLAUDE.md rule 40)', async () => {
    const id = Number((await listAll('/api/spaces/visitors', { Visitor_Business: business }))[0]?.Id);
    expect((await api('DELETE', `/api/spaces/visitors/${id}`)).status).toBe(200);
    expect((await api('DELETE', `/api/spaces/visitors/${id}`)).status).toBe(404);
  });

  it('refreshes its token without a client_id, and a used refresh token is refused (nexudus_auth.py get_access_token)', async () => {
    const res = await form({ grant_type: 'refresh_token', refresh_token: refresh });
    expect(res.status).toBe(200);
    const next = Tokens.parse(await res.json());
    expect((await form({ grant_type: 'refresh_token', refresh_token: refresh })).status).toBe(400);
    token = next.access_token;
    expect((await api('GET', '/api/sys/businesses')).status).toBe(200);
  });
});

describe('documented behaviours that a real client would notice', () => {
  it('sorts with dir 1 or 0 ascending and -1 descending (developers vs learn.nexudus.com, nexudus-visitors-and-sync.md A2.2)', async () => {
    const ids = async (dir: string) =>
      Page.parse((await api('GET', '/api/spaces/coworkers', undefined, { orderBy: 'Id', dir, size: 5 })).json).Records.map((r) =>
        Number(r.Id),
      );
    const ascending = await ids('1');
    expect(await ids('0')).toEqual(ascending);
    expect([...ascending].sort((a, b) => a - b)).toEqual(ascending);
    const descending = await ids('-1');
    expect([...descending].sort((a, b) => b - a)).toEqual(descending);
    expect(descending[0]).toBeGreaterThan(ascending[0] ?? 0);
  });

  it('answers a size over 1000 with a clear 400 instead of a silently shorter page (nexudus-visitors-and-sync.md A2.3)', async () => {
    const res = await api('GET', '/api/spaces/coworkers', undefined, { size: 10000 });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.json)).toContain('size');
  });

  it('orders visitors by ExpectedArrival ascending by default (CLI-new visitors.md)', async () => {
    for (const at of ['2026-12-05T09:00:00Z', '2026-12-03T09:00:00Z']) {
      await api('POST', '/api/spaces/visitors', { BusinessId: business, FullName: 'V', Email: 'v@faux.example', ExpectedArrival: at });
    }
    const list = Page.parse((await api('GET', '/api/spaces/visitors', undefined, { Visitor_Business: business })).json).Records;
    const times = list.map((r) => String(r.ExpectedArrival));
    expect([...times].sort()).toEqual(times);
  });
});
