import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DirectorySchema,
  IdentifyResponseSchema,
  KioskErrorSchema,
  MemberStatusSchema,
  PairResponseSchema,
  SubmitResultSchema,
  UndoResultSchema,
  type SubmitCheckin,
} from '../../contract/kiosk-api';
import { SnapshotSchema } from '../../contract/kiosk-snapshot';
import { CheckinRecordSchema } from '../../contract/nexudus-checkins';
import { listEnvelopeSchema } from '../../contract/nexudus-envelopes';
import { CoworkerTimePassRecordSchema } from '../../contract/nexudus-passes';
import { createDevicesRepository } from '../db/devices-repository';
import { createTestApi, type TestApi } from '../testing/test-api';

let api: TestApi;
let london: number;
let amelie: number;
let bruno: number;
let token: string;

async function pair(businessId: number): Promise<string> {
  const { code } = createDevicesRepository(api.db).createPairingCode(businessId, 'test');
  const res = await api.app.inject({
    method: 'POST',
    url: '/kiosk/v1/pair',
    payload: { code, deviceName: 'Front desk', staffPin: '4321' },
  });
  return PairResponseSchema.parse(res.json()).deviceToken;
}
const kiosk = (method: 'GET' | 'POST', url: string, payload?: object, deviceToken = token) =>
  api.app.inject({ method, url: `/kiosk/v1${url}`, headers: { authorization: `Bearer ${deviceToken}` }, ...(payload ? { payload } : {}) });
const tap = (overrides: Partial<SubmitCheckin> & { coworkerId: number }): SubmitCheckin => {
  const now = new Date().toISOString();
  return { clientId: randomUUID(), action: 'in', tappedAt: now, deviceNow: now, acceptedCharge: false, ...overrides };
};
const submit = async (body: SubmitCheckin) => SubmitResultSchema.parse((await kiosk('POST', '/checkins', body)).json());
const checkins = async () =>
  listEnvelopeSchema(CheckinRecordSchema).parse((await api.request('GET', '/api/spaces/checkins?size=100')).json).Records;
const passesOf = async (id: number) =>
  listEnvelopeSchema(CoworkerTimePassRecordSchema).parse(
    (await api.request('GET', `/api/billing/coworkertimepasses?CoworkerTimePass_Coworker=${id}`)).json,
  ).Records;

beforeEach(async () => {
  api = await createTestApi();
  london = await api.business({
    Name: 'London',
    TimeZone: 'Europe/London',
    CurrencyCode: 'GBP',
    DailyCutoffTime: '03:00',
    PaygDailyMaximum: 20,
  });
  amelie = await api.coworker({
    FullName: 'Amélie Laurent',
    Email: 'amelie@example.com',
    TariffName: 'Hot Desk',
    InvoicingBusinessId: london,
    AccessPincode: '24680',
    AccessCardId: 'CARD-AMELIE',
  });
  bruno = await api.coworker({ FullName: 'Bruno Díaz', Email: 'bruno@example.com', InvoicingBusinessId: london, AccessPincode: '13579' });
  const day = await api.timePass({ BusinessId: london, Name: 'Day Pass', Price: 25 });
  await api.givePass({ CoworkerId: amelie, BusinessId: london, TimePassId: day, CreateMultiple: 3, IsFromTariff: true });
  await api.timePass({ BusinessId: london, Name: 'Pay As You Go', Price: 6, MinutesIncluded: 60, UseAsPayAsYouGoForContacts: true });
  token = await pair(london);
});
afterEach(() => api.close());

describe('pairing and device tokens', () => {
  it('refuses every call without a paired device token', async () => {
    const res = await kiosk('GET', '/directory', undefined, 'nope');
    expect(res.statusCode).toBe(401);
    expect(KioskErrorSchema.parse(res.json()).error.code).toBe('UNAUTHORIZED');
  });

  it('uses a pairing code once only', async () => {
    const { code } = createDevicesRepository(api.db).createPairingCode(london, 'test');
    const first = await api.app.inject({
      method: 'POST',
      url: '/kiosk/v1/pair',
      payload: { code: code.toLowerCase(), deviceName: 'Tablet', staffPin: '1234' },
    });
    expect(first.statusCode).toBe(200);
    const again = await api.app.inject({
      method: 'POST',
      url: '/kiosk/v1/pair',
      payload: { code, deviceName: 'Tablet', staffPin: '1234' },
    });
    expect(KioskErrorSchema.parse(again.json()).error.code).toBe('UNKNOWN_CREDENTIAL');
  });

  it('sends a revoked tablet back to setup', async () => {
    const device = createDevicesRepository(api.db).list()[0];
    createDevicesRepository(api.db).revoke(device?.Id ?? 0);
    const res = await kiosk('GET', '/device');
    expect(res.statusCode).toBe(401);
    expect(KioskErrorSchema.parse(res.json()).error.code).toBe('DEVICE_REVOKED');
  });
});

