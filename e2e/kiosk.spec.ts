import { adminApi, expectAccessible, findMember, pairTablet, screenshots } from './helpers';
import { expect, test } from './fixtures';

test('a member with a day pass checks in and out with Source 4 and that pass', async ({ page, server }) => {
  await pairTablet(page);
  await screenshots(page, 'attract');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Check in / out' }).click();
  await page.getByLabel('Your name or company').fill('amel');
  await screenshots(page, 'find');
  await expectAccessible(page);
  await page.getByRole('button', { name: /Amélie Laurent/ }).click();
  await expect(page.getByRole('heading', { name: 'Hello, Amélie' })).toBeVisible();
  await expect(page.getByText('Day Pass', { exact: true })).toBeVisible();
  await screenshots(page, 'member-pass');
  await expectAccessible(page);
  await page.getByRole('button', { name: 'Check in', exact: true }).click();
  await expect(page.getByRole('heading', { name: /Checked in at \d\d:\d\d/ })).toBeVisible();
  await screenshots(page, 'result-checked-in');
  await expectAccessible(page);

  const api = await adminApi(server);
  const amelie = await api.coworkerId('Amélie Laurent');
  const [checkin] = await api.checkins(`&Checkin_Coworker=${amelie}`);
  expect(checkin).toMatchObject({ Source: 4, ToTime: null });
  const pass = (await api.passesOf(amelie)).find((p) => p.UniqueId === checkin?.CoworkerTimePassGuid);
  expect(pass).toMatchObject({ TimePassName: 'Day Pass', Used: true, CheckedIn: true });

  await page.getByRole('button', { name: 'Done' }).click();
  await findMember(page, 'Laurent', 'Amélie Laurent');
  await expect(page.getByText(/You are checked in since \d\d:\d\d/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Check in', exact: true })).toHaveCount(0);
  await screenshots(page, 'member-checked-in');
  await page.getByRole('button', { name: 'Check out' }).click();
  await expect(page.getByRole('heading', { name: /Checked out at \d\d:\d\d/ })).toBeVisible();
  expect((await api.checkins(`&Checkin_Coworker=${amelie}`))[0]?.ToTime).not.toBeNull();
});

test('a mistaken check-in is undone from the result screen, charge and all', async ({ page, server }) => {
  const api = await adminApi(server);
  const bruno = await api.coworkerId('Bruno Díaz');
  await pairTablet(page);
  await findMember(page, 'bruno', 'Bruno Díaz');
  await page.getByLabel('I agree to be charged').check();
  await page.getByRole('button', { name: 'Check in and agree to pay' }).click();
  await expect(page.getByRole('heading', { name: /Checked in at/ })).toBeVisible();
  expect(await api.passesOf(bruno)).toHaveLength(1);
  await page.getByRole('button', { name: 'Undo — that wasn’t me' }).click();
  await expect(page.getByRole('heading', { name: 'Check-in undone. Nothing was recorded.' })).toBeVisible();
  await expectAccessible(page);
  expect(await api.checkins(`&Checkin_Coworker=${bruno}`)).toHaveLength(0);
  expect(await api.passesOf(bruno)).toHaveLength(0);
});
