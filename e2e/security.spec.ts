import { expectAccessible, pairTablet, screenshots, signInAdmin } from './helpers';
import { expect, test } from './fixtures';

test('wrong PINs lock the desk; staff see the lockout on the tablet and lift it on the admin page', async ({ page }) => {
  await pairTablet(page);
  await page.getByRole('button', { name: 'Check in / out' }).click();
  await page.getByRole('button', { name: 'Use my PIN' }).click();
  const pin = page.getByRole('textbox', { name: 'PIN' });
  for (const guess of ['11111', '11112', '11113', '11114', '11115']) {
    await pin.fill(guess);
    await page.getByRole('button', { name: 'OK' }).click();
    await expect(page.getByText('We could not find that PIN. Please try again.')).toBeVisible();
  }
  // The right PIN does not help now: the tablet is locked.
  await pin.fill('24680');
  await page.getByRole('button', { name: 'OK' }).click();
  await expect(page.getByText(/Too many tries/)).toBeVisible();

  await page.goto('/');
  await page.getByRole('button', { name: 'Staff' }).click();
  await page.getByRole('textbox', { name: 'Staff PIN' }).fill('2468');
  await page.getByRole('button', { name: 'OK' }).click();
  await expect(page.getByText(/Member PIN and card entry on the tablet Front desk London Shoreditch — locked until/)).toBeVisible();
  await screenshots(page, 'staff-lockouts');
  await expectAccessible(page);

  await page.goto('/admin');
  const table = page.getByRole('table', { name: 'Lockouts' });
  await expect(table.getByRole('cell', { name: 'Tablet: Front desk London Shoreditch' })).toBeVisible();
  await screenshots(page, 'admin-lockouts');
  await expectAccessible(page);
  await table.getByRole('button', { name: /Clear lockout for Member PIN and card entry on the tablet/ }).click();
  await expect(page.getByText('No lockouts in force.')).toBeVisible();

  await page.goto('/');
  await page.getByRole('button', { name: 'Check in / out' }).click();
  await page.getByRole('button', { name: 'Use my PIN' }).click();
  await page.getByRole('textbox', { name: 'PIN' }).fill('24680');
  await page.getByRole('button', { name: 'OK' }).click();
  await expect(page.getByRole('heading', { name: 'Hello, Amélie' })).toBeVisible();
});

test('staff sign out of the admin page and the session stops working', async ({ page, server }) => {
  await signInAdmin(page);
  await expect(page.getByRole('heading', { name: 'Pair a tablet' })).toBeVisible();
  const token = await page.evaluate(() => sessionStorage.getItem('tapdesk.staff'));
  expect(token).toBeTruthy();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  const res = await fetch(`${server.url}/kiosk/v1/admin/devices`, { headers: { authorization: `Bearer ${token ?? ''}` } });
  expect(res.status).toBe(401);
});

test('the real server sends its security headers and caching rules', async ({ page, server }) => {
  const shell = await fetch(`${server.url}/`);
  expect(shell.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
  expect(shell.headers.get('cache-control')).toBe('no-cache');
  expect((await fetch(`${server.url}/sw.js`)).headers.get('cache-control')).toBe('no-cache');
  await page.goto('/');
  const asset = await page.evaluate(() => document.querySelector<HTMLScriptElement>('script[type="module"]')?.src ?? '');
  expect(asset).toMatch(/\/assets\//);
  expect((await fetch(asset)).headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  const form = await fetch(`${server.url}/kiosk/v1/pair`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'code=AAAA-AAAA',
  });
  expect(form.status).toBe(415);
});
