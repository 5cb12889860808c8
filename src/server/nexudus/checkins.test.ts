import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CheckinRecordSchema, FailedCheckinRecordSchema } from '../../contract/nexudus-checkins';
import { SuccessEnvelopeSchema, ValidationEnvelopeSchema, listEnvelopeSchema } from '../../contract/nexudus-envelopes';
import { CoworkerTimePassRecordSchema } from '../../contract/nexudus-passes';
import { createTestApi, type TestApi } from '../testing/test-api';

// Monday 2026-11-23 10:00 in London (UTC+0 in November).
const NOW = new Date('2026-11-23T10:00:00Z');
let api: TestApi;
let london: number;
let member: number;

beforeEach(async () => {
  api = await createTestApi({ clock: () => NOW });
  london = await api.business({ Name: 'London', TimeZone: 'Europe/London', CurrencyCode: 'GBP', DailyCutoffTime: '03:00' });
  member = await api.coworker({ FullName: 'Amélie Laurent', TariffName: 'Hot Desk' });
});
afterEach(() => api.close());

const checkinRecord = async (id: number) => CheckinRecordSchema.parse((await api.request('GET', `/api/spaces/checkins/${id}`)).json);
const passRecord = async (id: number) =>
  CoworkerTimePassRecordSchema.parse((await api.request('GET', `/api/billing/coworkertimepasses/${id}`)).json);
const failedCheckins = async () =>
  listEnvelopeSchema(FailedCheckinRecordSchema).parse((await api.request('GET', '/api/spaces/failedcheckins')).json).Records;
const createdId = (json: unknown) => SuccessEnvelopeSchema.parse(json).Value.Id;

describe('POST /api/spaces/checkins envelopes', () => {
  it('answers the seed 400 when Source is missing', async () => {
    const res = await api.request('POST', '/api/spaces/checkins', { BusinessId: london, FromTime: '2026-11-23T09:55:00Z' });
    expect(res.status).toBe(400);
    expect(res.json).toEqual({
      Message: 'Source: is a required field',
      Value: null,
      Errors: [{ AttemptedValue: null, Message: 'is a required field', PropertyName: 'Source' }],
      WasSuccessful: false,
    });
  });

  it('lists every failing property', async () => {
    const res = await api.request('POST', '/api/spaces/checkins', { Source: 9, FromTime: '2026-02-30T10:00:00Z' });
    const body = ValidationEnvelopeSchema.parse(res.json);
    expect(res.status).toBe(400);
    expect(body.Errors.map((e) => e.PropertyName).sort()).toEqual(['BusinessId', 'FromTime', 'Source']);
    expect(body.Errors.find((e) => e.PropertyName === 'Source')?.AttemptedValue).toBe(9);
  });

  it('creates a check-in with the documented success envelope and stores every optional field', async () => {
    const res = await api.request('POST', '/api/spaces/checkins', {
      BusinessId: london,
      FromTime: '2026-11-23T08:00:00Z',
      ToTime: '2026-11-23T09:30:00Z',
      Source: 1,
      CountsTowardsPlanLimits: true,
      AutoCheckout: false,
      LastActivity: '2026-11-23T09:00:00Z',
      MacAddresses: 'AA:BB:CC:DD:EE:FF',
      TeamsAtTheTimeOfCheckin: 'Design',
      TariffAtTheTimeOfCheckin: 'Hot Desk',
      ValidateCheckinJobId: 'job-1',
    });
    expect(res.status).toBe(200);
    const envelope = SuccessEnvelopeSchema.parse(res.json);
    expect(envelope).toMatchObject({
      Status: 200,
      Message: 'Checkin was successfully created.',
      Errors: null,
      WasSuccessful: true,
      UpdatedBy: 'admin@example.com',
    });
    const record = await checkinRecord(envelope.Value.Id);
    expect(record).toMatchObject({
      BusinessId: london,
      Source: 1,
      FromTime: '2026-11-23T08:00:00Z',
      ToTime: '2026-11-23T09:30:00Z',
      CountsTowardsPlanLimits: true,
      MacAddresses: 'AA:BB:CC:DD:EE:FF',
      TeamsAtTheTimeOfCheckin: 'Design',
      TariffAtTheTimeOfCheckin: 'Hot Desk',
      ValidateCheckinJobId: 'job-1',
      LastActivity: '2026-11-23T09:00:00Z',
      FromTimeLocal: '2026-11-23T08:00:00',
    });
  });
});

