import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BusinessRecordSchema } from '../../contract/nexudus-businesses';
import { CoworkerRecordSchema } from '../../contract/nexudus-coworkers';
import { SuccessEnvelopeSchema, ValidationEnvelopeSchema, listEnvelopeSchema } from '../../contract/nexudus-envelopes';
import { CoworkerTimePassRecordSchema, TimePassRecordSchema } from '../../contract/nexudus-passes';
import { createTestApi, type TestApi } from '../testing/test-api';

let api: TestApi;
let london: number;
beforeEach(async () => {
  api = await createTestApi();
  london = await api.business({ Name: 'London', CurrencyCode: 'GBP' });
});
afterEach(() => api.close());

describe('lists', () => {
  it('pages with the Nexudus list envelope', async () => {
    for (let i = 0; i < 30; i += 1) await api.coworker({ FullName: `Member ${i}`, Email: `m${i}@example.com` });
    const page2 = listEnvelopeSchema(CoworkerRecordSchema).parse((await api.request('GET', '/api/spaces/coworkers?page=2&size=10')).json);
    expect(page2).toMatchObject({
      CurrentPage: 2,
      CurrentPageSize: 10,
      TotalItems: 30,
      TotalPages: 3,
      FirstItem: 11,
      LastItem: 20,
      HasNextPage: true,
      HasPreviousPage: true,
    });
    expect(page2.Records[0]?.FullName).toBe('Member 10');
    const desc = listEnvelopeSchema(CoworkerRecordSchema).parse(
      (await api.request('GET', '/api/spaces/coworkers?orderBy=FullName&dir=-1&size=1')).json,
    );
    expect(desc).toMatchObject({ CurrentOrderField: 'FullName', CurrentSortDirection: -1 });
    expect(desc.Records[0]?.FullName).toBe('Member 9');
  });

  it('filters exactly, by range, and by the short entity-reference name', async () => {
    const amelie = await api.coworker({ FullName: 'Amélie', Email: 'a@example.com', AccessPincode: '24680' });
    await api.coworker({ FullName: 'Bruno', Email: 'b@example.com' });
    const byPin = listEnvelopeSchema(CoworkerRecordSchema).parse(
      (await api.request('GET', '/api/spaces/coworkers?Coworker_AccessPincode=24680')).json,
    );
    expect(byPin.Records.map((r) => r.Id)).toEqual([amelie]);
    expect(byPin.Records[0]).toMatchObject({ HasAccessPincode: true });
    expect(JSON.stringify(byPin.Records[0])).not.toContain('24680');
    await api.checkin({ BusinessId: london, FromTime: '2026-01-10T09:00:00Z', ToTime: '2026-01-10T10:00:00Z' });
    await api.checkin({ BusinessId: london, FromTime: '2026-01-12T09:00:00Z', ToTime: '2026-01-12T10:00:00Z' });
    const range = (await api.request('GET', `/api/spaces/checkins?Checkin_Business=${london}&from_Checkin_FromTime=2026-01-11T00:00:00Z`))
      .json;
    expect(listEnvelopeSchema(SuccessEnvelopeSchema.pick({ Status: true }).partial()).parse(range).TotalItems).toBe(1);
  });

  it('answers a batch request with a bare array', async () => {
    const a = await api.coworker({ FullName: 'A', Email: 'a@example.com' });
    const b = await api.coworker({ FullName: 'B', Email: 'b@example.com' });
    const res = await api.request('GET', `/api/spaces/coworkers?id=[${a},${b}]`);
    expect(
      CoworkerRecordSchema.array()
        .parse(res.json)
        .map((r) => r.Id)
        .sort(),
    ).toEqual([a, b]);
  });

  it('refuses huge pages, bad directions and unknown order fields with the 400 envelope', async () => {
    for (const query of ['size=100000', 'dir=sideways', 'orderBy=Nope', 'page=0', 'Checkin_FromTime=yesterday']) {
      const res = await api.request('GET', `/api/spaces/checkins?${query}`);
      expect(res.status, query).toBe(400);
      ValidationEnvelopeSchema.parse(res.json);
    }
  });
});

