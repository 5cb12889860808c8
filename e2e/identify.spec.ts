import type { Page } from '@playwright/test';
import { adminApi, expectAccessible, pairTablet, screenshots } from './helpers';
import { expect, test } from './fixtures';

/**
 * A keyboard-wedge scanner types the whole code within milliseconds. Wait until the kiosk has
 * loaded its member list (a busy page would stretch the keys apart, as no real scanner does).
 */
async function scan(page: Page, code: string) {
  // The member list and the visit's screens load once the page is idle after its load event.
  await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.includes('/kiosk/v1/directory')));
  await page.waitForLoadState('networkidle');
  await page.keyboard.type(`${code}\n`);
}

test('a member identifies with their PIN; a wrong PIN is refused', async ({ page }) => {
  await pairTablet(page);
  await page.getByRole('button', { name: 'Check in / out' }).click();
  await page.getByRole('button', { name: 'Use my PIN' }).click();
  await expect(page.getByRole('heading', { name: 'Enter your PIN' })).toBeVisible();
  for (const digit of '11111') await page.getByRole('button', { name: digit, exact: true }).click();
  await page.getByRole('button', { name: 'OK' }).click();
  await expect(page.getByText('We could not find that PIN. Please try again.')).toBeVisible();
  await screenshots(page, 'pin');
  await expectAccessible(page);
  await page.getByRole('textbox', { name: 'PIN' }).fill('24680');
  await page.getByRole('button', { name: 'OK' }).click();
  await expect(page.getByRole('heading', { name: 'Hello, Amélie' })).toBeVisible();
});

test('a keyboard-wedge card scan on the start screen finds the member and checks them in', async ({ page, server }) => {
  const api = await adminApi(server);
  const dmitri = await api.coworkerId('Dmitri Ivanov');
  await pairTablet(page);
  await scan(page, 'CARD-DMITRI');
  await expect(page.getByRole('heading', { name: 'Hello, Dmitri' })).toBeVisible();
  await expect(page.getByText('10-Hour Pass', { exact: true })).toBeVisible();
  await expect(page.getByText(/10 h 00 min left/)).toBeVisible();
  await page.getByRole('button', { name: 'Check in', exact: true }).click();
  await expect(page.getByRole('heading', { name: /Checked in at/ })).toBeVisible();
  expect(await api.checkins(`&Checkin_Coworker=${dmitri}`)).toHaveLength(1);
});

test('an unknown card says so and leaves the kiosk usable', async ({ page }) => {
  await pairTablet(page);
  await scan(page, 'CARD-NOBODY');
  await expect(page.getByText('We could not find that card. Try again or find yourself by name.')).toBeVisible();
  await expect(page.getByLabel('Your name or company')).toBeVisible();
});
