import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CheckinRecordSchema } from '../../contract/nexudus-checkins';
import { listEnvelopeSchema } from '../../contract/nexudus-envelopes';
import { createDevicesRepository, type Device } from '../db/devices-repository';
import { createLedgerRepository } from '../db/ledger-repository';
import { createSealer } from '../lib/sealed';
import { createUsersRepository } from '../db/users-repository';
import { GATEWAY_ROLES } from '../app';
import { createGuard } from '../lib/guard';
import { createTestApi, type TestApi } from '../testing/test-api';
import { tapFor } from '../testing/kiosk-client';
import { createIdentitySigner } from './identity';
import { createMemberFactsReader } from './member-facts';
import { createMemberLookup } from './member-lookup';
import { createMirrorRepository } from '../db/mirror-repository';
import { createMirrorSync } from './mirror-sync';
import { createSubmissionService } from './submissions';
import { createUpstreamClient, injectTransport, type Transport } from './upstream-client';

let api: TestApi;
let london: number;
let amelie: number;
let device: Device;
beforeEach(async () => {
  api = await createTestApi();
  london = await api.business({ Name: 'London', TimeZone: 'Europe/London', CurrencyCode: 'GBP', DailyCutoffTime: '03:00' });
  amelie = await api.coworker({ FullName: 'Amélie Laurent', InvoicingBusinessId: london });
  const day = await api.timePass({ BusinessId: london, Name: 'Day Pass' });
  await api.givePass({ CoworkerId: amelie, BusinessId: london, TimePassId: day, CreateMultiple: 3 });
  const devices = createDevicesRepository(api.db);
  const { code } = devices.createPairingCode(london, 'test');
  device = devices.redeemPairingCode(code.replace('-', ''), 'Front desk', 'x')?.device ?? (undefined as never);
});
afterEach(() => api.close());

/** The gateway's submission service over a transport that can fail a write as a crash would. */
async function gatewayWith(
  fault: (request: Parameters<Transport>[0]) => 'before' | 'after' | undefined,
  meanwhile?: (request: Parameters<Transport>[0]) => Promise<void>,
) {
  await createUsersRepository(api.db).upsertServiceUser('recovery@tapdesk.internal', 'recovery-password', GATEWAY_ROLES);
  const inner = injectTransport(api.app);
  const transport: Transport = async (request) => {
    const when = fault(request);
    if (when === 'before') throw new Error('connection reset before the write was sent');
    await meanwhile?.(request);
    const res = await inner(request);
    if (when === 'after') throw new Error('the gateway died after Nexudus recorded the write');
    return res;
  };
  const upstream = createUpstreamClient(transport, () => ({ username: 'recovery@tapdesk.internal', password: 'recovery-password' }));
  const sync = createMirrorSync(upstream, createMirrorRepository(api.db));
  return createSubmissionService({
    upstream,
    facts: createMemberFactsReader(upstream, sync),
    noteWrite: (records) => sync.noteWrite(records),
    ledger: createLedgerRepository(api.db, createSealer('test-key')),
    identity: createIdentitySigner('k'),
    guard: createGuard(api.db),
    findMember: createMemberLookup(upstream),
  });
}
const checkins = async () =>
  listEnvelopeSchema(CheckinRecordSchema).parse((await api.request('GET', '/api/spaces/checkins?size=100&orderBy=Id&dir=1')).json).Records;
const staleLater = (now: Date) => new Date(now.getTime() + 31_000);

