import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ValidationEnvelopeSchema } from '../../contract/nexudus-envelopes';
import { createTestApi, type TestApi } from '../testing/test-api';

let api: TestApi;
let london: number;
let member: number;
beforeAll(async () => {
  api = await createTestApi();
  london = await api.business({ Name: 'London' });
  member = await api.coworker();
  const day = await api.timePass({ BusinessId: london });
  await api.givePass({ CoworkerId: member, BusinessId: london, TimePassId: day, CreateMultiple: 5 });
});
afterAll(() => api.close());

const count = (table: string) => Number(api.db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get());
const raw = (payload: string, contentType = 'application/json') =>
  api.app.inject({
    method: 'POST',
    url: '/api/spaces/checkins',
    payload,
    headers: { authorization: `Bearer ${api.token}`, 'content-type': contentType },
  });

describe('bad input to POST /api/spaces/checkins', () => {
  it.each([
    ['malformed JSON', '{"BusinessId": 1,', 400],
    ['a JSON array', '[1,2,3]', 400],
    ['a JSON string', '"hello"', 400],
    ['JSON null', 'null', 400],
    ['a __proto__ key', '{"__proto__": {"isAdmin": true}, "BusinessId": 1}', 400],
    ['a constructor.prototype key', '{"constructor": {"prototype": {"x": 1}}}', 400],
  ])('answers %s with the 400 envelope and writes nothing', async (_name, payload, status) => {
    const before = count('checkins');
    const res = await raw(payload);
    expect(res.statusCode).toBe(status);
    ValidationEnvelopeSchema.parse(res.json());
    expect(count('checkins')).toBe(before);
  });

  it('answers 413 to an oversized body and 415 to a body that is not JSON', async () => {
    const big = await raw(JSON.stringify({ BusinessId: 1, MacAddresses: 'x'.repeat(100_000) }));
    expect(big.statusCode).toBe(413);
    ValidationEnvelopeSchema.parse(big.json());
    const xml = await raw('<Checkin/>', 'application/xml');
    expect(xml.statusCode).toBe(415);
    ValidationEnvelopeSchema.parse(xml.json());
  });

  it.each([
    [{ BusinessId: '2', FromTime: '2026-01-01T09:00:00Z', Source: 4 }, 'BusinessId'],
    [{ BusinessId: 999, FromTime: '2026-01-01T09:00:00Z', ToTime: '2026-01-01T10:00:00Z', Source: 4 }, 'BusinessId'],
    [{ BusinessId: 1, CoworkerId: 999, FromTime: '2026-01-01T09:00:00Z', ToTime: '2026-01-01T10:00:00Z', Source: 4 }, 'CoworkerId'],
    [{ BusinessId: 1, FromTime: '2026-01-01T09:00:00Z', Source: 6 }, 'Source'],
    [{ BusinessId: 1, FromTime: '2026-01-01T09:00:00Z', Source: 4.5 }, 'Source'],
    [{ BusinessId: 1, FromTime: 'yesterday', Source: 4 }, 'FromTime'],
    [{ BusinessId: 1, FromTime: '2026-13-01T09:00:00Z', Source: 4 }, 'FromTime'],
    [{ BusinessId: 1, FromTime: '2026-01-01T09:00:00Z', ToTime: '2026-01-01T08:00:00Z', Source: 4 }, 'ToTime'],
    [{ BusinessId: 1, FromTime: '2026-01-01T09:00:00Z', Source: 4, CoworkerTimePassGuid: 'not-a-guid' }, 'CoworkerTimePassGuid'],
    [{ BusinessId: -1, FromTime: '2026-01-01T09:00:00Z', Source: 4 }, 'BusinessId'],
    [{ BusinessId: 1e20, FromTime: '2026-01-01T09:00:00Z', Source: 4 }, 'BusinessId'],
  ])('refuses %j naming %s', async (body, property) => {
    const before = count('checkins');
    const res = await api.request('POST', '/api/spaces/checkins', body);
    expect(res.status).toBe(400);
    expect(ValidationEnvelopeSchema.parse(res.json).Errors.map((e) => e.PropertyName)).toContain(property);
    expect(count('checkins')).toBe(before);
  });
});

const KEYS = [
  'BusinessId',
  'CoworkerId',
  'FromTime',
  'ToTime',
  'Source',
  'CountsTowardsPlanLimits',
  'CoworkerTimePassGuid',
  'AutoCheckout',
  'MacAddresses',
  'LastActivity',
  '__proto__',
  'constructor',
  'Id',
];
const value = fc.oneof(
  fc.integer({ min: -5, max: 10 }),
  fc.constantFrom(1, 2, 999),
  fc.double(),
  fc.string(),
  fc.constantFrom('2026-11-23T09:00:00Z', '2026-02-30T00:00:00Z', '2026-11-23T09:00:00+05:00', '2026-11-23', 'NaN', ''),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.integer()),
  fc.dictionary(fc.string(), fc.string()),
);
const body = fc.dictionary(fc.constantFrom(...KEYS), value, { maxKeys: 8 });

describe('fuzz', () => {
  it('never answers 5xx and writes nothing unless it answers 200, over thousands of generated bodies', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(body, fc.anything()), async (input) => {
        const before = count('checkins');
        const res = await raw(JSON.stringify(input) ?? 'null');
        expect(res.statusCode).toBeLessThan(500);
        if (res.statusCode === 200) {
          expect(count('checkins')).toBe(before + 1);
        } else {
          expect([400, 413]).toContain(res.statusCode);
          ValidationEnvelopeSchema.parse(res.json());
          expect(count('checkins')).toBe(before);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('keeps every list endpoint free of 5xx for generated query strings', async () => {
    const params = fc.dictionary(
      fc.constantFrom(
        'page',
        'size',
        'orderBy',
        'dir',
        'Checkin_Coworker',
        'from_Checkin_FromTime',
        'to_Checkin_ToTime',
        'Checkin_Source',
        'id',
        'Checkin_MacAddresses',
        'Checkin_AutoCheckout',
      ),
      fc.oneof(fc.string(), fc.integer().map(String), fc.constantFrom('[1,2]', '-1', '1', 'true', '2026-01-01T00:00:00Z', '9'.repeat(30))),
    );
    await fc.assert(
      fc.asyncProperty(params, async (query) => {
        const res = await api.app.inject({
          method: 'GET',
          url: `/api/spaces/checkins?${new URLSearchParams(query)}`,
          headers: { authorization: `Bearer ${api.token}` },
        });
        expect(res.statusCode).toBeLessThan(500);
      }),
      { numRuns: 1000 },
    );
  });
});
