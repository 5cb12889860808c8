import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PairResponseSchema } from '../src/contract/kiosk-api';
import { CheckinRecordSchema } from '../src/contract/nexudus-checkins';
import { listEnvelopeSchema } from '../src/contract/nexudus-envelopes';
import type { QueuedTap, TapEntry, WalkInEntry } from '../src/contract/outbox';
import { VisitorRecordSchema } from '../src/contract/nexudus-visitors';
import { createDevicesRepository } from '../src/server/db/devices-repository';
import { createTestApi, type TestApi } from '../src/server/testing/test-api';
import { cachedOutboxStore, createMemoryOutboxStore, type OutboxStore } from '../src/sw/outbox-store';
import { createReplayer } from '../src/sw/replay';
import { injectFetch } from './inject-fetch';

let api: TestApi;
let store: OutboxStore;
let token: string;
let london: number;
let members: number[];
let seq = 0;

function entry(tap: Partial<QueuedTap> & { coworkerId: number }): TapEntry {
  seq += 1;
  const clientId = randomUUID();
  return {
    clientId,
    seq,
    tap: { clientId, action: 'in', tappedAt: new Date(Date.now() - (100 - seq) * 1000).toISOString(), acceptedCharge: false, ...tap },
    token,
    memberName: null,
    state: 'pending',
    attempts: 0,
    queuedAt: new Date().toISOString(),
    nextAttemptAt: 0,
    lastError: null,
    rejection: null,
  };
}
function walkIn(fullName: string, hostId: number): WalkInEntry {
  seq += 1;
  const clientId = randomUUID();
  return {
    kind: 'walk-in',
    clientId,
    seq,
    walkIn: { clientId, fullName, email: 'visitor@example.com', hostId, acceptedTerms: true },
    token,
    memberName: fullName,
    state: 'pending',
    attempts: 0,
    queuedAt: new Date().toISOString(),
    nextAttemptAt: 0,
    lastError: null,
    rejection: null,
  };
}
const visitors = async () =>
  listEnvelopeSchema(VisitorRecordSchema).parse((await api.request('GET', '/api/spaces/visitors?size=1000')).json).Records;
const checkins = async () =>
  listEnvelopeSchema(CheckinRecordSchema).parse((await api.request('GET', '/api/spaces/checkins?size=1000')).json).Records;

beforeEach(async () => {
  api = await createTestApi();
  // As the worker has it: memory in front of the store.
  store = cachedOutboxStore(createMemoryOutboxStore());
  // The day turns over half a day from now, so taps dated up to an hour ago share today's check-in day
  // whenever the suite runs (a fixed 00:00 cut-off failed between 00:01 and 01:00).
  const cutoff = `${String((new Date().getUTCHours() + 12) % 24).padStart(2, '0')}:00`;
  london = await api.business({ Name: 'London', TimeZone: 'Europe/London', CurrencyCode: 'GBP', DailyCutoffTime: cutoff });
  const day = await api.timePass({ BusinessId: london, Name: 'Day Pass' });
  members = [];
  for (let i = 0; i < 20; i += 1) {
    const id = await api.coworker({ FullName: `Member ${i}`, Email: `m${i}@example.com`, InvoicingBusinessId: london });
    await api.givePass({ CoworkerId: id, BusinessId: london, TimePassId: day });
    members.push(id);
  }
  const { code } = createDevicesRepository(api.db).createPairingCode(london, 'test');
  const res = await api.app.inject({ method: 'POST', url: '/kiosk/v1/pair', payload: { code, deviceName: 'Tablet', staffPin: '1234' } });
  token = PairResponseSchema.parse(res.json()).deviceToken;
});
afterEach(() => api.close());

