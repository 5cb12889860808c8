import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { applyDelta } from '../../contract/feed';
import { DirectoryDeltaSchema, DirectorySchema } from '../../contract/kiosk-api';
import { SnapshotDeltaSchema, SnapshotSchema } from '../../contract/kiosk-snapshot';
import { createTestApi, type TestApi } from '../testing/test-api';
import { kioskClient } from '../testing/kiosk-client';

let api: TestApi | undefined;
afterEach(async () => api?.close());

/** A GET as the tablet's browser sends it (it accepts Brotli and gzip), decompressed. */
async function get(a: TestApi, token: string, url: string, headers: Record<string, string> = {}) {
  const res = await a.app.inject({
    method: 'GET',
    url: `/kiosk/v1${url}`,
    headers: { authorization: `Bearer ${token}`, 'accept-encoding': 'gzip, deflate, br', ...headers },
  });
  const encoding = res.headers['content-encoding'];
  const raw = res.rawPayload;
  const body = encoding === 'br' ? brotliDecompressSync(raw) : encoding === 'gzip' ? gunzipSync(raw) : raw;
  return { res, encoding, bytes: raw.length, json: res.statusCode === 200 ? (JSON.parse(body.toString('utf8')) as unknown) : undefined };
}

async function setup() {
  api = await createTestApi({ syncIntervalMs: 100 });
  const a = api;
  const london = await a.business({ Name: 'London' });
  const ids: number[] = [];
  for (let i = 0; i < 40; i += 1)
    ids.push(await a.coworker({ FullName: `Member ${i}`, Email: `m${i}@example.com`, InvoicingBusinessId: london }));
  const tablet = await kioskClient(a.app, a.db).pair(london);
  return { a, london, ids, tablet };
}

async function changeUpstream(a: TestApi, london: number, ids: number[]) {
  const renamed = (await a.request('GET', `/api/spaces/coworkers/${ids[0] ?? 0}`)).json as Record<string, unknown>;
  await a.request('PUT', '/api/spaces/coworkers', { ...renamed, FullName: 'Member Renamed' });
  const archived = (await a.request('GET', `/api/spaces/coworkers/${ids[1] ?? 0}`)).json as Record<string, unknown>;
  await a.request('PUT', '/api/spaces/coworkers', { ...archived, Archived: true });
  return a.coworker({ FullName: 'Newcomer', Email: 'new@example.com', InvoicingBusinessId: london });
}

describe('the tablet’s copies as versioned, compressed feeds', () => {
  it('sends the directory whole and compressed, then 304, then only what changed', async () => {
    const { a, london, ids, tablet } = await setup();
    const first = await get(a, tablet, '/directory');
    expect(first.encoding).toBe('br');
    const full = DirectorySchema.parse(first.json);
    expect(full.members).toHaveLength(40);
    expect(first.bytes).toBeLessThan(JSON.stringify(full).length / 3);

    expect((await get(a, tablet, `/directory?since=${full.version}`)).res.statusCode).toBe(304);
    expect((await get(a, tablet, '/directory', { 'if-none-match': `"${full.version}"` })).res.statusCode).toBe(304);

    const newcomer = await changeUpstream(a, london, ids);
    const deltaNow = async () => DirectoryDeltaSchema.safeParse((await get(a, tablet, `/directory?since=${full.version}`)).json).data;
    await expect.poll(async () => (await deltaNow())?.upserts.length, { timeout: 5000 }).toBe(2);
    await expect.poll(async () => (await deltaNow())?.removed.length, { timeout: 5000 }).toBe(1);
    const delta = DirectoryDeltaSchema.parse(await deltaNow());
    expect(delta.from).toBe(full.version);
    expect(delta.upserts.map((m) => m.displayName).sort()).toEqual(['Member Renamed', 'Newcomer']);
    expect(delta.removed).toEqual([ids[1]]);

    // Applied to the tablet's copy, the delta gives exactly the directory a fresh tablet gets.
    const applied = applyDelta(full.members, (m) => m.id, delta);
    const fresh = DirectorySchema.parse((await get(a, tablet, '/directory')).json);
    expect(fresh.version).toBe(delta.version);
    expect(applied?.map((m) => m.id).sort((x, y) => x - y)).toEqual(fresh.members.map((m) => m.id).sort((x, y) => x - y));
    expect(applied?.find((m) => m.id === newcomer)?.displayName).toBe('Newcomer');
    // A copy that lost a member does not pass the delta's check, so the tablet fetches it whole.
    expect(
      applyDelta(
        full.members.filter((m) => m.id !== ids[10]),
        (m) => m.id,
        delta,
      ),
    ).toBeUndefined();
  });

  it('versions the snapshot: 304 when unchanged, only changed members after a check-in', async () => {
    const { a, ids, tablet } = await setup();
    const first = await get(a, tablet, '/snapshot');
    expect(first.encoding).toBe('br');
    const full = SnapshotSchema.parse(first.json);
    expect(full.members).toHaveLength(40);
    expect((await get(a, tablet, `/snapshot?since=${full.version ?? ''}`)).res.statusCode).toBe(304);

    const member = ids[5] ?? 0;
    const day = await a.timePass({ BusinessId: full.locationId, Name: 'Day Pass' });
    await a.givePass({ CoworkerId: member, BusinessId: full.locationId, TimePassId: day });
    expect((await a.checkin({ BusinessId: full.locationId, CoworkerId: member, FromTime: new Date().toISOString() })).status).toBe(200);
    const deltaNow = async () => SnapshotDeltaSchema.safeParse((await get(a, tablet, `/snapshot?since=${full.version ?? ''}`)).json).data;
    await expect.poll(async () => (await deltaNow())?.upserts.some((m) => m.openCheckin !== null), { timeout: 5000 }).toBe(true);
    const delta = SnapshotDeltaSchema.parse(await deltaNow());
    expect(delta.upserts.map((m) => m.customer.id)).toEqual([member]);
    expect(delta.upserts[0]?.openCheckin).not.toBeNull();
    expect(applyDelta(full.members, (m) => m.customer.id, delta)).toHaveLength(40);
  });

  it('sends the whole list for a version it does not know, and refuses a malformed one', async () => {
    const { a, tablet } = await setup();
    const unknown = await get(a, tablet, '/directory?since=not-a-version-we-sent');
    expect(DirectorySchema.parse(unknown.json).members).toHaveLength(40);
    for (const bad of ['since=%3Cscript%3E', 'since=', 'other=1', `since=${'a'.repeat(65)}`]) {
      expect((await get(a, tablet, `/directory?${bad}`)).res.statusCode, bad).toBe(400);
      expect((await get(a, tablet, `/snapshot?${bad}`)).res.statusCode, bad).toBe(400);
    }
    // A client that asks for no compression gets plain JSON.
    const plain = await a.app.inject({ method: 'GET', url: '/kiosk/v1/directory', headers: { authorization: `Bearer ${tablet}` } });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(DirectorySchema.parse(plain.json()).members).toHaveLength(40);
  });
});
