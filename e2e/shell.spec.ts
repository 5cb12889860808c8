import { expect, test } from './fixtures';

test('the server serves the kiosk at /', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Tapdesk' })).toBeVisible();
});
