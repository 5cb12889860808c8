import { expect, type Page } from '@playwright/test';
import { z } from 'zod';
import { openDatabase } from '../src/server/db/database';
import type { TapdeskServer } from './server';

async function directory(page: Page): Promise<{ id: number; displayName: string }[]> {
  const raw = await page.evaluate(async () => {
    const stored = JSON.parse(localStorage.getItem('tapdesk.device') ?? '{}') as { token?: string };
    const res = await fetch('/kiosk/v1/directory', { headers: { authorization: `Bearer ${stored.token ?? ''}` } });
    return { status: res.status, body: (await res.json()) as unknown };
  });
  const members = z.object({ members: z.array(z.object({ id: z.number(), displayName: z.string() })) }).parse(raw.body).members;
  // An empty directory is never what a test expects: say what the server answered.
  if (members.length === 0) throw new Error(`the tablet's directory is empty: HTTP ${raw.status} ${JSON.stringify(raw.body)}`);
  return members;
}

export async function directoryMembers(page: Page, count: number): Promise<number[]> {
  const members = await directory(page);
  expect(members.length).toBeGreaterThanOrEqual(count);
  return members.slice(0, count).map((m) => m.id);
}

/** Directory members of the tablet's location whose full names are unique (so a tile is unambiguous). */
export async function uniqueMembers(page: Page, count: number): Promise<{ id: number; name: string }[]> {
  const members = await directory(page);
  const counts = new Map<string, number>();
  for (const m of members) counts.set(m.displayName, (counts.get(m.displayName) ?? 0) + 1);
  const unique = members.filter((m) => counts.get(m.displayName) === 1).map((m) => ({ id: m.id, name: m.displayName }));
  expect(unique.length).toBeGreaterThanOrEqual(count);
  return unique.slice(0, count);
}

/** Waits until the service worker controls the page and the member list and offline snapshot are on the tablet. */
export async function readyForOffline(page: Page): Promise<void> {
  // Polled from here with the worker's state in the message, so a failed install says what it saw.
  await expect
    .poll(
      () =>
        page.evaluate(async () => {
          if (navigator.serviceWorker.controller) return 'controlled';
          const r = await navigator.serviceWorker.getRegistration('/');
          if (!r) return 'no registration';
          return `not controlled: installing=${r.installing?.state ?? '-'} waiting=${r.waiting?.state ?? '-'} active=${r.active?.state ?? '-'}`;
        }),
      { timeout: 60_000, message: 'the service worker controls the page' },
    )
    .toBe('controlled');
  await page.waitForFunction(
    () =>
      new Promise<boolean>((resolve) => {
        const open = indexedDB.open('tapdesk-kiosk');
        // Never create the kiosk's database here, and never keep it open (that would block its upgrade).
        open.onupgradeneeded = () => open.transaction?.abort();
        open.onsuccess = () => {
          const db = open.result;
          const done = (ready: boolean) => {
            db.close();
            resolve(ready);
          };
          if (!db.objectStoreNames.contains('cache')) return done(false);
          // Both offline copies: the member list (names, also the hosts a walk-in chooses) and the snapshot.
          const cache = db.transaction('cache').objectStore('cache');
          const directory = cache.get('directory');
          const meta = cache.get('snapshot-meta');
          meta.onsuccess = () => done(directory.result !== undefined && meta.result !== undefined);
          meta.onerror = () => done(false);
        };
        open.onerror = () => resolve(false);
      }),
  );
}

/** A member checks in through the screens: by name, agreeing to PAYG where it applies. */
export async function checkInByName(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'Check in / out' }).click();
  await page.getByLabel('Your name or company').fill(name);
  await page.getByRole('button', { name: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) }).click();
  const agree = page.getByLabel('I agree to be charged');
  const checkIn = page.getByRole('button', { name: 'Check in', exact: true });
  await expect(agree.or(checkIn)).toBeVisible();
  if (await agree.isVisible()) {
    await agree.check();
    await page.getByRole('button', { name: 'Check in and agree to pay' }).click();
  } else {
    await checkIn.click();
  }
}

/** Queues taps straight through the page's fetch (and so the service worker), as the kiosk sends them. */
export async function sendTaps(
  page: Page,
  taps: { coworkerId: number; tappedAt: string; acceptedCharge?: boolean; memberName?: string }[],
): Promise<number[]> {
  return page.evaluate(async (list) => {
    const stored = JSON.parse(localStorage.getItem('tapdesk.device') ?? '{}') as { token?: string };
    const statuses: number[] = [];
    for (const { memberName, ...tap } of list) {
      const res = await fetch('/kiosk/v1/checkins', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${stored.token ?? ''}`,
          ...(memberName ? { 'x-tapdesk-member': encodeURIComponent(memberName) } : {}),
        },
        body: JSON.stringify({
          clientId: crypto.randomUUID(),
          action: 'in',
          acceptedCharge: true,
          ...tap,
          deviceNow: new Date().toISOString(),
        }),
      });
      statuses.push(res.status);
    }
    return statuses;
  }, taps);
}

export async function replayNow(page: Page): Promise<void> {
  await page.evaluate(() => navigator.serviceWorker.controller?.postMessage({ type: 'OUTBOX_REPLAY', force: true }));
}

/** Check-ins in the server's database, read straight from the file (works while the server is down). */
export async function countCheckins(dbPath: string): Promise<number> {
  const db = openDatabase(dbPath);
  try {
    return Number(db.prepare('SELECT COUNT(*) FROM checkins').pluck().get());
  } finally {
    db.close();
  }
}

/** The service worker's outbox entries as stored in IndexedDB. */
export async function outboxAttempts(page: Page): Promise<number[]> {
  const raw = await page.evaluate(
    () =>
      new Promise<unknown>((resolve) => {
        const open = indexedDB.open('tapdesk-outbox');
        open.onsuccess = () => {
          const all = open.result.transaction('entries').objectStore('entries').getAll();
          all.onsuccess = () => resolve(all.result);
        };
      }),
  );
  return z
    .array(z.object({ attempts: z.number() }))
    .parse(raw)
    .map((e) => e.attempts);
}

/** Kills the server and makes `count` members tap in: every tap must be answered 202 (queued). */
export async function queueWhileServerDown(
  page: Page,
  server: TapdeskServer,
  count: number,
): Promise<{ members: number[]; before: number }> {
  await readyForOffline(page);
  const members = await directoryMembers(page, count);
  const before = await countCheckins(server.dbPath);
  await server.kill();
  const statuses = await sendTaps(
    page,
    members.map((id) => ({ coworkerId: id, tappedAt: new Date().toISOString() })),
  );
  expect(statuses).toEqual(Array(count).fill(202));
  return { members, before };
}