describe('the check-in rule', () => {
  it('uses a covering day pass, marks it used and records its GUID', async () => {
    const day = await api.timePass({ BusinessId: london, Name: 'Day Pass', Price: 25 });
    const passId = await api.givePass({ CoworkerId: member, BusinessId: london, TimePassId: day });
    const res = await api.checkin({ BusinessId: london, CoworkerId: member, FromTime: '2026-11-23T09:58:00Z', Source: 4 });
    expect(res.status).toBe(200);
    const pass = await passRecord(passId);
    expect(pass).toMatchObject({ Used: true, CheckedIn: true, UsedDate: '2026-11-23T09:58:00Z', IsPayAsYouGo: false });
    expect((await checkinRecord(createdId(res.json))).CoworkerTimePassGuid).toBe(pass.UniqueId);
  });

  it('honours UsePriority, then day before time passes, then price', async () => {
    const time = await api.timePass({ BusinessId: london, Name: 'Ten hours', Price: 50, MinutesIncluded: 600 });
    const pricey = await api.timePass({ BusinessId: london, Name: 'Premium day', Price: 40 });
    const cheap = await api.timePass({ BusinessId: london, Name: 'Cheap day', Price: 10 });
    const high = await api.timePass({ BusinessId: london, Name: 'Priority time', Price: 99, MinutesIncluded: 60, UsePriority: 1 });
    const ids = {
      time: await api.givePass({ CoworkerId: member, BusinessId: london, TimePassId: time }),
      pricey: await api.givePass({ CoworkerId: member, BusinessId: london, TimePassId: pricey }),
      cheap: await api.givePass({ CoworkerId: member, BusinessId: london, TimePassId: cheap }),
      high: await api.givePass({ CoworkerId: member, BusinessId: london, TimePassId: high }),
    };
    const guidOf = async (id: number) => (await passRecord(id)).UniqueId;
    const visit = async (from: string, to: string) =>
      (await checkinRecord(createdId((await api.checkin({ BusinessId: london, CoworkerId: member, FromTime: from, ToTime: to })).json)))
        .CoworkerTimePassGuid;
    expect(await visit('2026-11-20T09:00:00Z', '2026-11-20T11:00:00Z')).toBe(await guidOf(ids.high));
    expect(await visit('2026-11-19T09:00:00Z', '2026-11-19T10:00:00Z')).toBe(await guidOf(ids.cheap));
    expect(await visit('2026-11-18T09:00:00Z', '2026-11-18T10:00:00Z')).toBe(await guidOf(ids.pricey));
    expect(await visit('2026-11-17T09:00:00Z', '2026-11-17T10:00:00Z')).toBe(await guidOf(ids.time));
  });

  it('lets a day pass cover the whole check-in day from the cut-off, and not the next', async () => {
    const day = await api.timePass({ BusinessId: london });
    await api.givePass({ CoworkerId: member, BusinessId: london, TimePassId: day });
    expect(
      (await api.checkin({ BusinessId: london, CoworkerId: member, FromTime: '2026-11-22T09:00:00Z', ToTime: '2026-11-22T12:00:00Z' }))
        .status,
    ).toBe(200);
    // 02:30 next morning is still the same check-in day at a 03:00 cut-off.
    expect(
      (await api.checkin({ BusinessId: london, CoworkerId: member, FromTime: '2026-11-23T02:30:00Z', ToTime: '2026-11-23T02:45:00Z' }))
        .status,
    ).toBe(200);
    const after = await api.checkin({ BusinessId: london, CoworkerId: member, FromTime: '2026-11-23T09:00:00Z' });
    expect(after.status).toBe(400);
    expect(ValidationEnvelopeSchema.parse(after.json).Message).toContain('does not have a valid time pass');
  });

  it('respects time slots in the location time zone', async () => {
    const tokyo = await api.business({ Name: 'Tokyo', TimeZone: 'Asia/Tokyo', CurrencyCode: 'JPY', DailyCutoffTime: '04:00' });
    const morning = await api.timePass({ BusinessId: tokyo, Name: 'Morning', Price: 1500 });
    await api.timeSlot({ TimePassId: morning, DayOfWeek: 1, FromTime: '07:00', ToTime: '12:00' });
    await api.givePass({ CoworkerId: member, BusinessId: tokyo, TimePassId: morning, CreateMultiple: 2 });
    // 2026-11-23T01:00Z is Monday 10:00 in Tokyo; 05:00Z is Monday 14:00.
    expect(
      (await api.checkin({ BusinessId: tokyo, CoworkerId: member, FromTime: '2026-11-23T05:00:00Z', ToTime: '2026-11-23T06:00:00Z' }))
        .status,
    ).toBe(400);
    expect(
      (await api.checkin({ BusinessId: tokyo, CoworkerId: member, FromTime: '2026-11-23T01:00:00Z', ToTime: '2026-11-23T02:00:00Z' }))
        .status,
    ).toBe(200);
  });

  it('accepts a pass of the network location and refuses one of another location', async () => {
    const network = await api.business({ Name: 'Network' });
    const paris = await api.business({ Name: 'Paris', TimeZone: 'Europe/Paris', CurrencyCode: 'EUR', RootLocationId: network });
    const elsewhere = await api.timePass({ BusinessId: london, Name: 'London only' });
    await api.givePass({ CoworkerId: member, BusinessId: london, TimePassId: elsewhere });
    expect((await api.checkin({ BusinessId: paris, CoworkerId: member, FromTime: '2026-11-23T09:00:00Z' })).status).toBe(400);
    const networkPass = await api.timePass({ BusinessId: network, Name: 'Network day' });
    await api.givePass({ CoworkerId: member, BusinessId: network, TimePassId: networkPass });
    expect((await api.checkin({ BusinessId: paris, CoworkerId: member, FromTime: '2026-11-23T09:00:00Z' })).status).toBe(200);
  });

  it('refuses an expired pass and an explicit GUID that is not a covering pass of the customer', async () => {
    const day = await api.timePass({ BusinessId: london });
    const expired = await api.givePass({ CoworkerId: member, BusinessId: london, TimePassId: day, ExpireDate: '2026-11-01T00:00:00Z' });
    const res = await api.checkin({ BusinessId: london, CoworkerId: member, FromTime: '2026-11-23T09:00:00Z' });
    expect(res.status).toBe(400);
    const wrong = await api.checkin({
      BusinessId: london,
      CoworkerId: member,
      FromTime: '2026-11-23T09:00:00Z',
      CoworkerTimePassGuid: (await passRecord(expired)).UniqueId,
    });
    expect(ValidationEnvelopeSchema.parse(wrong.json).Errors[0]?.PropertyName).toBe('CoworkerTimePassGuid');
  });

  it('assigns the cheapest PAYG pass per minute and charges the first 15-minute step', async () => {
    await api.timePass({ BusinessId: london, Name: 'PAYG dear', Price: 9, MinutesIncluded: 60, UseAsPayAsYouGoForMembers: true });
    const cheap = await api.timePass({ BusinessId: london, Name: 'PAYG', Price: 4, MinutesIncluded: 60, UseAsPayAsYouGoForMembers: true });
    await api.timePass({ BusinessId: london, Name: 'PAYG contacts', Price: 1, MinutesIncluded: 60, UseAsPayAsYouGoForContacts: true });
    const res = await api.checkin({ BusinessId: london, CoworkerId: member, FromTime: '2026-11-23T09:00:00Z' });
    expect(res.status).toBe(200);
    const record = await checkinRecord(createdId(res.json));
    const passes = listEnvelopeSchema(CoworkerTimePassRecordSchema).parse(
      (await api.request('GET', `/api/billing/coworkertimepasses?CoworkerTimePass_Coworker=${member}`)).json,
    ).Records;
    expect(passes).toHaveLength(1);
    expect(passes[0]).toMatchObject({
      TimePassId: cheap,
      IsPayAsYouGo: true,
      Used: true,
      CheckedIn: true,
      Price: 1,
      UniqueId: record.CoworkerTimePassGuid,
    });
  });

  it('charges PAYG at check-out in 15-minute steps within the daily maximum', async () => {
    await api.request('PUT', '/api/sys/businesses', {
      Id: london,
      Name: 'London',
      TimeZone: 'Europe/London',
      CurrencyCode: 'GBP',
      DailyCutoffTime: '03:00',
      PaygDailyMaximum: 20,
    });
    await api.timePass({ BusinessId: london, Name: 'PAYG', Price: 4, MinutesIncluded: 60, UseAsPayAsYouGoForMembers: true });
    const opened = createdId((await api.checkin({ BusinessId: london, CoworkerId: member, FromTime: '2026-11-23T08:00:00Z' })).json);
    const record = await checkinRecord(opened);
    // 1 h 50 min → 8 steps of £1.
    const out = await api.request('PUT', '/api/spaces/checkins', { ...record, ToTime: '2026-11-23T09:50:00Z' });
    expect(out.status).toBe(200);
    const pass = listEnvelopeSchema(CoworkerTimePassRecordSchema).parse(
      (await api.request('GET', `/api/billing/coworkertimepasses?CoworkerTimePass_Coworker=${member}`)).json,
    ).Records[0];
    expect(pass).toMatchObject({ Price: 8, CheckedIn: false });
    // A second, long visit the same day is capped at £20 for the day.
    const second = await api.checkin({
      BusinessId: london,
      CoworkerId: member,
      FromTime: '2026-11-23T09:55:00Z',
      ToTime: '2026-11-23T20:00:00Z',
    });
    expect(second.status).toBe(200);
    const again = listEnvelopeSchema(CoworkerTimePassRecordSchema).parse(
      (await api.request('GET', `/api/billing/coworkertimepasses?CoworkerTimePass_Coworker=${member}`)).json,
    ).Records;
    expect(again).toHaveLength(1);
    expect(again[0]?.Price).toBe(20);
  });

  it('refuses with "does not have a valid time pass", creates nothing and records a failed check-in', async () => {
    const res = await api.checkin({ BusinessId: london, CoworkerId: member, FromTime: '2026-11-23T09:00:00Z' });
    expect(res.status).toBe(400);
    const body = ValidationEnvelopeSchema.parse(res.json);
    expect(body.Message).toBe('CoworkerId: The customer does not have a valid time pass for this location and time');
    const list = listEnvelopeSchema(CheckinRecordSchema).parse((await api.request('GET', '/api/spaces/checkins')).json);
    expect(list.TotalItems).toBe(0);
    const failed = await failedCheckins();
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ CoworkerId: member, BusinessId: london, Source: 4 });
    expect(failed[0]?.Description).toContain('does not have a valid time pass');
  });

  it('refuses a second open check-in at the same location until the first is checked out', async () => {
    const day = await api.timePass({ BusinessId: london });
    await api.givePass({ CoworkerId: member, BusinessId: london, TimePassId: day });
    const first = createdId((await api.checkin({ BusinessId: london, CoworkerId: member, FromTime: '2026-11-23T09:00:00Z' })).json);
    const second = await api.checkin({ BusinessId: london, CoworkerId: member, FromTime: '2026-11-23T09:30:00Z' });
    expect(second.status).toBe(400);
    expect(ValidationEnvelopeSchema.parse(second.json).Message).toContain('already checked in');
    const record = await checkinRecord(first);
    expect((await api.request('PUT', '/api/spaces/checkins', { ...record, ToTime: '2026-11-23T09:40:00Z' })).status).toBe(200);
    expect((await api.checkin({ BusinessId: london, CoworkerId: member, FromTime: '2026-11-23T09:45:00Z' })).status).toBe(200);
  });

  it('deducts the minutes of a time pass at check-out', async () => {
    const time = await api.timePass({ BusinessId: london, Name: 'Ten hours', Price: 50, MinutesIncluded: 600 });
    const passId = await api.givePass({ CoworkerId: member, BusinessId: london, TimePassId: time });
    const id = createdId((await api.checkin({ BusinessId: london, CoworkerId: member, FromTime: '2026-11-23T08:00:00Z' })).json);
    await api.request('PUT', '/api/spaces/checkins', { ...(await checkinRecord(id)), ToTime: '2026-11-23T09:30:00Z' });
    expect(await passRecord(passId)).toMatchObject({ RemainingUses: 510, TotalUses: 600, CheckedIn: false });
  });

  it('refuses an open check-in dated another day and one in the future', async () => {
    expect((await api.checkin({ BusinessId: london, FromTime: '2026-11-20T09:00:00Z' })).status).toBe(400);
    const future = await api.checkin({ BusinessId: london, FromTime: '2026-11-23T12:00:00Z' });
    expect(ValidationEnvelopeSchema.parse(future.json).Errors[0]).toMatchObject({
      PropertyName: 'FromTime',
      Message: 'must not be in the future',
    });
  });

  it('never double-assigns a pass or sells two PAYG passes under parallel creates', async () => {
    const day = await api.timePass({ BusinessId: london });
    await api.givePass({ CoworkerId: member, BusinessId: london, TimePassId: day });
    const contact = await api.coworker({ FullName: 'Bruno Díaz', Email: 'bruno@example.com' });
    await api.timePass({ BusinessId: london, Name: 'PAYG', Price: 6, MinutesIncluded: 60, UseAsPayAsYouGoForContacts: true });
    const attempts = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        api.checkin({ BusinessId: london, CoworkerId: i % 2 ? member : contact, FromTime: '2026-11-23T09:00:00Z' }),
      ),
    );
    expect(attempts.filter((a) => a.status === 200)).toHaveLength(2);
    const paygPasses = listEnvelopeSchema(CoworkerTimePassRecordSchema).parse(
      (await api.request('GET', `/api/billing/coworkertimepasses?CoworkerTimePass_Coworker=${contact}`)).json,
    );
    expect(paygPasses.TotalItems).toBe(1);
  });
});
