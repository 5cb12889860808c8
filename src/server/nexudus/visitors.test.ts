import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ValidationEnvelopeSchema, listEnvelopeSchema } from '../../contract/nexudus-envelopes';
import { VisitorRecordSchema } from '../../contract/nexudus-visitors';
import { createUsersRepository } from '../db/users-repository';
import { createTestApi, tokenFor, type TestApi } from '../testing/test-api';

let api: TestApi;
let london: number;
beforeEach(async () => {
  api = await createTestApi();
  london = await api.business({ Name: 'London' });
});
afterEach(() => api.close());

const visitor = (overrides: Record<string, unknown> = {}) => ({
  BusinessId: london,
  FullName: 'Grace Hopper',
  Email: 'grace@example.com',
  ExpectedArrival: '2026-12-02T10:00:00Z',
  ...overrides,
});
const page = (json: unknown) => listEnvelopeSchema(VisitorRecordSchema).parse(json);

describe('/api/spaces/visitors', () => {
  it('requires BusinessId, FullName, Email and ExpectedArrival, listing every missing one', async () => {
    const res = await api.request('POST', '/api/spaces/visitors', {});
    expect(res.status).toBe(400);
    const envelope = ValidationEnvelopeSchema.parse(res.json);
    expect(envelope.Errors.map((e) => e.PropertyName).sort()).toEqual(['BusinessId', 'Email', 'ExpectedArrival', 'FullName']);
    expect(envelope.Errors.every((e) => e.Message === 'is a required field')).toBe(true);
  });

  it('defaults the source and approval status to 1, and refuses 0 and unknown values', async () => {
    const id = await api.create('/spaces/visitors', visitor());
    expect((await api.request('GET', `/api/spaces/visitors/${id}`)).json).toMatchObject({
      VisitorSource: 1,
      HostApprovalStatus: 1,
      Arrived: false,
    });
    for (const bad of [{ VisitorSource: 0 }, { HostApprovalStatus: 6 }, { Email: 'not-an-email' }, { CoworkerId: 999 }]) {
      expect((await api.request('POST', '/api/spaces/visitors', visitor(bad))).status).toBe(400);
    }
  });

  it('gives each visitor its own six-digit code, found only by an exact match', async () => {
    const codes = new Set<string>();
    for (let i = 0; i < 50; i += 1) {
      const id = await api.create('/spaces/visitors', visitor({ Email: `v${i}@example.com` }));
      codes.add(VisitorRecordSchema.parse((await api.request('GET', `/api/spaces/visitors/${id}`)).json).VisitorCode);
    }
    expect(codes.size).toBe(50);
    const [code] = [...codes];
    expect(page((await api.request('GET', `/api/spaces/visitors?Visitor_VisitorCode=${code}`)).json).Records).toHaveLength(1);
    expect((await api.request('GET', '/api/spaces/visitors?to_Visitor_VisitorCode=500000')).status).toBe(400);
    expect((await api.request('GET', '/api/spaces/visitors?orderBy=VisitorCode')).status).toBe(400);
  });

  it('checks the visitor in at once with CheckInNow', async () => {
    const id = await api.create('/spaces/visitors', visitor({ CheckInNow: true }));
    const record = VisitorRecordSchema.parse((await api.request('GET', `/api/spaces/visitors/${id}`)).json);
    expect(record).toMatchObject({ Arrived: true, DepartureDate: null });
    expect(Date.parse(record.ArrivalDate ?? '')).toBeGreaterThan(Date.now() - 60_000);
  });

  it('filters and ranges on the documented fields and keeps the Visitor-* roles', async () => {
    const host = await api.coworker({ FullName: 'Ana', InvoicingBusinessId: london });
    await api.create('/spaces/visitors', visitor({ CoworkerId: host, ExpectedArrival: '2026-12-02T09:00:00Z' }));
    await api.create('/spaces/visitors', visitor({ ExpectedArrival: '2026-12-09T09:00:00Z' }));
    expect(page((await api.request('GET', `/api/spaces/visitors?Visitor_Coworker=${host}`)).json).Records).toHaveLength(1);
    const range = '/api/spaces/visitors?from_Visitor_ExpectedArrival=2026-12-02T00:00&to_Visitor_ExpectedArrival=2026-12-03T00:00';
    expect(page((await api.request('GET', range)).json).Records.map((r) => r.CoworkerFullName)).toEqual(['Ana']);
    await createUsersRepository(api.db).create('reader@example.com', 'reader-password', false, ['Visitor-List']);
    const reader = await tokenFor(api.app, 'reader@example.com', 'reader-password');
    const as = (method: 'GET' | 'POST', url: string, payload?: object) =>
      api.app.inject({ method, url, headers: { authorization: `Bearer ${reader}` }, ...(payload ? { payload } : {}) });
    expect((await as('GET', '/api/spaces/visitors')).statusCode).toBe(200);
    expect((await as('GET', '/api/spaces/visitors/1')).statusCode).toBe(401);
    expect((await as('POST', '/api/spaces/visitors', visitor())).statusCode).toBe(401);
  });
});