describe('outbox replay against the gateway', () => {
  it('sends every queued tap once, at its tap time, and empties the outbox', async () => {
    const queued = members.map((coworkerId) => entry({ coworkerId }));
    for (const e of queued) await store.put(e);
    await createReplayer(store, { fetch: injectFetch(api.app), batchSize: 7 }).replay();
    expect(await store.all()).toEqual([]);
    const records = await checkins();
    expect(records).toHaveLength(20);
    for (const e of queued) {
      const record = records.find((r) => r.CoworkerId === e.tap.coworkerId);
      expect(record?.FromTime).toBe(e.tap.tappedAt.replace(/\.\d{3}Z$/, 'Z'));
      expect(record?.Source).toBe(4);
    }
  });

  it('never records a tap twice when an answer was lost and it is sent again', async () => {
    const queued = members.slice(0, 5).map((coworkerId) => entry({ coworkerId }));
    for (const e of queued) await store.put(e);
    let lost = true;
    const fetchLosingFirstAnswer = async (url: string, init: RequestInit) => {
      const res = await injectFetch(api.app)(url, init);
      if (lost) {
        lost = false;
        throw new Error('connection reset after the server wrote');
      }
      return res;
    };
    let clock = Date.now();
    const replayer = createReplayer(store, { fetch: fetchLosingFirstAnswer, now: () => clock });
    await replayer.replay();
    expect((await store.all()).some((e) => e.state === 'pending' && e.attempts === 1)).toBe(true);
    clock += 10 * 60_000;
    await replayer.replay();
    expect(await store.all()).toEqual([]);
    expect(await checkins()).toHaveLength(5);
  });

  it('registers a walk-in made offline once, beside the taps, even when its answer was lost and it is sent again', async () => {
    const host = members[3] ?? 0;
    await store.put(walkIn('Grace Hopper', host));
    await store.put(entry({ coworkerId: members[4] ?? 0 }));
    let lost = true;
    const losingVisitorAnswer = async (url: string, init: RequestInit) => {
      const res = await injectFetch(api.app)(url, init);
      if (lost && url.endsWith('/kiosk/v1/visitors')) {
        lost = false;
        throw new Error('connection reset after the server wrote');
      }
      return res;
    };
    let clock = Date.now();
    const replayer = createReplayer(store, { fetch: losingVisitorAnswer, now: () => clock });
    await replayer.replay();
    expect(await store.all()).toMatchObject([{ kind: 'walk-in', state: 'pending', attempts: 1 }]);
    expect(await checkins()).toHaveLength(1);
    clock += 10 * 60_000;
    await replayer.replay();
    expect(await store.all()).toEqual([]);
    const registered = await visitors();
    expect(registered).toHaveLength(1);
    expect(registered[0]).toMatchObject({ FullName: 'Grace Hopper', CoworkerId: host, VisitorSource: 2 });
  });

  it('keeps a walk-in the gateway refuses as rejected with its reason, for staff', async () => {
    const stranger = await api.business({ Name: 'Elsewhere', TimeZone: 'Europe/London', CurrencyCode: 'GBP' });
    const outsider = await api.coworker({ FullName: 'Out Sider', Email: 'out@example.com', InvoicingBusinessId: stranger });
    await store.put(walkIn('Grace Hopper', outsider));
    await createReplayer(store, { fetch: injectFetch(api.app) }).replay();
    expect(await store.all()).toMatchObject([{ kind: 'walk-in', state: 'rejected', rejection: { code: expect.any(String) } }]);
    expect(await visitors()).toHaveLength(0);
  });

  it('keeps entries pending with a backoff when the gateway answers 500', async () => {
    await store.put(entry({ coworkerId: members[0] ?? 0 }));
    const failing = injectFetch(api.app, () => new Response('{}', { status: 500 }));
    await createReplayer(store, { fetch: failing }).replay();
    const [kept] = await store.all();
    expect(kept).toMatchObject({ state: 'pending', attempts: 1 });
    expect(kept?.nextAttemptAt).toBeGreaterThan(Date.now());
    expect(await checkins()).toHaveLength(0);
  });

  it('keeps a refused tap as rejected with its reason, and sends the rest', async () => {
    const stranger = await api.coworker({ FullName: 'No Pass', Email: 'np@example.com', InvoicingBusinessId: london });
    await store.put(entry({ coworkerId: stranger }));
    await store.put(entry({ coworkerId: members[1] ?? 0 }));
    await createReplayer(store, { fetch: injectFetch(api.app) }).replay();
    const left = await store.all();
    expect(left).toHaveLength(1);
    expect(left[0]).toMatchObject({ state: 'rejected', rejection: { code: 'NO_VALID_PASS' } });
    expect(await checkins()).toHaveLength(1);
  });

  it('sends a member’s check-in before their check-out, even across lanes and batches', async () => {
    const member = members[2] ?? 0;
    await store.put(entry({ coworkerId: member, action: 'in', tappedAt: new Date(Date.now() - 3600_000).toISOString() }));
    for (const m of members.slice(3, 10)) await store.put(entry({ coworkerId: m }));
    await store.put(entry({ coworkerId: member, action: 'out', tappedAt: new Date(Date.now() - 60_000).toISOString() }));
    await createReplayer(store, { fetch: injectFetch(api.app), batchSize: 2, lanes: 3 }).replay();
    expect(await store.all()).toEqual([]);
    const visit = (await checkins()).find((r) => r.CoworkerId === member);
    expect(visit?.ToTime).not.toBeNull();
  });
});
