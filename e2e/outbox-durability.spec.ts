import { chromium } from '@playwright/test';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_ARGS } from '../playwright.config';
import { adminApi, expectAccessible, pairTablet, screenshots, signInAdmin } from './helpers';
import { countCheckins, queueWhileServerDown, readyForOffline, replayNow, sendTaps } from './offline-helpers';
import { expect, test } from './fixtures';

test.describe.configure({ timeout: 120_000 });

test('taps left pending when the browser closes are sent when it opens again', async ({ server }) => {
  const profile = mkdtempSync(join(tmpdir(), 'tapdesk-profile-'));
  const launch = () =>
    chromium.launchPersistentContext(profile, {
      executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
      baseURL: server.url,
    });
  try {
    let context = await launch();
    let page = context.pages()[0] ?? (await context.newPage());
    await pairTablet(page);
    const { before } = await queueWhileServerDown(page, server, 5);
    await context.close();

    await server.start();
    context = await launch();
    page = context.pages()[0] ?? (await context.newPage());
    await page.goto('/');
    await expect.poll(async () => (await countCheckins(server.dbPath)) - before, { timeout: 60_000 }).toBe(5);
    await context.close();
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
});

test('a 500 from the gateway keeps the tap; a refused tap is shown to staff with its reason', async ({ page, context, server }) => {
  await pairTablet(page);
  await readyForOffline(page);
  const api = await adminApi(server);
  const bruno = await api.coworkerId('Bruno Díaz');
  const amelie = await api.coworkerId('Amélie Laurent');

  let failing = true;
  await context.route('**/kiosk/v1/checkins/batch', (route) => (failing ? route.fulfill({ status: 500, body: '{}' }) : route.continue()));
  // Bruno needs PAYG and did not agree (a stale offline view could do that): the gateway refuses it.
  expect(
    await sendTaps(page, [
      { coworkerId: amelie, tappedAt: new Date().toISOString() },
      { coworkerId: bruno, tappedAt: new Date().toISOString(), acceptedCharge: false, memberName: 'Bruno Díaz' },
    ]),
  ).toEqual([202, 202]);
  await expect(page.getByText('2 check-ins waiting to send')).toBeVisible();
  // The tablet reports its outbox; staff see it on the admin page.
  const admin = await context.newPage();
  await signInAdmin(admin);
  await expect(admin.getByRole('cell', { name: /^2 pending/ })).toBeVisible({ timeout: 20_000 });
  await admin.close();
  expect(await api.checkins(`&Checkin_Coworker=${amelie}`)).toHaveLength(0);

  failing = false;
  await replayNow(page);
  await expect.poll(async () => (await api.checkins(`&Checkin_Coworker=${amelie}`)).length, { timeout: 30_000 }).toBe(1);
  await page.getByRole('button', { name: 'Staff' }).click();
  await page.getByRole('textbox', { name: 'Staff PIN' }).fill('2468');
  await page.getByRole('button', { name: 'OK' }).click();
  await expect(page.getByText(/0 pending, 0 sending, 1 rejected/)).toBeVisible();
  const row = page.getByRole('row', { name: /Bruno Díaz/ });
  await expect(row).toContainText('Rejected');
  await expect(row).toContainText('A Pay As You Go charge applies and was not accepted.');
  await screenshots(page, 'staff-outbox');
  await expectAccessible(page);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export as JSON' }).click();
  expect((await download).suggestedFilename()).toMatch(/^tapdesk-outbox-.*\.json$/);
  expect(await api.checkins(`&Checkin_Coworker=${bruno}`)).toHaveLength(0);
});

test('a service-worker update keeps every queued tap and sends each once', async ({ page, server }) => {
  await pairTablet(page);
  const { before } = await queueWhileServerDown(page, server, 6);
  const firstWorker = await page.evaluate(async () => (await navigator.serviceWorker.ready).active?.scriptURL);

  // Ship a new worker: same app, different bytes.
  const swPath = join('dist', 'sw.js');
  const original = readFileSync(swPath, 'utf8');
  try {
    writeFileSync(swPath, `${original}\n// next version\n`);
    await server.start();
    const reloaded = page.waitForEvent('load');
    await page.evaluate(async () => {
      await (await navigator.serviceWorker.getRegistration())?.update();
    });
    // The kiosk rests on its start screen, so it takes the update at once and reloads.
    await reloaded;
    await expect(page.getByRole('button', { name: 'Check in / out' })).toBeVisible();
    expect(await page.evaluate(async () => (await navigator.serviceWorker.ready).active?.scriptURL)).toBe(firstWorker);
    await expect.poll(async () => (await countCheckins(server.dbPath)) - before, { timeout: 60_000 }).toBe(6);
    await page.waitForTimeout(2_000);
    expect((await countCheckins(server.dbPath)) - before).toBe(6);
  } finally {
    writeFileSync(swPath, original);
  }
});