describe('finding 9: recovery after a crash acknowledges exactly the write it made', () => {
  it('closes the open check-in, not an earlier visit that ended in the same second', async () => {
    // An earlier visit today ended at 10:00:00; the member came back and is checked in now.
    const now = new Date(Math.floor(Date.now() / 1000) * 1000);
    const end = new Date(now.getTime() - 60_000);
    await api.checkin({
      BusinessId: london,
      CoworkerId: amelie,
      FromTime: new Date(end.getTime() - 3600_000).toISOString(),
      ToTime: end.toISOString(),
    });
    await api.checkin({ BusinessId: london, CoworkerId: amelie, FromTime: new Date(now.getTime() - 30_000).toISOString() });
    const [earlier, open] = await checkins();

    let failPut = true;
    const service = await gatewayWith((r) => (r.method === 'PUT' && failPut ? 'before' : undefined));
    // The tap says 10:00:00 — the second the earlier visit ended; the PUT never reaches Nexudus.
    const tap = tapFor(amelie, { action: 'out', tappedAt: end.toISOString(), deviceNow: now.toISOString() });
    await expect(service.submit(tap, device, now)).rejects.toThrow();
    failPut = false;
    const result = await service.submit(tap, device, staleLater(now));
    expect(result).toMatchObject({ status: 'checked-out', checkinId: open?.Id });
    const after = await checkins();
    expect(after.find((c) => c.Id === open?.Id)?.ToTime).not.toBeNull();
    expect(after.find((c) => c.Id === earlier?.Id)?.ToTime).toBe(earlier?.ToTime);
  });

  it('finds a check-out Nexudus recorded before the crash and does not write it twice', async () => {
    const now = new Date(Math.floor(Date.now() / 1000) * 1000);
    await api.checkin({ BusinessId: london, CoworkerId: amelie, FromTime: new Date(now.getTime() - 600_000).toISOString() });
    const [open] = await checkins();
    let puts = 0;
    const service = await gatewayWith((r) => (r.method === 'PUT' && (puts += 1) === 1 ? 'after' : undefined));
    const tap = tapFor(amelie, { action: 'out', tappedAt: now.toISOString(), deviceNow: now.toISOString() });
    await expect(service.submit(tap, device, now)).rejects.toThrow();
    expect(await service.submit(tap, device, staleLater(now))).toMatchObject({ status: 'checked-out', checkinId: open?.Id });
    expect(puts).toBe(1);
  });

  it('finds a check-in Nexudus recorded before the crash by its exact time, and makes no second one', async () => {
    const now = new Date(Math.floor(Date.now() / 1000) * 1000);
    let posts = 0;
    const service = await gatewayWith((r) =>
      r.method === 'POST' && r.path === '/api/spaces/checkins' && (posts += 1) === 1 ? 'after' : undefined,
    );
    const tap = tapFor(amelie, { tappedAt: now.toISOString(), deviceNow: now.toISOString() });
    await expect(service.submit(tap, device, now)).rejects.toThrow();
    const result = await service.submit(tap, device, staleLater(now));
    expect(result.status).toBe('checked-in');
    expect(await checkins()).toHaveLength(1);
    expect(posts).toBe(1);
  });
});

describe('the gateway’s outbox and the tablet’s resend never both send a tap', () => {
  it('answers a held tap the tablet got recorded meanwhile from the ledger, without a second write', async () => {
    const now = new Date(Math.floor(Date.now() / 1000) * 1000);
    let down = true;
    let posts = 0;
    const service = await gatewayWith((r) => {
      if (r.method === 'POST' && r.path === '/api/spaces/checkins') {
        if (down) return 'before';
        posts += 1;
      }
      return undefined;
    });
    const tap = tapFor(amelie, { tappedAt: now.toISOString(), deviceNow: now.toISOString() });
    await expect(service.submit(tap, device, now)).rejects.toThrow(/holds it/);
    // The outbox read the held row before Nexudus came back…
    const ledger = createLedgerRepository(api.db, createSealer('test-key'));
    const stale = ledger.get(tap.clientId);
    expect(stale?.WaitingSince).not.toBeNull();
    down = false;
    // …the tablet's resend records the tap first…
    expect(await service.submit(tap, device, staleLater(now))).toMatchObject({ status: 'checked-in' });
    // …and the outbox's turn with its old copy answers from the ledger: no second check-in.
    if (!stale) throw new Error('no held row');
    expect(await service.resume(stale, device)).toMatchObject({ status: 'checked-in', duplicate: true });
    expect(posts).toBe(1);
    expect(await checkins()).toHaveLength(1);
  });
});

describe('the answer is what Nexudus recorded', () => {
  it('names the pass Nexudus used when it is not the one the gateway previewed', async () => {
    const priority = await api.timePass({ BusinessId: london, Name: 'Priority Pass', UsePriority: 1 });
    let given = false;
    // Between the gateway's preview and its write, staff give the member a pass Nexudus prefers.
    const service = await gatewayWith(
      () => undefined,
      async (r) => {
        if (r.method === 'POST' && r.path === '/api/spaces/checkins' && !given) {
          given = true;
          await api.givePass({ CoworkerId: amelie, BusinessId: london, TimePassId: priority });
        }
      },
    );
    const result = await service.submit(tapFor(amelie), device);
    expect(result).toMatchObject({ status: 'checked-in', passName: 'Priority Pass' });
  });
});