describe('directory and identify', () => {
  it('lists members of the location without PINs or card ids, and answers 304 when unchanged', async () => {
    const res = await kiosk('GET', '/directory');
    const directory = DirectorySchema.parse(res.json());
    expect(directory.members.map((m) => m.displayName)).toEqual(['Amélie Laurent', 'Bruno Díaz']);
    expect(directory.members[0]).toMatchObject({ initials: 'AL', hasPin: true, hasCard: true, company: null });
    expect(res.body).not.toContain('24680');
    expect(res.body).not.toContain('CARD-AMELIE');
    const again = await api.app.inject({
      method: 'GET',
      url: '/kiosk/v1/directory',
      headers: { authorization: `Bearer ${token}`, 'if-none-match': String(res.headers.etag) },
    });
    expect(again.statusCode).toBe(304);
  });

  it('identifies by PIN and by card, and locks out after repeated wrong PINs', async () => {
    expect(IdentifyResponseSchema.parse((await kiosk('POST', '/identify', { method: 'pin', value: '24680' })).json())).toMatchObject({
      coworkerId: amelie,
    });
    expect(IdentifyResponseSchema.parse((await kiosk('POST', '/identify', { method: 'card', value: 'CARD-AMELIE' })).json())).toMatchObject(
      { coworkerId: amelie },
    );
    for (let i = 0; i < 5; i += 1) expect((await kiosk('POST', '/identify', { method: 'pin', value: `0000${i}` })).statusCode).toBe(404);
    const locked = await kiosk('POST', '/identify', { method: 'pin', value: '24680' });
    expect(locked.statusCode).toBe(429);
    expect(KioskErrorSchema.parse(locked.json()).error.code).toBe('LOCKED_OUT');
  });
});

describe('eligibility', () => {
  it('shows the pass a member will use, and the PAYG price for a contact', async () => {
    const member = MemberStatusSchema.parse((await kiosk('GET', `/members/${amelie}/status`)).json());
    expect(member.eligibility).toMatchObject({ kind: 'pass', pass: { name: 'Day Pass', kind: 'day', passesLeft: 2 } });
    const contact = MemberStatusSchema.parse((await kiosk('GET', `/members/${bruno}/status`)).json());
    expect(contact.eligibility).toMatchObject({
      kind: 'payg',
      payg: {
        name: 'Pay As You Go',
        terms: { kind: 'hourly', hourlyRateMinor: 600, stepPriceMinor: 150, dailyMaximumMinor: 2000 },
        firstChargeMinor: 150,
      },
    });
  });
});

