import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PairResponseSchema, SubmitResultSchema } from '../src/contract/kiosk-api';
import { CheckinRecordSchema } from '../src/contract/nexudus-checkins';
import { listEnvelopeSchema } from '../src/contract/nexudus-envelopes';
import { buildApp, GATEWAY_ROLES } from '../src/server/app';
import { openDatabase } from '../src/server/db/database';
import { createDevicesRepository } from '../src/server/db/devices-repository';
import { createUsersRepository } from '../src/server/db/users-repository';
import { createTestApi, type TestApi } from '../src/server/testing/test-api';

/**
 * Production shape: one server plays Nexudus, a second is only the gateway, pointed at it over real
 * HTTP with an API user's credentials (as it would be at spaces.nexudus.com).
 */
let nexudus: TestApi;
let nexudusUrl: string;
let gateway: Awaited<ReturnType<typeof buildApp>>;
let gatewayDb: ReturnType<typeof openDatabase>;
let london: number;
let member: number;

beforeAll(async () => {
  nexudus = await createTestApi();
  london = await nexudus.business({ Name: 'London', TimeZone: 'Europe/London', CurrencyCode: 'GBP' });
  member = await nexudus.coworker({ FullName: 'Amélie Laurent', InvoicingBusinessId: london });
  const day = await nexudus.timePass({ BusinessId: london });
  await nexudus.givePass({ CoworkerId: member, BusinessId: london, TimePassId: day });
  // The same roles the embedded gateway user has: what a Nexudus admin would grant a kiosk account.
  await createUsersRepository(nexudus.db).create('kiosk-gateway@example.com', 'gateway-password', false, GATEWAY_ROLES);
  nexudusUrl = await nexudus.app.listen({ port: 0, host: '127.0.0.1' });

  gatewayDb = openDatabase(':memory:');
  gateway = await buildApp({
    db: gatewayDb,
    logLevel: 'silent',
    upstream: { url: nexudusUrl, username: 'kiosk-gateway@example.com', password: 'gateway-password' },
  });
});
afterAll(async () => {
  await gateway.close();
  gatewayDb.close();
  await nexudus.close();
});

describe('a gateway whose Nexudus is another process', () => {
  it('pairs, previews and records a Source 4 check-in in that Nexudus', async () => {
    const { code } = createDevicesRepository(gatewayDb).createPairingCode(london, 'test');
    const paired = await gateway.inject({
      method: 'POST',
      url: '/kiosk/v1/pair',
      payload: { code, deviceName: 'Tablet', staffPin: '1234' },
    });
    const { deviceToken, device } = PairResponseSchema.parse(paired.json());
    expect(device.location.name).toBe('London');
    const now = new Date().toISOString();
    const res = await gateway.inject({
      method: 'POST',
      url: '/kiosk/v1/checkins',
      headers: { authorization: `Bearer ${deviceToken}` },
      payload: { clientId: randomUUID(), coworkerId: member, action: 'in', tappedAt: now, deviceNow: now },
    });
    expect(SubmitResultSchema.parse(res.json())).toMatchObject({ status: 'checked-in', passName: 'Day Pass' });
    const records = listEnvelopeSchema(CheckinRecordSchema).parse((await nexudus.request('GET', '/api/spaces/checkins')).json).Records;
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ CoworkerId: member, Source: 4, UpdatedBy: 'kiosk-gateway@example.com' });
  });

  it('mounts no embedded Nexudus API when its upstream is a real one', async () => {
    for (const url of ['/api/spaces/checkins', '/api/token', '/api/sys/businesses']) {
      expect((await gateway.inject({ method: 'GET', url })).statusCode).toBe(404);
    }
    expect(gateway.routeAccess.some((r) => r.url.startsWith('/api'))).toBe(false);
  });

  it('answers 503 UPSTREAM_UNAVAILABLE, not 500, when that Nexudus refuses its credentials', async () => {
    const db = openDatabase(':memory:');
    const broken = await buildApp({
      db,
      logLevel: 'silent',
      upstream: { url: nexudusUrl, username: 'kiosk-gateway@example.com', password: 'wrong' },
    });
    const { code } = createDevicesRepository(db).createPairingCode(london, 'test');
    const res = await broken.inject({ method: 'POST', url: '/kiosk/v1/pair', payload: { code, deviceName: 'Tablet', staffPin: '1234' } });
    expect(res.statusCode).toBe(503);
    // The code was not used up by the failed attempt.
    expect(createDevicesRepository(db).pairingCodeBusiness(code.replace('-', ''))).toBe(london);
    await broken.close();
    db.close();
  });
});
