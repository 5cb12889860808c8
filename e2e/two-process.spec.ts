import type { Browser, Page } from '@playwright/test';
import { z } from 'zod';
import { openDatabase } from '../src/server/db/database';
import { hashPassword } from '../src/server/lib/passwords';
import { expect, test } from './fixtures';
import { adminApi, expectAccessible, pairTablet, screenshots, signInAdmin } from './helpers';
import { checkInByName, readyForOffline, uniqueMembers } from './offline-helpers';
import { GATEWAY_USER, type TapdeskServer } from './server';

/**
 * Production's shape, in a real browser: the tablet talks to a gateway, which talks over HTTP to a
 * stand-in Nexudus that keeps Nexudus's published limits. Nexudus stops, throttles and signs the
 * gateway out; the member at the desk is told their check-in is safe, the admin page says what is
 * happening, and in the end every tap is in Nexudus exactly once.
 */
test.describe.configure({ timeout: 300_000 });

const QUEUED = 'We’ll send it to the front desk as soon as the connection is back.';

/** The admin page, on another computer (its own browser context), signed in while Nexudus is up. */
async function adminPage(browser: Browser, server: TapdeskServer): Promise<Page> {
  const context = await browser.newContext({ baseURL: server.url, viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await signInAdmin(page);
  await expect(page.getByRole('region', { name: 'Nexudus connection' }).getByText('Signed in to Nexudus')).toBeVisible();
  return page;
}
const connection = (admin: Page) => admin.getByRole('region', { name: 'Nexudus connection' });
/** The admin page refreshes every 15 s; reloading shows the latest at once. */
async function expectConnection(admin: Page, text: string | RegExp) {
  await expect(async () => {
    await admin.reload();
    await expect(connection(admin).getByText(text).first()).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
}

async function tapIn(page: Page, name: string, queued: boolean) {
  await checkInByName(page, name);
  if (queued) {
    await expect(page.getByRole('heading', { name: 'You’re checked in' })).toBeVisible();
    await expect(page.getByText(QUEUED)).toBeVisible();
  } else {
    await expect(page.getByRole('heading', { name: /Checked in at \d\d:\d\d/ })).toBeVisible();
  }
  await page.getByRole('button', { name: 'Done' }).click();
}

/** Changes the gateway user's password in the stand-in (as an operator would in Nexudus): its sessions end. */
async function setGatewayPassword(server: TapdeskServer, password: string) {
  const db = openDatabase(server.dbPath);
  try {
    db.prepare('UPDATE users SET PasswordHash = ? WHERE Email = ?').run(await hashPassword(password), GATEWAY_USER.email);
    const mine = 'UserId = (SELECT Id FROM users WHERE Email = ?)';
    db.prepare(`DELETE FROM access_tokens WHERE ${mine}`).run(GATEWAY_USER.email);
    db.prepare(`DELETE FROM refresh_tokens WHERE ${mine}`).run(GATEWAY_USER.email);
  } finally {
    db.close();
  }
}

/** Spends the gateway user's per-minute allowance at the stand-in, as another integration on that account would. */
async function exhaustGatewayAllowance(server: TapdeskServer) {
  const token = await fetch(`${server.apiUrl}/api/token`, {
    method: 'POST',
    body: new URLSearchParams({ grant_type: 'password', username: GATEWAY_USER.email, password: GATEWAY_USER.password }),
  }).then(async (res) => z.object({ access_token: z.string() }).parse(await res.json()).access_token);
  for (let i = 0; i < 200; i += 1) {
    const res = await fetch(`${server.apiUrl}/api/sys/businesses?size=1`, { headers: { authorization: `Bearer ${token}` } });
    if (res.status === 429) return;
  }
  throw new Error('the stand-in never throttled');
}

test('Nexudus stops, throttles and signs the gateway out: the desk keeps working and every tap arrives once', async ({
  page,
  browser,
  server,
}) => {
  test.skip(server.upstream === undefined, 'needs the two-process setup');
  const upstream = server.upstream;
  if (!upstream) return;
  await pairTablet(page);
  await readyForOffline(page);
  const members = await uniqueMembers(page, 4);
  const [online, whileDown, whileThrottled, whileSignedOut] = members.map((m) => m.name);
  const api = await adminApi(server);
  const before = await api.checkins();
  const admin = await adminPage(browser, server);

  await tapIn(page, online ?? '', false);

  // Nexudus goes away: the member is told the check-in is safe; staff see why and that it waits.
  await upstream.stop();
  await tapIn(page, whileDown ?? '', true);
  await expectConnection(admin, 'Nexudus cannot be reached');
  await expect(connection(admin).getByText(/1 check-in waits for Nexudus/)).toBeVisible();
  await upstream.start();
  await expectConnection(admin, 'Signed in to Nexudus');

  // Nexudus throttles the gateway's account: the tap waits for its Retry-After and then goes.
  await exhaustGatewayAllowance(server);
  await tapIn(page, whileThrottled ?? '', true);
  // The admin page counts each time Nexudus asked Tapdesk to wait.
  await expectConnection(admin, /Throttled \d+ times?/);

  // The gateway user's password is changed in Nexudus: "signed out", taps keep queuing.
  await setGatewayPassword(server, 'changed-by-the-operator');
  await tapIn(page, whileSignedOut ?? '', true);
  await expectConnection(admin, 'Signed out of Nexudus');
  await expect(connection(admin).getByText(/NEXUDUS_PASSWORD/)).toBeVisible();
  await expect(connection(admin).getByText(/check-ins? waits? for Nexudus/)).toBeVisible();
  await screenshots(admin, 'admin-signed-out-of-nexudus');
  await expectAccessible(admin);
  // The fix: the right password again, and a restart of Tapdesk (the held taps are on disk).
  await setGatewayPassword(server, GATEWAY_USER.password);
  await server.stop();
  await server.start();
  await expectConnection(admin, 'Signed in to Nexudus');

  // Every member's check-in is in Nexudus exactly once, with Source 4; nothing waits anywhere.
  const ids = new Set(members.map((m) => m.id));
  await expect.poll(async () => (await api.checkins()).length - before.length, { timeout: 120_000, intervals: [1_000] }).toBe(4);
  const mine = (await api.checkins()).filter((c) => ids.has(c.CoworkerId ?? 0) && !before.some((b) => b.Id === c.Id));
  expect(mine).toHaveLength(4);
  expect(new Set(mine.map((c) => c.CoworkerId)).size).toBe(4);
  expect(mine.every((c) => c.Source === 4)).toBe(true);
  await expect(page.getByText(/waiting to send/)).toHaveCount(0, { timeout: 60_000 });
  await expectConnection(admin, 'Signed in to Nexudus');
  await expect(connection(admin).getByText(/waits? for Nexudus/)).toHaveCount(0);
});
