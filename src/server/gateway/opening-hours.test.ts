import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AdminDeviceSchema, DeviceInfoSchema } from '../../contract/kiosk-api';
import { BusinessRecordSchema } from '../../contract/nexudus-businesses';
import { ADMIN, createTestApi, type TestApi } from '../testing/test-api';
import { kioskClient } from '../testing/kiosk-client';

let api: TestApi | undefined;
afterEach(async () => {
  await api?.close();
  api = undefined;
});

const WEEKDAYS = Object.fromEntries(
  ['Mon', 'Tue', 'Wed', 'Thu', 'Fri'].flatMap((d) => [
    [`${d}Open`, 480],
    [`${d}Close`, 1080],
  ]),
);
const ErrorEnvelope = z.object({ Message: z.string(), Errors: z.array(z.object({ PropertyName: z.string(), Message: z.string() })) });

describe('a location’s opening hours', () => {
  it('are kept on the Nexudus business record and reach its tablets as a Sunday-first week', async () => {
    api = await createTestApi();
    const london = await api.business({
      Name: 'London',
      TimeZone: 'Europe/London',
      ...WEEKDAYS,
      SatOpen: 600,
      SatClose: 960,
      SunClosed: true,
    });
    const record = BusinessRecordSchema.parse((await api.request('GET', `/api/sys/businesses/${london}`)).json);
    expect(record).toMatchObject({ MonOpen: 480, MonClose: 1080, SatOpen: 600, SunClosed: true, SunOpen: null, MonClosed: false });

    const client = kioskClient(api.app, api.db);
    const tablet = await client.pair(london, 'Front desk');
    const device = DeviceInfoSchema.parse((await client.call('GET', '/device', tablet)).json());
    const weekday = { open: 480, close: 1080 };
    expect(device.location.openingHours).toEqual([null, weekday, weekday, weekday, weekday, weekday, { open: 600, close: 960 }]);
  });

  it('a location without hours gives its tablets none: the screen stays awake', async () => {
    api = await createTestApi();
    const client = kioskClient(api.app, api.db);
    const tablet = await client.pair(await api.business({ Name: 'Always on' }), 'Front desk');
    expect(DeviceInfoSchema.parse((await client.call('GET', '/device', tablet)).json()).location.openingHours).toBeNull();
  });

  it.each([
    [{ MonOpen: 480 }, 'MonClose', 'must be given with MonOpen'],
    [{ TueClose: 1080 }, 'TueOpen', 'must be given with TueClose'],
    [{ WedOpen: 1080, WedClose: 480 }, 'WedClose', 'must be later than WedOpen'],
    [{ ThuOpen: 480, ThuClose: 1500 }, 'ThuClose', 'must be minutes after midnight (0 to 1440)'],
    [{ FriOpen: '08:00', FriClose: 1080 }, 'FriOpen', 'must be minutes after midnight (0 to 1440)'],
    [{ SatOpen: 480.5, SatClose: 1080 }, 'SatOpen', 'must be minutes after midnight (0 to 1440)'],
    [{ SunClosed: 'yes' }, 'SunClosed', 'must be true or false'],
  ])('refuses hours that make no sense (%o) with Nexudus’s 400, and changes nothing', async (hours, property, message) => {
    api = await createTestApi();
    const london = await api.business({ Name: 'London' });
    const before = (await api.request('GET', `/api/sys/businesses/${london}`)).json as Record<string, unknown>;
    const res = await api.request('PUT', '/api/sys/businesses', { ...before, ...hours });
    expect(res.status).toBe(400);
    expect(ErrorEnvelope.parse(res.json).Errors).toContainEqual({ PropertyName: property, Message: message });
    expect((await api.request('GET', `/api/sys/businesses/${london}`)).json).toEqual(before);
  });

  it('a record from a Nexudus whose hour fields are missing or of another shape reads as no hours, not as a broken list', () => {
    const base = BusinessRecordSchema.parse({
      Id: 1,
      UniqueId: 'u',
      Name: 'Real Nexudus',
      TimeZone: 'Europe/London',
      CurrencyCode: 'GBP',
      DailyCutoffTime: '00:00',
      PaygDailyMinimum: null,
      PaygDailyMaximum: null,
      RootLocationId: null,
      KioskPinBeforeCharge: false,
      MonOpen: '08:00',
      MonClose: 99999,
      TueClosed: 'no',
      CreatedOn: '2026-01-01T00:00:00Z',
      UpdatedOn: '2026-01-01T00:00:00Z',
      UpdatedBy: 'x',
    });
    expect(base).toMatchObject({ MonOpen: null, MonClose: null, TueClosed: false, SunOpen: null });
  });
});

describe('the tablet’s screen on the admin page', () => {
  it('shows the wake-lock state and app version each tablet last reported; a state it does not know or a version that is not one is a 400', async () => {
    api = await createTestApi();
    const client = kioskClient(api.app, api.db);
    const tablet = await client.pair(await api.business({ Name: 'London' }), 'Front desk');
    const { token: staff } = await client.staffSignIn(ADMIN.email, ADMIN.password);
    const beat = { outboxPending: 0, outboxRejected: 0, outboxOldestAt: null, appVersion: '1.2.3' };
    const devices = async () => z.array(AdminDeviceSchema).parse((await client.call('GET', '/admin/devices', staff ?? '')).json());

    expect((await client.call('POST', '/device/heartbeat', tablet, { ...beat, wakeLock: 'asleep' })).statusCode).toBe(204);
    expect((await devices())[0]).toMatchObject({ appVersion: '1.2.3', wakeLock: 'asleep' });

    const bad = await client.call('POST', '/device/heartbeat', tablet, { ...beat, appVersion: '9.9.9', wakeLock: 'dimmed' });
    expect(bad.statusCode).toBe(400);
    // The version shows on the admin page: only what a version looks like.
    for (const appVersion of ['', '1.2.3 · Paired OK', '1.2.3\nok', '\u202e3.2.1', '1'.repeat(41)]) {
      const res = await client.call('POST', '/device/heartbeat', tablet, { ...beat, appVersion, wakeLock: 'awake' });
      expect(res.statusCode, JSON.stringify(appVersion)).toBe(400);
    }
    expect((await devices())[0]).toMatchObject({ appVersion: '1.2.3', wakeLock: 'asleep' });

    // A tablet on an older version says nothing about its screen.
    expect((await client.call('POST', '/device/heartbeat', tablet, beat)).statusCode).toBe(204);
    expect((await devices())[0]?.wakeLock).toBeNull();
  });
});
