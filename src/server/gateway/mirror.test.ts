import { afterEach, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { DirectorySchema, MirrorSyncStateSchema } from '../../contract/kiosk-api';
import { newUniqueId } from '../db/table';
import { ADMIN, createTestApi, type TestApi } from '../testing/test-api';
import { kioskClient } from '../testing/kiosk-client';

let api: TestApi | undefined;
afterEach(async () => api?.close());

const directoryIds = async (client: ReturnType<typeof kioskClient>, tablet: string) =>
  DirectorySchema.parse((await client.call('GET', '/directory', tablet)).json()).members.map((m) => m.id);

describe('the gateway’s mirror of a location', () => {
  it('finds a member created in Nexudus within the sync interval, and loses one archived there', async () => {
    api = await createTestApi({ syncIntervalMs: 150 });
    const a = api;
    const london = await a.business({ Name: 'London' });
    const amelie = await a.coworker({ FullName: 'Amélie', InvoicingBusinessId: london });
    const client = kioskClient(a.app, a.db);
    const tablet = await client.pair(london);
    expect(await directoryIds(client, tablet)).toEqual([amelie]);

    // The incremental window is a few minutes wide, so a new record is seen at the next pass.
    const newcomer = await a.coworker({ FullName: 'Newcomer', Email: 'new@example.com', InvoicingBusinessId: london });
    await expect.poll(() => directoryIds(client, tablet), { timeout: 5000 }).toContain(newcomer);

    const record = (await a.request('GET', `/api/spaces/coworkers/${amelie}`)).json as Record<string, unknown>;
    expect((await a.request('PUT', '/api/spaces/coworkers', { ...record, Archived: true })).status).toBe(200);
    await expect.poll(() => directoryIds(client, tablet), { timeout: 5000 }).not.toContain(amelie);
  });

  it('keeps a member registered at the location (not only invoiced there), and drops one moved away', async () => {
    api = await createTestApi({ syncIntervalMs: 150 });
    const a = api;
    const london = await a.business({ Name: 'London' });
    const berlin = await a.business({ Name: 'Berlin' });
    const visitor = await a.coworker({ FullName: 'Registered', InvoicingBusinessId: berlin, Businesses: [london] });
    const client = kioskClient(a.app, a.db);
    const tablet = await client.pair(london);
    expect(await directoryIds(client, tablet)).toEqual([visitor]);
    const record = (await a.request('GET', `/api/spaces/coworkers/${visitor}`)).json as Record<string, unknown>;
    await a.request('PUT', '/api/spaces/coworkers', { ...record, Businesses: [] });
    await expect.poll(() => directoryIds(client, tablet), { timeout: 5000 }).toEqual([]);
  });

  it('syncs a 50,000-member location completely, and the admin page can start a sync and see its state', async () => {
    api = await createTestApi();
    const a = api;
    const big = await a.business({ Name: 'Big Hub' });
    const other = await a.business({ Name: 'Elsewhere' });
    const now = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
    const insert = a.db.prepare(
      `INSERT INTO coworkers (Id, UniqueId, CreatedOn, UpdatedOn, UpdatedBy, FullName, Email, CountryId, SimpleTimeZoneId, InvoicingBusinessId, Businesses, Active, Archived)
       VALUES (?, ?, ?, ?, 'seed', ?, ?, 1, 1, ?, '[]', 1, 0)`,
    );
    a.db.transaction(() => {
      for (let i = 1; i <= 50_200; i += 1)
        insert.run(i, newUniqueId(), now, now, `Member ${i}`, `m${i}@example.com`, i <= 50_000 ? big : other);
    })();
    const client = kioskClient(a.app, a.db);
    const tablet = await client.pair(big);
    const ids = await directoryIds(client, tablet);
    expect(ids).toHaveLength(50_000);
    expect(new Set(ids).size).toBe(50_000);
    expect(ids).toContain(49_993);

    const { token } = await client.staffSignIn(ADMIN.email, ADMIN.password);
    const states = z.array(MirrorSyncStateSchema).parse((await client.call('POST', '/admin/sync', token, { businessId: big })).json());
    expect(states.find((s) => s.businessId === big)).toMatchObject({ name: 'Big Hub', records: 50_000, lastError: null });
    // A location no tablet serves is not mirrored on request (it would be synced for good).
    const refused = await client.call('POST', '/admin/sync', token, { businessId: other });
    expect(refused.statusCode).toBe(404);
    expect(refused.json()).toMatchObject({
      error: { message: 'No Tapdesk tablet has been paired at Elsewhere: there is nothing to sync.' },
    });
    expect(a.db.prepare('SELECT COUNT(*) FROM mirror_sync WHERE Scope = ?').pluck().get(`location:${other}`)).toBe(0);
  }, 120_000);
});
