/**
 * Check-in creates per second and p99 latency through real HTTP with 4 concurrent clients, each
 * create running the full pass rule on a real SQLite file; baseline: a bare POST route on the
 * same server in the same run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../src/server/app';
import { ANONYMOUS } from '../src/server/lib/access';
import { openDatabase } from '../src/server/db/database';
import { createUsersRepository } from '../src/server/db/users-repository';
import { fmt, runLoad } from './load';

const CLIENTS = 4;
const TOTAL = 6000;
const MEMBERS = 500;

const dir = mkdtempSync(join(tmpdir(), 'tapdesk-bench-'));
const db = openDatabase(join(dir, 'bench.db'));
await createUsersRepository(db).create('bench@example.com', 'bench-password', true, []);
const app = await buildApp({ db, logLevel: 'silent' });
app.post('/bench/bare', { config: { access: ANONYMOUS } }, async () => ({ ok: true }));
const base = await app.listen({ port: 0, host: '127.0.0.1' });

const json = { 'content-type': 'application/json' };
const tokenRes = await fetch(`${base}/api/token`, {
  method: 'POST',
  body: new URLSearchParams({ grant_type: 'password', username: 'bench@example.com', password: 'bench-password' }),
});
const { access_token: token } = (await tokenRes.json()) as { access_token: string };
const auth = { ...json, authorization: `Bearer ${token}` };
const post = async (path: string, body: unknown) => {
  const res = await fetch(`${base}${path}`, { method: 'POST', headers: auth, body: JSON.stringify(body) });
  const parsed = (await res.json()) as { Value?: { Id: number } };
  return parsed.Value?.Id ?? 0;
};

const business = await post('/api/sys/businesses', { Name: 'Bench', TimeZone: 'Europe/London', CurrencyCode: 'GBP' });
const timePass = await post('/api/billing/timepasses', {
  BusinessId: business,
  Name: 'Big time pass',
  Price: 10,
  CurrencyId: 1,
  MinutesIncluded: 1_000_000,
});
const members: number[] = [];
for (let i = 0; i < MEMBERS; i += 1) {
  const id = await post('/api/spaces/coworkers', {
    FullName: `Member ${i}`,
    Email: `m${i}@example.com`,
    CountryId: 1,
    SimpleTimeZoneId: 1,
  });
  await post('/api/billing/coworkertimepasses', { CoworkerId: id, BusinessId: business, TimePassId: timePass, CreateMultiple: 1 });
  members.push(id);
}

const plan = { base, token, clients: CLIENTS, businessId: business, members };
await runLoad({ ...plan, total: 500, kind: 'bare' }); // warm-up
const baseline = await runLoad({ ...plan, total: TOTAL, kind: 'bare' });
const creates = await runLoad({ ...plan, total: TOTAL, kind: 'checkin' });
const created = Number(db.prepare('SELECT COUNT(*) FROM checkins').pluck().get());

console.log(`api: ${CLIENTS} concurrent clients, ${TOTAL} requests each run`);
console.log(
  `  baseline bare POST route : ${fmt(baseline.perSecond, 0)} req/s, p50 ${fmt(baseline.p50, 2)} ms, p99 ${fmt(baseline.p99, 2)} ms`,
);
console.log(
  `  POST /api/spaces/checkins: ${fmt(creates.perSecond, 0)} creates/s, p50 ${fmt(creates.p50, 2)} ms, p99 ${fmt(creates.p99, 2)} ms`,
);
console.log(`  statuses: ${[...creates.statuses].map(([s, n]) => `${s}×${n}`).join(', ')}; check-ins stored: ${created}`);
console.log(
  `  ratio creates/bare: ${fmt(creates.perSecond / baseline.perSecond, 3)} (target: ≥ 2000 creates/s → ${creates.perSecond >= 2000 ? 'met' : 'NOT met'})`,
);

await app.close();
db.close();
rmSync(dir, { recursive: true, force: true });
if (creates.statuses.find(([status]) => status === 200)?.[1] !== TOTAL) process.exitCode = 1;
