import { adminApi, expectAccessible, findMember, pairTablet, screenshots } from './helpers';
import { expect, test } from './fixtures';

test('a contact with no pass sees the PAYG price, declines without a charge, then accepts', async ({ page, server }) => {
  const api = await adminApi(server);
  const bruno = await api.coworkerId('Bruno Díaz');
  await pairTablet(page);
  await findMember(page, 'bru', 'Bruno Díaz');
  await expect(page.getByText('Pay As You Go applies')).toBeVisible();
  await expect(page.getByText('£6.00 per hour, charged in 15-minute steps of £1.50.')).toBeVisible();
  await expect(page.getByText('At most £20.00 today.')).toBeVisible();
  await page.getByRole('button', { name: 'Check in and agree to pay' }).click();
  await expect(page.getByText('Please agree to the charge to check in.')).toBeVisible();
  await screenshots(page, 'member-payg');
  await expectAccessible(page);

  // Declining is walking away: nothing is recorded, nothing is charged.
  await page.getByRole('button', { name: 'Back' }).click();
  expect(await api.checkins(`&Checkin_Coworker=${bruno}`)).toHaveLength(0);
  expect(await api.passesOf(bruno)).toHaveLength(0);

  await page.getByLabel('Your name or company').fill('Díaz');
  await page.getByRole('button', { name: /Bruno Díaz/ }).click();
  await page.getByLabel('I agree to be charged').check();
  await page.getByRole('button', { name: 'Check in and agree to pay' }).click();
  await expect(page.getByText('Pay As You Go started: £6.00 per hour')).toBeVisible();
  await screenshots(page, 'result-payg');
  const [checkin] = await api.checkins(`&Checkin_Coworker=${bruno}`);
  expect(checkin).toMatchObject({ Source: 4 });
  const passes = await api.passesOf(bruno);
  expect(passes).toHaveLength(1);
  expect(passes[0]).toMatchObject({ IsPayAsYouGo: true, UniqueId: checkin?.CoworkerTimePassGuid, Price: 1.5 });
});

test('a customer with nothing valid and no PAYG at the location is told why', async ({ page, server }) => {
  const api = await adminApi(server);
  const chloe = await api.coworkerId('Chloé Dubois');
  await pairTablet(page, 'Tokyo Shibuya');
  await findMember(page, 'chloe', 'Chloé Dubois');
  await expect(page.getByText('You don’t have a valid pass for this location right now')).toBeVisible();
  await expect(page.getByText('Please see the front desk to buy a pass.')).toBeVisible();
  await expect(page.getByRole('button', { name: /Check in/ })).toHaveCount(0);
  await screenshots(page, 'member-no-valid-pass');
  await expectAccessible(page);
  expect(await api.checkins(`&Checkin_Coworker=${chloe}`)).toHaveLength(0);
});

test('the PIN is asked before a charge where the location wants it', async ({ page, server }) => {
  const api = await adminApi(server);
  const ana = await api.coworkerId('Ana María Gómez');
  await pairTablet(page, 'Berlin Mitte');
  await findMember(page, 'ana', 'Ana María Gómez');
  await expect(page.getByText('€18.00 for the day.')).toBeVisible();
  await page.getByLabel('I agree to be charged').check();
  const pad = page.getByRole('group', { name: 'Enter your PIN to agree to the charge' });
  for (const digit of '77889') await pad.getByRole('button', { name: digit, exact: true }).click();
  await screenshots(page, 'member-payg-pin');
  await expectAccessible(page);
  await pad.getByRole('button', { name: 'OK' }).click();
  await expect(page.getByText('Pay As You Go: €18.00 for the day')).toBeVisible();
  expect(await api.checkins(`&Checkin_Coworker=${ana}`)).toHaveLength(1);
});
