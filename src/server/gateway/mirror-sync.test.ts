import { afterEach, expect, it } from 'vitest';
import { openDatabase } from '../db/database';
import { createMirrorRepository } from '../db/mirror-repository';
import { ADMIN, createTestApi, type TestApi } from '../testing/test-api';
import { createMirrorSync } from './mirror-sync';
import { createUpstreamClient, injectTransport, type Transport } from './upstream-client';

let api: TestApi | undefined;
afterEach(async () => api?.close());

it('keeps the customers of a location whose first sync is running when another location syncs meanwhile', async () => {
  api = await createTestApi();
  const a = api;
  const london = await a.business({ Name: 'London' });
  const berlin = await a.business({ Name: 'Berlin' });
  await a.coworker({ FullName: 'Amélie', Email: 'amelie@example.com', InvoicingBusinessId: london });
  const berliners = [
    await a.coworker({ FullName: 'Bruno', Email: 'bruno@example.com', InvoicingBusinessId: berlin }),
    await a.coworker({ FullName: 'Chloé', Email: 'chloe@example.com', InvoicingBusinessId: berlin }),
  ];

  // Berlin's first full sync stops after its customers are in the mirror (at its passes), until released.
  let reached: () => void = () => undefined;
  const atGate = new Promise<void>((resolve) => (reached = resolve));
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const inject = injectTransport(a.app);
  const transport: Transport = async (request) => {
    if (request.path.includes(`CoworkerTimePass_Business=${berlin}`)) {
      reached();
      await gate;
    }
    return inject(request);
  };
  const db = openDatabase(':memory:');
  const sync = createMirrorSync(
    createUpstreamClient(transport, () => ({ username: ADMIN.email, password: ADMIN.password })),
    createMirrorRepository(db),
  );
  await sync.sync(london, 'full');
  const berlinFirst = sync.sync(berlin, 'full');
  await atGate;
  // London's incremental sync sees Berlin's customers (changed just now), already in the mirror.
  await sync.sync(london, 'auto');
  release();
  await berlinFirst;
  expect(
    sync
      .customers(berlin)
      .map((c) => c.Id)
      .sort(),
  ).toEqual([...berliners].sort());
  db.close();
});
