/**
 * Requests a production gateway makes to Nexudus in one simulated busy hour at a 50,000-member
 * location with 10 tablets: arrivals peaking at 9:00 (some by PIN), check-outs, each tablet
 * refreshing its member list every 2 minutes, and the mirror's incremental sync every minute.
 * The stand-in Nexudus counts every request it is sent. Baseline: Nexudus's published limits,
 * with the target at half of each. One simulated minute lasts SIM_MINUTE_MS of real time; the
 * gateway's sync interval is one simulated minute.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp, GATEWAY_ROLES } from '../src/server/app';
import { openDatabase, secretDigest } from '../src/server/db/database';
import { createDevicesRepository } from '../src/server/db/devices-repository';
import { newUniqueId } from '../src/server/db/table';
import { createUsersRepository } from '../src/server/db/users-repository';
import { buildBusiness, buildTimePass } from '../src/server/seed/builders';
import { tokenFor } from '../src/server/testing/test-api';

const MEMBERS = 50_000;
const TABLETS = 10;
const SIM_MINUTE_MS = Number(process.env.SIM_MINUTE_MS ?? 3000);
const PUBLISHED = { perMinute: 120, perHour: 5000, writesPerMinute: 60 };

const dir = mkdtempSync(join(tmpdir(), 'tapdesk-upstream-'));
const nexudusDb = openDatabase(join(dir, 'nexudus.db'));
const users = createUsersRepository(nexudusDb);
await users.create('gateway@example.com', 'gateway-password', false, GATEWAY_ROLES);
// The members were created and last changed yesterday, as in a real account (not all within the sync's overlap).
const now = new Date(Date.now() - 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
await users.create('admin@example.com', 'admin-password', true, []);
{
  const setup = await buildApp({ db: nexudusDb, logLevel: 'silent' });
  const token = await tokenFor(setup, 'admin@example.com', 'admin-password');
  const create = (url: string, payload: object) =>
    setup.inject({ method: 'POST', url, payload, headers: { authorization: `Bearer ${token}` } });
  await create('/api/sys/businesses', buildBusiness({ Name: 'Big Hub', TimeZone: 'UTC' }));
  await create('/api/billing/timepasses', buildTimePass({ BusinessId: 1, Name: 'Day Pass' }));
  await setup.close();
}
const coworker = nexudusDb.prepare(
  `INSERT INTO coworkers (Id, UniqueId, CreatedOn, UpdatedOn, UpdatedBy, FullName, Email, CountryId, SimpleTimeZoneId, InvoicingBusinessId, Businesses, Active, Archived, AccessPincode, TariffName)
   VALUES (?, ?, ?, ?, 'seed', ?, ?, 1, 1, 1, '[]', 1, 0, ?, 'Hot Desk')`,
);
const pass = nexudusDb.prepare(
  `INSERT INTO coworkertimepasses (Id, UniqueId, CreatedOn, UpdatedOn, UpdatedBy, CoworkerId, BusinessId, TimePassId, Used, CheckedIn, IsFromTariff, IsPayAsYouGo, Free, Invoiced, PriceMinor)
   VALUES (?, ?, ?, ?, 'seed', ?, 1, 1, 0, 0, 1, 0, 0, 0, 2000)`,
);
nexudusDb.transaction(() => {
  for (let i = 1; i <= MEMBERS; i += 1) {
    coworker.run(i, newUniqueId(), now, now, `Member ${i}`, `m${i}@example.com`, secretDigest(nexudusDb, String(10000 + i)));
    pass.run(i, newUniqueId(), now, now, i);
  }
})();

// The stand-in Nexudus, counting what it is asked, by simulated minute.
const nexudus = await buildApp({ db: nexudusDb, logLevel: 'silent' });
let minute = -1;
const perMinute = new Map<number, { all: number; writes: number }>();
const byPath = new Map<string, number>();
nexudus.addHook('onResponse', async (request) => {
  if (minute >= 0) {
    const key = `${request.method} ${request.url.split('?')[0]}`.replace(/\/\d+$/, '/{id}');
    byPath.set(key, (byPath.get(key) ?? 0) + 1);
  }
  const slot = perMinute.get(minute) ?? { all: 0, writes: 0 };
  slot.all += 1;
  if (request.method !== 'GET') slot.writes += 1;
  perMinute.set(minute, slot);
});
await nexudus.listen({ port: 0, host: '127.0.0.1' });
const url = `http://127.0.0.1:${(nexudus.server.address() as AddressInfo).port}`;

const gatewayDb = openDatabase(join(dir, 'gateway.db'));
const gateway = await buildApp({
  db: gatewayDb,
  logLevel: 'silent',
  upstream: { url, username: 'gateway@example.com', password: 'gateway-password' },
  // Raw demand is measured: the gateway's own budget would hold it under the limits anyway.
  upstreamBudget: false,
  syncIntervalMs: SIM_MINUTE_MS,
});
const call = (method: 'GET' | 'POST', path: string, token: string, payload?: object) =>
  gateway.inject({ method, url: `/kiosk/v1${path}`, headers: { authorization: `Bearer ${token}` }, ...(payload ? { payload } : {}) });

const tablets: string[] = [];
for (let i = 0; i < TABLETS; i += 1) {
  const { code } = createDevicesRepository(gatewayDb).createPairingCode(1, 'bench');
  const res = await gateway.inject({ method: 'POST', url: '/kiosk/v1/pair', payload: { code, deviceName: `Desk ${i}`, staffPin: '1234' } });
  tablets.push((res.json() as { deviceToken: string }).deviceToken);
}
const firstSyncStarted = Date.now();
const directory = await call('GET', '/directory', tablets[0] ?? '');
const firstSync = perMinute.get(-1)?.all ?? 0;
console.log(
  `upstream: first full sync of ${MEMBERS.toLocaleString('en')} members: ${firstSync} requests in ${((Date.now() - firstSyncStarted) / 1000).toFixed(1)} s ` +
    `(directory ${(directory.json() as { members: unknown[] }).members.length.toLocaleString('en')} members; at 120/min that is ${(firstSync / 120).toFixed(1)} min of budget)`,
);

// A busy morning: arrivals peak around minute 20 (9:00), a third identify by PIN, a quarter leave within the hour.
const arrivalsAt = (m: number) => Math.round(4 + 16 * Math.exp(-(((m - 20) / 10) ** 2)));
let next = 1;
const inside: number[] = [];
const errors = new Map<number, number>();
const note = (status: number): void => {
  if (status >= 400) errors.set(status, (errors.get(status) ?? 0) + 1);
};
let taps = 0;
for (minute = 0; minute < 60; minute += 1) {
  const started = Date.now();
  const work: Promise<void>[] = [];
  for (let i = 0; i < arrivalsAt(minute); i += 1) {
    const id = next++;
    const tablet = tablets[id % TABLETS] ?? '';
    work.push(
      (async () => {
        if (id % 3 === 0) note((await call('POST', '/identify', tablet, { method: 'pin', value: String(10000 + id) })).statusCode);
        note((await call('GET', `/members/${id}/status`, tablet)).statusCode);
        const t = new Date().toISOString();
        note(
          (await call('POST', '/checkins', tablet, { clientId: randomUUID(), coworkerId: id, action: 'in', tappedAt: t, deviceNow: t }))
            .statusCode,
        );
        taps += 1;
        inside.push(id);
      })(),
    );
  }
  if (minute >= 30)
    for (let i = 0; i < 4 && inside.length; i += 1) {
      const id = inside.shift() ?? 0;
      const t = new Date().toISOString();
      work.push(
        call('POST', '/checkins', tablets[id % TABLETS] ?? '', {
          clientId: randomUUID(),
          coworkerId: id,
          action: 'out',
          tappedAt: t,
          deviceNow: t,
        }).then((r) => note(r.statusCode)),
      );
    }
  // Each tablet refreshes its member list every 2 minutes (half of them this minute), and one its snapshot.
  for (let t = minute % 2; t < TABLETS; t += 2) work.push(call('GET', '/directory', tablets[t] ?? '').then((r) => note(r.statusCode)));
  if (minute % 5 === 0) work.push(call('GET', '/snapshot', tablets[minute % TABLETS] ?? '').then((r) => note(r.statusCode)));
  await Promise.all(work);
  await new Promise((r) => setTimeout(r, Math.max(0, SIM_MINUTE_MS - (Date.now() - started))));
}

const minutes = [...Array(60).keys()].map((m) => perMinute.get(m) ?? { all: 0, writes: 0 });
const busiest = Math.max(...minutes.map((m) => m.all));
const hour = minutes.reduce((n, m) => n + m.all, 0);
const busiestWrites = Math.max(...minutes.map((m) => m.writes));
const verdict = (value: number, limit: number) =>
  `${value} (limit ${limit}, ratio ${(value / limit).toFixed(2)}; target ≤ 0.5 → ${value <= limit / 2 ? 'met' : 'NOT met'})`;
console.log(`upstream: one simulated busy hour, ${TABLETS} tablets, ${taps} check-ins, ${60 - 30} minutes of check-outs`);
console.log(`  requests in the busiest minute : ${verdict(busiest, PUBLISHED.perMinute)}`);
console.log(`  requests in the hour           : ${verdict(hour, PUBLISHED.perHour)}`);
console.log(`  writes in the busiest minute   : ${verdict(busiestWrites, PUBLISHED.writesPerMinute)}`);
console.log(`  per check-in (incl. sync)      : ${(hour / Math.max(1, taps)).toFixed(2)} requests`);
console.log(`  kiosk answers ≥ 400            : ${errors.size ? JSON.stringify([...errors]) : 'none'}`);
console.log(
  `  by endpoint in the hour        : ${[...byPath]
    .sort((a, b) => b[1] - a[1])
    .map(([k, n]) => `${k} ${n}`)
    .join(' · ')}`,
);
await gateway.close();
await nexudus.close();
gatewayDb.close();
nexudusDb.close();
rmSync(dir, { recursive: true, force: true });