describe('submissions', () => {
  it('records a Source 4 check-in with the pass GUID, once per clientId', async () => {
    const body = tap({ coworkerId: amelie });
    const first = await submit(body);
    expect(first).toMatchObject({ status: 'checked-in', passName: 'Day Pass', duplicate: false });
    const second = await submit(body);
    expect(second).toMatchObject({ status: 'checked-in', duplicate: true });
    const records = await checkins();
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ Source: 4, CoworkerId: amelie, BusinessId: london });
    const pass = (await passesOf(amelie)).find((p) => p.UniqueId === records[0]?.CoworkerTimePassGuid);
    expect(pass).toMatchObject({ Used: true, CheckedIn: true });
  });

  it('refuses a PAYG charge that was not accepted, and charges it once accepted', async () => {
    const declined = await submit(tap({ coworkerId: bruno }));
    expect(declined).toMatchObject({ status: 'refused', code: 'CHARGE_NOT_ACCEPTED', eligibility: { kind: 'payg' } });
    expect(await checkins()).toHaveLength(0);
    expect(await passesOf(bruno)).toHaveLength(0);
    const accepted = await submit(tap({ coworkerId: bruno, acceptedCharge: true }));
    expect(accepted).toMatchObject({ status: 'checked-in', payg: { name: 'Pay As You Go' } });
    const passes = await passesOf(bruno);
    expect(passes).toHaveLength(1);
    expect(passes[0]).toMatchObject({ IsPayAsYouGo: true, Price: 1.5 });
  });

  it('asks for the PIN before a charge where the location wants it', async () => {
    const berlin = await api.business({ Name: 'Berlin', TimeZone: 'Europe/Berlin', CurrencyCode: 'EUR', KioskPinBeforeCharge: true });
    await api.timePass({ BusinessId: berlin, Name: 'PAYG Day', Price: 18, UseAsPayAsYouGoForContacts: true });
    const ana = await api.coworker({
      FullName: 'Ana María Gómez',
      Email: 'ana@example.com',
      InvoicingBusinessId: berlin,
      AccessPincode: '77889',
    });
    const fresh = await pair(berlin);
    const send = async (body: SubmitCheckin) => SubmitResultSchema.parse((await kiosk('POST', '/checkins', body, fresh)).json());
    expect(await send(tap({ coworkerId: ana, acceptedCharge: true }))).toMatchObject({ status: 'refused', code: 'PIN_REQUIRED' });
    expect(await send(tap({ coworkerId: ana, acceptedCharge: true, pin: '13579' }))).toMatchObject({
      status: 'refused',
      code: 'WRONG_PIN',
    });
    expect(await send(tap({ coworkerId: ana, acceptedCharge: true, pin: '77889' }))).toMatchObject({ status: 'checked-in' });
  });

  it('offers check-out to a member who is checked in, never a second check-in', async () => {
    await submit(tap({ coworkerId: amelie }));
    const status = MemberStatusSchema.parse((await kiosk('GET', `/members/${amelie}/status`)).json());
    expect(status.eligibility.kind).toBe('checked-in');
    expect(await submit(tap({ coworkerId: amelie }))).toMatchObject({ status: 'refused', code: 'ALREADY_CHECKED_IN' });
    const out = await submit(tap({ coworkerId: amelie, action: 'out' }));
    expect(out).toMatchObject({ status: 'checked-out' });
    const [record] = await checkins();
    expect(record?.ToTime).not.toBeNull();
    expect(await submit(tap({ coworkerId: amelie, action: 'out' }))).toMatchObject({ status: 'refused', code: 'NOT_CHECKED_IN' });
  });

  it('records the tap time corrected for the tablet clock, and flags a large skew', async () => {
    const now = Date.now();
    const tabletAhead = 10 * 60_000;
    const result = await submit(
      tap({
        coworkerId: amelie,
        tappedAt: new Date(now + tabletAhead - 60_000).toISOString(),
        deviceNow: new Date(now + tabletAhead).toISOString(),
      }),
    );
    expect(result.status).toBe('checked-in');
    if (result.status !== 'checked-in') return;
    expect(result.clockSkewFlagged).toBe(true);
    expect(Math.abs(Date.parse(result.at) - (now - 60_000))).toBeLessThan(3000);
    expect((await checkins())[0]?.FromTime).toBe(result.at.replace(/\.\d{3}Z$/, 'Z'));
  });

  it('records a tap that arrives after its day’s cut-off as a visit closed at that cut-off', async () => {
    const tappedAt = new Date(Date.now() - 30 * 3600_000).toISOString();
    const result = await submit(tap({ coworkerId: amelie, tappedAt }));
    expect(result.status).toBe('checked-in');
    if (result.status !== 'checked-in' || !result.closedAt) throw new Error('expected a closed visit');
    const [record] = await checkins();
    expect(record?.ToTime).toBe(result.closedAt.replace(/\.\d{3}Z$/, 'Z'));
    expect(record?.ToTimeLocal?.slice(11)).toBe('03:00:00');
    // Still checked out now: the late visit does not leave the member checked in.
    const status = MemberStatusSchema.parse((await kiosk('GET', `/members/${amelie}/status`)).json());
    expect(status.eligibility.kind).not.toBe('checked-in');
  });

  it('gives the tablet a snapshot of its members’ passes and open check-ins, without PINs', async () => {
    await submit(tap({ coworkerId: amelie }));
    const res = await kiosk('GET', '/snapshot');
    const snapshot = SnapshotSchema.parse(res.json());
    expect(res.body).not.toContain('24680');
    const member = snapshot.members.find((m) => m.customer.id === amelie);
    expect(member?.heldPasses).toHaveLength(3);
    expect(member?.openCheckin).not.toBeNull();
    expect(snapshot.locations.map((l) => l.id)).toContain(london);
  });

  it('undoes a mistaken check-in and gives the day pass back', async () => {
    const body = tap({ coworkerId: amelie });
    await submit(body);
    const res = await kiosk('POST', `/checkins/${body.clientId}/undo`);
    expect(UndoResultSchema.parse(res.json())).toEqual({ status: 'undone', clientId: body.clientId });
    expect(await checkins()).toHaveLength(0);
    expect((await passesOf(amelie)).filter((p) => p.Used)).toHaveLength(0);
    const other = await kiosk('POST', `/checkins/${randomUUID()}/undo`);
    expect(KioskErrorSchema.parse(other.json()).error.code).toBe('NOT_FOUND');
  });

  it('undoes a PAYG check-in with its charge', async () => {
    const body = tap({ coworkerId: bruno, acceptedCharge: true });
    await submit(body);
    expect(await passesOf(bruno)).toHaveLength(1);
    await kiosk('POST', `/checkins/${body.clientId}/undo`);
    expect(await passesOf(bruno)).toHaveLength(0);
    expect(await checkins()).toHaveLength(0);
  });

  it('rejects a malformed submission without recording anything', async () => {
    for (const body of [
      {},
      { clientId: 'x', coworkerId: amelie },
      { ...tap({ coworkerId: amelie }), tappedAt: 'soon' },
      { ...tap({ coworkerId: amelie }), action: 'sideways' },
    ]) {
      const res = await kiosk('POST', '/checkins', body);
      expect(res.statusCode).toBe(400);
      expect(KioskErrorSchema.parse(res.json()).error.code).toBe('VALIDATION');
    }
    expect(await checkins()).toHaveLength(0);
  });
});
