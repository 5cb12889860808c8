/**
 * `npm run bench -- load`: 10 tablets' worth of taps through the gateway at a steady 10 check-ins
 * and check-outs a second for LOAD_MINUTES (10) minutes — arrivals found by name (status, then
 * check-in) or by PIN (identify, status, check-in), and check-outs — against a real server
 * process on a real SQLite file, with 5,000 members. Open loop: each tap starts at its scheduled
 * time whether or not the earlier ones finished, as at a real desk. Prints the rate sustained,
 * errors, p50/p99 per kind against the target (≥ 10/s, 0 errors) and the SQLite file's growth.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PairResponseSchema } from '../src/contract/kiosk-api';
import { buildApp } from '../src/server/app';
import { openDatabase } from '../src/server/db/database';
import { createDevicesRepository } from '../src/server/db/devices-repository';
import { createUsersRepository } from '../src/server/db/users-repository';
import { buildBusiness, buildCoworker, buildCoworkerTimePass, buildTimePass } from '../src/server/seed/builders';
import { tokenFor } from '../src/server/testing/test-api';
import { startServerProcess } from './server-process';

const MINUTES = Number(process.env.LOAD_MINUTES ?? 10);
const RATE = 10; // taps a second, all tablets together
const TABLETS = 10;
const MEMBERS = 5_000;
const TARGET_RATE = 10;

const dir = mkdtempSync(join(tmpdir(), 'tapdesk-load-'));
const dbPath = join(dir, 'tapdesk.db');
const db = openDatabase(dbPath);
await createUsersRepository(db).create('load-admin@tapdesk.test', 'load-admin-password', true, []);
const setup = await buildApp({ db, logLevel: 'silent' });
const token = await tokenFor(setup, 'load-admin@tapdesk.test', 'load-admin-password');
const post = async (url: string, payload: object): Promise<number> => {
  const res = await setup.inject({ method: 'POST', url, payload, headers: { authorization: `Bearer ${token}` } });
  if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
  return (res.json() as { Value: { Id: number } }).Value.Id;
};
const hub = await post(
  '/api/sys/businesses',
  buildBusiness({ Name: 'Load Hub', TimeZone: 'UTC', CurrencyCode: 'GBP', DailyCutoffTime: '00:00' }),
);
const hours = await post('/api/billing/timepasses', buildTimePass({ BusinessId: hub, Name: 'Flexi hours', MinutesIncluded: 1_000_000 }));
const members: { id: number; pin: string }[] = [];
for (let i = 0; i < MEMBERS; i += 50) {
  const batch = await Promise.all(
    Array.from({ length: Math.min(50, MEMBERS - i) }, async (_, j) => {
      const pin = String(200_000 + (i + j) * 7);
      const id = await post(
        '/api/spaces/coworkers',
        buildCoworker({ FullName: `Load Member ${i + j}`, Email: `load${i + j}@bench.test`, InvoicingBusinessId: hub, AccessPincode: pin }),
      );
      await post('/api/billing/coworkertimepasses', buildCoworkerTimePass({ CoworkerId: id, BusinessId: hub, TimePassId: hours }));
      return { id, pin };
    }),
  );
  members.push(...batch);
}
await setup.close();

const { port, base, child: server } = await startServerProcess({ DB_PATH: dbPath, SEED: 'none' });

const agent = new Agent({ keepAlive: true, maxSockets: 64 });
function call(method: 'GET' | 'POST', path: string, bearer: string, body?: object): Promise<{ status: number; json: unknown }> {
  const json = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        agent,
        host: '127.0.0.1',
        port,
        path: `/kiosk/v1${path}`,
        method,
        headers: {
          authorization: `Bearer ${bearer}`,
          ...(json ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(json) } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode ?? 0, json: text ? (JSON.parse(text) as unknown) : null });
        });
      },
    );
    req.on('error', reject);
    req.end(json);
  });
}

const tablets: string[] = [];
for (let t = 0; t < TABLETS; t += 1) {
  const { code } = createDevicesRepository(db).createPairingCode(hub, 'load');
  const res = await fetch(`${base}/kiosk/v1/pair`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code, deviceName: `Tablet ${t + 1}`, staffPin: '2468' }),
  });
  tablets.push(PairResponseSchema.parse(await res.json()).deviceToken);
}
// Each tablet loads its member list once, as a tablet does at start.
await Promise.all(tablets.map((t) => call('GET', '/directory', t)));

const size = () => ['', '-wal'].reduce((n, suffix) => n + (statSync(`${dbPath}${suffix}`, { throwIfNoEntry: false })?.size ?? 0), 0);
const sizeBefore = size();
type Kind = 'name' | 'pin' | 'out';
const latencies: Record<Kind, number[]> = { name: [], pin: [], out: [] };
const errors: string[] = [];
const inside: { id: number; since: number }[] = [];
const outside = [...members];
let seed = 11;
const random = () => (seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0) / 4_294_967_296;

async function tap(i: number): Promise<void> {
  const tablet = tablets[i % TABLETS] ?? '';
  const now = Date.now();
  const leaving = inside.length > 0 && (inside[0]?.since ?? now) < now - 20_000 && random() < 0.45;
  const kind: Kind = leaving ? 'out' : random() < 1 / 3 ? 'pin' : 'name';
  const member = leaving ? inside.shift() : outside.splice(Math.floor(random() * outside.length), 1)[0];
  if (!member) return;
  const started = performance.now();
  const tapped = new Date().toISOString();
  const submit = (action: 'in' | 'out') =>
    call('POST', '/checkins', tablet, {
      clientId: randomUUID(),
      coworkerId: member.id,
      action,
      tappedAt: tapped,
      deviceNow: new Date().toISOString(),
    });
  try {
    let result;
    if (kind === 'out') result = await submit('out');
    else {
      if (kind === 'pin') {
        const pin = members.find((m) => m.id === member.id)?.pin ?? '';
        const found = await call('POST', '/identify', tablet, { method: 'pin', value: pin });
        if (found.status !== 200) throw new Error(`identify ${found.status}`);
      }
      const status = await call('GET', `/members/${member.id}/status`, tablet);
      if (status.status !== 200) throw new Error(`status ${status.status}`);
      result = await submit('in');
    }
    const answer = result.json as { status?: string; code?: string };
    if (result.status !== 200 || answer.status === 'refused')
      throw new Error(`${kind}: ${result.status} ${answer.status ?? ''} ${answer.code ?? ''}`);
    latencies[kind].push(performance.now() - started);
    if (kind === 'out') outside.push(members.find((m) => m.id === member.id) ?? { id: member.id, pin: '' });
    else inside.push({ id: member.id, since: Date.now() });
  } catch (error) {
    errors.push(error instanceof Error ? error.message : String(error));
  }
}

console.log(
  `load: ${RATE} taps/s from ${TABLETS} tablets for ${MINUTES} min, ${MEMBERS.toLocaleString('en')} members, real server process`,
);
const total = MINUTES * 60 * RATE;
const started = Date.now();
const pending: Promise<void>[] = [];
for (let i = 0; i < total; i += 1) {
  const due = started + (i * 1000) / RATE;
  const wait = due - Date.now();
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  pending.push(tap(i));
  if (i % (RATE * 60) === RATE * 60 - 1) console.log(`  minute ${(i + 1) / (RATE * 60)}: ${errors.length} errors so far`);
}
await Promise.all(pending);
const seconds = (Date.now() - started) / 1000;
const done = latencies.name.length + latencies.pin.length + latencies.out.length;
const pct = (values: number[], q: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))] ?? NaN;
console.log(
  `  sustained ${(done / seconds).toFixed(2)} taps/s (target ≥ ${TARGET_RATE}: ${done / seconds >= TARGET_RATE * 0.99 ? 'met' : 'NOT met'}), ${errors.length} errors (target 0)`,
);
for (const kind of ['name', 'pin', 'out'] as Kind[]) {
  const l = latencies[kind];
  console.log(
    `  ${kind.padEnd(4)} ${String(l.length).padStart(5)} taps  p50 ${pct(l, 0.5).toFixed(1)} ms  p99 ${pct(l, 0.99).toFixed(1)} ms`,
  );
}
if (errors.length) console.log(`  first errors: ${[...new Set(errors)].slice(0, 5).join('; ')}`);
console.log(
  `  SQLite file grew by ${((size() - sizeBefore) / 1024 / 1024).toFixed(1)} MiB (${((size() - sizeBefore) / Math.max(1, done)).toFixed(0)} bytes a tap)`,
);
agent.destroy();
server.kill('SIGTERM');
db.close();
rmSync(dir, { recursive: true, force: true });
