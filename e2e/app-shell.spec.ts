import { chromium } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_ARGS } from '../playwright.config';
import { expectAccessible, pairTablet, screenshots, signInAdmin } from './helpers';
import { readyForOffline } from './offline-helpers';
import { expect, test } from './fixtures';

test('setup and admin screens are accessible', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Set up this tablet' })).toBeVisible();
  await screenshots(page, 'setup');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Pair this tablet' }).click();
  await expect(page.getByText('Enter the 8-character code shown on the admin page.')).toBeVisible();
  await page.getByLabel('Pairing code').fill('ABCD-2345');
  await page.getByLabel(/Staff PIN/).fill('2468');
  await page.getByRole('button', { name: 'Pair this tablet' }).click();
  await expect(page.getByText(/wrong, expired or already used/)).toBeVisible();
  await expectAccessible(page);
  await page.goto('/admin');
  await screenshots(page, 'admin-sign-in');
  await expectAccessible(page);
  await pairTablet(page);
  await page.goto('/admin');
  await expect(page.getByRole('cell', { name: 'Front desk London Shoreditch' })).toBeVisible();
  await screenshots(page, 'admin');
  await expectAccessible(page);
});

test('idle on any screen returns to the start and clears what was typed', async ({ page }) => {
  await page.clock.install();
  await pairTablet(page);
  await page.getByRole('button', { name: 'Deutsch' }).click();
  await page.getByRole('button', { name: 'Ein- / Auschecken' }).click();
  await page.getByLabel('Ihr Name oder Ihre Firma').fill('Amé');
  await page.clock.fastForward('00:46');
  await expect(page.getByRole('button', { name: 'Check in / out' })).toBeVisible();
  await page.getByRole('button', { name: 'Check in / out' }).click();
  await expect(page.getByLabel('Your name or company')).toHaveValue('');
});

test('staff open their panel with the staff PIN', async ({ page }) => {
  await pairTablet(page);
  await page.getByRole('button', { name: 'Staff' }).click();
  await page.getByRole('textbox', { name: 'Staff PIN' }).fill('1111');
  await page.getByRole('button', { name: 'OK' }).click();
  await expect(page.getByText('That staff PIN is not right.')).toBeVisible();
  await page.getByRole('textbox', { name: 'Staff PIN' }).fill('2468');
  await page.getByRole('button', { name: 'OK' }).click();
  await expect(page.getByText('Front desk London Shoreditch')).toBeVisible();
  await screenshots(page, 'staff');
  await expectAccessible(page);
});

test('the kiosk is installable and its shell reloads offline', async ({ server }) => {
  // Chromium reports every incognito context as not installable: use a real profile.
  const profile = mkdtempSync(join(tmpdir(), 'tapdesk-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
    baseURL: server.url,
    viewport: { width: 1280, height: 800 },
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await pairTablet(page);
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await page.reload();
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    expect(installabilityErrors).toEqual([]);
    const manifest = await cdp.send('Page.getAppManifest');
    expect(manifest.errors).toEqual([]);
    await context.setOffline(true);
    await page.reload();
    await expect(page.getByRole('button', { name: 'Check in / out' })).toBeVisible();
    await expect(page.getByText('London Shoreditch', { exact: true })).toBeVisible();
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
});

test('a service worker whose install fails is installed again without a reload', async ({ page, context }) => {
  // Fetching one precached file fails (the network dropped mid-install) until the page has loaded
  // for the last time: every install so far fails, and nobody will reload a tablet at the desk.
  let failing = true;
  let aborted = 0;
  await context.route('**/icons/icon-maskable-512.png*', (route) => {
    if (!failing) return route.continue();
    aborted += 1;
    return route.abort('connectionreset');
  });
  await pairTablet(page);
  const workerState = () =>
    page.evaluate(async () => {
      const r = await navigator.serviceWorker.getRegistration('/');
      return r ? [r.installing, r.waiting, r.active].map((w) => w?.state ?? '-').join(' ') : 'none';
    });
  await expect.poll(() => aborted).toBeGreaterThan(0);
  await expect.poll(workerState, { timeout: 20_000 }).toMatch(/^(none|- - -)$/);
  failing = false;
  await readyForOffline(page);
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('button', { name: 'Check in / out' })).toBeVisible();
});

test('a tablet unpaired on the admin page goes back to setup and says why', async ({ page, context }) => {
  await pairTablet(page);
  const admin = await context.newPage();
  await signInAdmin(admin);
  await admin.getByRole('button', { name: 'Unpair' }).click();
  await expect(admin.getByRole('cell', { name: 'Unpaired' })).toBeVisible();
  await admin.close();
  // The tablet finds out by itself (its next background request is refused) or when a member taps,
  // whichever comes first: either way it goes back to setup.
  const setup = page.getByRole('heading', { name: 'Set up this tablet' });
  const memberTaps = async () => {
    await page.getByRole('button', { name: 'Check in / out' }).click({ timeout: 5_000 });
    await page.getByLabel('Your name or company').fill('amel', { timeout: 5_000 });
    await page.getByRole('button', { name: /Amélie Laurent/ }).click({ timeout: 5_000 });
  };
  if (!(await setup.isVisible())) await memberTaps().catch(() => undefined);
  await expect(setup).toBeVisible();
  await expect(page.getByText('This tablet was unpaired by staff.')).toBeVisible();
});
