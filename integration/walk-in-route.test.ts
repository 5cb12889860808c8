import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PairResponseSchema } from '../src/contract/kiosk-api';
import { listEnvelopeSchema } from '../src/contract/nexudus-envelopes';
import { VisitorRecordSchema } from '../src/contract/nexudus-visitors';
import type { EntryOutcome } from '../src/sw/replay';
import { WalkInQueuedSchema, WalkInStatusSchema, type WalkInRequest } from '../src/contract/visitors-api';
import { createDevicesRepository } from '../src/server/db/devices-repository';
import { createTestApi, type TestApi } from '../src/server/testing/test-api';
import { cachedOutboxStore, createMemoryOutboxStore, type OutboxStore } from '../src/sw/outbox-store';
import { createReplayer } from '../src/sw/replay';
import { handleWalkIn } from '../src/sw/walk-in-route';
import { injectFetch } from './inject-fetch';

/**
 * The service worker's walk-in route, as the tablet's page meets it, against the real gateway:
 * registered now, queued when nothing answers, refused live, and bounded on the tablet.
 */
let api: TestApi;
let store: OutboxStore;
let token: string;
let host: number;
let outsider: number;
let reachable: boolean;

const visitors = async () =>
  listEnvelopeSchema(VisitorRecordSchema).parse((await api.request('GET', '/api/spaces/visitors?size=1000')).json).Records;

function deps() {
  const awaited = new Map<string, (outcome: EntryOutcome) => void>();
  const offline = () => (reachable ? undefined : Response.error());
  const fetchGateway = injectFetch(api.app, offline);
  const replayer = createReplayer(store, {
    fetch: async (url, init) => {
      const res = await fetchGateway(url, init);
      if (res.type === 'error') throw new TypeError('Failed to fetch');
      return res;
    },
    onOutcome: (entry, outcome) => awaited.get(entry.clientId)?.(outcome),
  });
  let seq = 0;
  return {
    replayer,
    route: {
      store: async () => store,
      replayer: async () => replayer,
      awaited,
      nextSeq: () => (seq += 1),
      changed: () => undefined,
    },
  };
}

const walkIn = (overrides: Partial<WalkInRequest> = {}): WalkInRequest => ({
  clientId: randomUUID(),
  fullName: 'Grace Hopper',
  email: 'grace@example.com',
  hostId: host,
  acceptedTerms: true,
  registeredAt: new Date().toISOString(),
  ...overrides,
});
const post = (body: WalkInRequest) =>
  new Request('http://tablet.test/kiosk/v1/visitors', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });

beforeEach(async () => {
  api = await createTestApi();
  // As the worker has it: memory in front of the store.
  store = cachedOutboxStore(createMemoryOutboxStore());
  reachable = true;
  const london = await api.business({ Name: 'London', TimeZone: 'Europe/London', CurrencyCode: 'GBP' });
  const elsewhere = await api.business({ Name: 'Elsewhere', TimeZone: 'Europe/London', CurrencyCode: 'GBP' });
  host = await api.coworker({ FullName: 'Ana Souza', Email: 'ana@example.com', InvoicingBusinessId: london });
  outsider = await api.coworker({ FullName: 'Out Sider', Email: 'out@example.com', InvoicingBusinessId: elsewhere });
  const { code } = createDevicesRepository(api.db).createPairingCode(london, 'test');
  const res = await api.app.inject({ method: 'POST', url: '/kiosk/v1/pair', payload: { code, deviceName: 'Tablet', staffPin: '1234' } });
  token = PairResponseSchema.parse(res.json()).deviceToken;
});
afterEach(() => api.close());

describe('the service worker’s walk-in route', () => {
  it('answers with the registered visitor while the gateway answers, and keeps nothing', async () => {
    const { route } = deps();
    const res = await handleWalkIn(post(walkIn()), route);
    expect(res.status).toBe(200);
    expect(WalkInStatusSchema.parse(await res.json())).toMatchObject({ hostFirstName: 'Ana' });
    expect(await store.all()).toEqual([]);
    expect(await visitors()).toHaveLength(1);
  });

  it('queues a walk-in when nothing answers, and the replay registers it once when the connection is back', async () => {
    const { route, replayer } = deps();
    reachable = false;
    const body = walkIn();
    const res = await handleWalkIn(post(body), route);
    expect(res.status).toBe(202);
    expect(WalkInQueuedSchema.parse(await res.json())).toMatchObject({ status: 'queued', clientId: body.clientId });
    expect(await store.all()).toMatchObject([{ kind: 'walk-in', state: 'pending', clientId: body.clientId }]);
    // The page sends the same registration again (a double tap): still one entry.
    expect((await handleWalkIn(post(body), route)).status).toBe(202);
    expect(await store.all()).toHaveLength(1);
    expect(await visitors()).toHaveLength(0);

    reachable = true;
    await replayer.replay({ force: true });
    expect(await store.all()).toEqual([]);
    expect(await visitors()).toHaveLength(1);
  });

  it('shows a refusal to the visitor standing there, and keeps nothing of it', async () => {
    const { route } = deps();
    const res = await handleWalkIn(post(walkIn({ hostId: outsider })), route);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 'VALIDATION' } });
    expect(await store.all()).toEqual([]);
  });

  it('keeps the gateway’s walk-in limit on the tablet while nothing answers', async () => {
    const { route } = deps();
    reachable = false;
    for (let i = 0; i < 10; i += 1) expect((await handleWalkIn(post(walkIn()), route)).status).toBe(202);
    const eleventh = await handleWalkIn(post(walkIn()), route);
    expect(eleventh.status).toBe(429);
    expect(await eleventh.json()).toMatchObject({ error: { code: 'RATE_LIMITED' } });
    expect(await store.all()).toHaveLength(10);
  });
});