describe('get, update, delete', () => {
  it('answers 404 for an unknown id on get, put and delete', async () => {
    expect((await api.request('GET', '/api/sys/businesses/999')).status).toBe(404);
    expect((await api.request('PUT', '/api/sys/businesses', { Id: 999, Name: 'x' })).status).toBe(404);
    expect((await api.request('DELETE', '/api/sys/businesses/999')).status).toBe(404);
    expect((await api.request('GET', '/api/sys/businesses/abc')).status).toBe(404);
  });

  it('updates a whole record and says so in the envelope', async () => {
    const res = await api.request('PUT', '/api/sys/businesses', {
      Id: london,
      Name: 'London Shoreditch',
      TimeZone: 'Europe/London',
      CurrencyCode: 'GBP',
      PaygDailyMaximum: 20,
    });
    expect(SuccessEnvelopeSchema.parse(res.json).Message).toBe('Business was successfully updated.');
    const record = BusinessRecordSchema.parse((await api.request('GET', `/api/sys/businesses/${london}`)).json);
    expect(record).toMatchObject({ Name: 'London Shoreditch', PaygDailyMaximum: 20, DailyCutoffTime: '00:00' });
  });

  it('stores money in minor units and returns the currency amount', async () => {
    const tokyo = await api.business({ Name: 'Tokyo', TimeZone: 'Asia/Tokyo', CurrencyCode: 'JPY' });
    const yen = await api.timePass({ BusinessId: tokyo, Price: 3000 });
    const pounds = await api.timePass({ BusinessId: london, Price: 12.5 });
    expect(TimePassRecordSchema.parse((await api.request('GET', `/api/billing/timepasses/${yen}`)).json)).toMatchObject({
      Price: 3000,
      CurrencyCode: 'JPY',
    });
    expect(TimePassRecordSchema.parse((await api.request('GET', `/api/billing/timepasses/${pounds}`)).json)).toMatchObject({
      Price: 12.5,
      CurrencyCode: 'GBP',
    });
    expect(api.db.prepare('SELECT PriceMinor FROM timepasses WHERE Id = ?').pluck().get(pounds)).toBe(1250);
  });

  it('issues CreateMultiple passes with the product minutes', async () => {
    const member = await api.coworker();
    const time = await api.timePass({ BusinessId: london, MinutesIncluded: 600, Price: 100 });
    await api.givePass({ CoworkerId: member, BusinessId: london, TimePassId: time, CreateMultiple: 3 });
    const list = listEnvelopeSchema(CoworkerTimePassRecordSchema).parse(
      (await api.request('GET', `/api/billing/coworkertimepasses?CoworkerTimePass_Coworker=${member}`)).json,
    );
    expect(list.TotalItems).toBe(3);
    expect(list.Records[0]).toMatchObject({ RemainingUses: 600, TotalUses: 600, Price: 100, Used: false, TimePassName: 'Day Pass' });
  });

  it('refuses to delete a pass a check-in used, and a business still in use', async () => {
    const member = await api.coworker();
    const day = await api.timePass({ BusinessId: london });
    const pass = await api.givePass({ CoworkerId: member, BusinessId: london, TimePassId: day });
    await api.checkin({ BusinessId: london, CoworkerId: member, FromTime: new Date(Date.now() - 60_000).toISOString() });
    expect((await api.request('DELETE', `/api/billing/coworkertimepasses/${pass}`)).status).toBe(400);
    const res = await api.request('DELETE', `/api/sys/businesses/${london}`);
    expect(res.status).toBe(409);
    ValidationEnvelopeSchema.parse(res.json);
    expect((await api.request('GET', `/api/sys/businesses/${london}`)).status).toBe(200);
  });
});
