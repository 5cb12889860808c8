/**
 * Drains 200 queued taps from an outbox into the real gateway over HTTP with 50 ms of added
 * latency per request, with Tapdesk's replay (batches in parallel lanes) and with a one-at-a-time
 * replay of 200 other taps (batch size 1, one lane) in the same run, and prints the ratio.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OutboxEntry } from '../src/contract/outbox';
import { PairResponseSchema } from '../src/contract/kiosk-api';
import { buildApp } from '../src/server/app';
import { openDatabase } from '../src/server/db/database';
import { createDevicesRepository } from '../src/server/db/devices-repository';
import { businessesTable, coworkersTable, timePassesTable } from '../src/server/db/nexudus-tables';
import { insertRow } from '../src/server/db/table';
import { createCoworkerTimePassesRepository } from '../src/server/db/coworker-timepasses-repository';
import { buildBusiness, buildCoworker, buildCoworkerTimePass, buildTimePass } from '../src/server/seed/builders';
import { createMemoryOutboxStore } from '../src/sw/outbox-store';
import { createReplayer } from '../src/sw/replay';

const TAPS = 200;
const LATENCY_MS = 50;
const TARGET = 10;

const dir = mkdtempSync(join(tmpdir(), 'tapdesk-bench-replay-'));
const db = openDatabase(join(dir, 'bench.db'));
const business = insertRow(db, businessesTable, buildBusiness({ Name: 'Bench', DailyCutoffTime: '00:00' }), 'bench', 'GBP');
const dayPass = insertRow(db, timePassesTable, buildTimePass({ BusinessId: business }), 'bench', 'GBP');
const issuer = createCoworkerTimePassesRepository(db);
const members: number[] = [];
for (let i = 0; i < TAPS * 2; i += 1) {
  const id = insertRow(
    db,
    coworkersTable,
    buildCoworker({ FullName: `Member ${i}`, Email: `m${i}@example.com`, InvoicingBusinessId: business }),
    'bench',
    'GBP',
  );
  issuer.issue(buildCoworkerTimePass({ CoworkerId: id, BusinessId: business, TimePassId: dayPass }), 'bench');
  members.push(id);
}

const app = await buildApp({ db, logLevel: 'silent' });
app.addHook('onRequest', async (request) => {
  if (request.url.startsWith('/kiosk/')) await new Promise((r) => setTimeout(r, LATENCY_MS));
});
const base = await app.listen({ port: 0, host: '127.0.0.1' });
const { code } = createDevicesRepository(db).createPairingCode(business, 'bench');
const paired = await fetch(`${base}/kiosk/v1/pair`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ code, deviceName: 'Bench', staffPin: '1234' }),
});
const { deviceToken } = PairResponseSchema.parse(await paired.json());

async function drain(coworkers: number[], options: { batchSize: number; lanes: number }): Promise<number> {
  const store = createMemoryOutboxStore();
  const now = Date.now();
  for (const [i, coworkerId] of coworkers.entries()) {
    const clientId = randomUUID();
    const entry: OutboxEntry = {
      clientId,
      seq: i,
      tap: {
        clientId,
        coworkerId,
        action: 'in',
        tappedAt: new Date(now - (coworkers.length - i) * 1000).toISOString(),
        acceptedCharge: false,
      },
      token: deviceToken,
      memberName: null,
      state: 'pending',
      attempts: 0,
      queuedAt: new Date(now).toISOString(),
      nextAttemptAt: 0,
      lastError: null,
      rejection: null,
    };
    await store.put(entry);
  }
  const started = performance.now();
  await createReplayer(store, { fetch: (url, init) => fetch(url, init), baseUrl: base, ...options }).replay();
  const seconds = (performance.now() - started) / 1000;
  const left = (await store.all()).length;
  if (left > 0) throw new Error(`${left} taps were not drained`);
  return seconds;
}

const oneAtATime = await drain(members.slice(TAPS), { batchSize: 1, lanes: 1 });
const tapdesk = await drain(members.slice(0, TAPS), { batchSize: 25, lanes: 4 });
const recorded = Number(db.prepare('SELECT COUNT(*) FROM checkins').pluck().get());
const ratio = oneAtATime / tapdesk;
console.log(`replay: ${TAPS} queued taps each run, ${LATENCY_MS} ms added latency per request`);
console.log(`  baseline one-at-a-time: ${oneAtATime.toFixed(2)} s`);
console.log(`  Tapdesk batched lanes : ${tapdesk.toFixed(2)} s (batches of 25, 4 lanes)`);
console.log(`  check-ins recorded: ${recorded} (expected ${TAPS * 2})`);
console.log(`  speed-up: ${ratio.toFixed(1)}x (target ≥ ${TARGET}x → ${ratio >= TARGET ? 'met' : 'NOT met'})`);
await app.close();
db.close();
rmSync(dir, { recursive: true, force: true });
if (recorded !== TAPS * 2) process.exitCode = 1;
