import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KioskErrorSchema, PairResponseSchema } from '../../contract/kiosk-api';
import { createDevicesRepository } from '../db/devices-repository';
import { createTestApi, type TestApi } from '../testing/test-api';

let api: TestApi;
let token: string;
beforeAll(async () => {
  api = await createTestApi();
  const london = await api.business({ Name: 'London' });
  const day = await api.timePass({ BusinessId: london });
  const member = await api.coworker({ InvoicingBusinessId: london, AccessPincode: '24680' });
  await api.givePass({ CoworkerId: member, BusinessId: london, TimePassId: day });
  const { code } = createDevicesRepository(api.db).createPairingCode(london, 'test');
  const res = await api.app.inject({ method: 'POST', url: '/kiosk/v1/pair', payload: { code, deviceName: 'Tablet', staffPin: '1234' } });
  token = PairResponseSchema.parse(res.json()).deviceToken;
});
afterAll(() => api.close());

const count = () => Number(api.db.prepare('SELECT COUNT(*) FROM checkins').pluck().get());
const post = (url: string, payload: string) =>
  api.app.inject({
    method: 'POST',
    url: `/kiosk/v1${url}`,
    payload,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
  });

const KEYS = [
  'clientId',
  'coworkerId',
  'action',
  'tappedAt',
  'deviceNow',
  'acceptedCharge',
  'pin',
  'identityToken',
  '__proto__',
  'method',
  'value',
  'submissions',
];
const value = fc.oneof(
  fc.string(),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom('in', 'out', 'pin', 'card', '2026-11-23T09:00:00Z', '00000000-0000-4000-8000-000000000000', 1, 2),
  fc.array(fc.anything(), { maxLength: 3 }),
);
const body = fc.oneof(fc.dictionary(fc.constantFrom(...KEYS), value, { maxKeys: 8 }), fc.anything());

describe('bad input to the kiosk API', () => {
  it('never answers 5xx and never records a check-in for generated bodies', async () => {
    const before = count();
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('/checkins', '/checkins/batch', '/identify', '/pair', '/device/heartbeat', '/device/staff-check'),
        body,
        async (url, input) => {
          const res = await post(url, JSON.stringify(input) ?? 'null');
          expect(res.statusCode).toBeLessThan(500);
          if (res.statusCode >= 400) KioskErrorSchema.parse(res.json());
        },
      ),
      { numRuns: 1500 },
    );
    expect(count()).toBe(before);
  });

  it('refuses a batch larger than 50 taps and malformed JSON, with a clear error', async () => {
    const tap = {
      clientId: '00000000-0000-4000-8000-000000000000',
      coworkerId: 1,
      action: 'in',
      tappedAt: new Date().toISOString(),
      deviceNow: new Date().toISOString(),
    };
    const big = await post('/checkins/batch', JSON.stringify({ submissions: Array(51).fill(tap) }));
    expect(big.statusCode).toBe(400);
    expect(KioskErrorSchema.parse(big.json()).error.code).toBe('VALIDATION');
    const broken = await post('/checkins', '{"clientId":');
    expect(broken.statusCode).toBe(400);
    expect(KioskErrorSchema.parse(broken.json()).error.code).toBe('VALIDATION');
  });
});
