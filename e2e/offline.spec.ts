import { adminApi, pairTablet, screenshots } from './helpers';
import {
  checkInByName,
  countCheckins,
  directoryMembers,
  outboxAttempts,
  readyForOffline,
  replayNow,
  sendTaps,
  uniqueMembers,
} from './offline-helpers';
import { expect, test } from './fixtures';

test.describe.configure({ timeout: 180_000 });

test('offline, 20 members check in; back online, exactly 20 check-ins arrive with their own tap times', async ({
  page,
  context,
  server,
}) => {
  await pairTablet(page);
  await readyForOffline(page);
  const members = await uniqueMembers(page, 20);
  const api = await adminApi(server);
  const before = (await api.checkins()).length;

  await context.setOffline(true);
  const tappedAt = new Map<number, number>();
  for (const [i, member] of members.entries()) {
    tappedAt.set(member.id, Date.now());
    await checkInByName(page, member.name);
    await expect(page.getByRole('heading', { name: 'You’re checked in' })).toBeVisible();
    await expect(page.getByText('We’ll send it to the front desk as soon as the connection is back.')).toBeVisible();
    if (i === 0) await screenshots(page, 'result-queued');
    await page.getByRole('button', { name: 'Done' }).click();
  }
  await expect(page.getByText('20 check-ins waiting to send')).toBeVisible();
  await screenshots(page, 'attract-pending');
  // Offline, the member list still works and says how fresh it is; a checked-in member is offered check-out.
  await page.getByRole('button', { name: 'Check in / out' }).click();
  await expect(page.getByText(/Member list updated/)).toBeVisible();
  await page.getByLabel('Your name or company').fill(members[0]?.name ?? '');
  await page.getByRole('button', { name: new RegExp(`^${members[0]?.name ?? ''}`) }).click();
  await expect(page.getByRole('button', { name: 'Check out' })).toBeVisible();
  await expect(page.getByText(/Offline: based on this tablet’s copy/)).toBeVisible();
  await screenshots(page, 'member-offline');
  await page.getByRole('button', { name: 'Back' }).click();
  await page.getByRole('button', { name: 'Back' }).click();

  await context.setOffline(false);
  await expect.poll(async () => (await api.checkins()).length - before, { timeout: 60_000 }).toBe(20);
  const records = await api.checkins();
  for (const member of members) {
    const mine = records.filter((r) => r.CoworkerId === member.id);
    expect(mine, member.name).toHaveLength(1);
    const recorded = Date.parse(mine[0]?.FromTime ?? '');
    expect(Math.abs(recorded - (tappedAt.get(member.id) ?? 0))).toBeLessThan(15_000);
  }
  await expect(page.getByText(/waiting to send/)).toHaveCount(0);
});

test('50 taps queued while the server is down arrive exactly once, also when it dies mid-replay', async ({ page, server }) => {
  await pairTablet(page);
  await readyForOffline(page);
  const members = await directoryMembers(page, 50);
  const api = await adminApi(server);
  const before = (await api.checkins()).length;

  await server.kill();
  const now = Date.now();
  const statuses = await sendTaps(
    page,
    members.map((id, i) => ({ coworkerId: id, tappedAt: new Date(now - (50 - i) * 10_000).toISOString() })),
  );
  expect(statuses.every((s) => s === 202)).toBe(true);
  // Each tap was tried once: a new tap does not make the older ones skip their backoff.
  expect(Math.max(...(await outboxAttempts(page)))).toBeLessThanOrEqual(2);

  await server.start();
  await replayNow(page);
  // Kill it again as soon as the replay has written anything, then bring it back.
  await expect.poll(async () => (await countCheckins(server.dbPath)) - before, { timeout: 30_000, intervals: [10] }).toBeGreaterThan(0);
  await server.kill();
  const atKill = (await countCheckins(server.dbPath)) - before;
  test.info().annotations.push({ type: 'killed mid-replay', description: `${atKill} of 50 recorded when the server was killed` });
  await server.start();
  await replayNow(page);
  await expect.poll(async () => (await countCheckins(server.dbPath)) - before, { timeout: 90_000 }).toBe(50);
  const records = await (await adminApi(server)).checkins();
  for (const id of members) expect(records.filter((r) => r.CoworkerId === id)).toHaveLength(1);
});
