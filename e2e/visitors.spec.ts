import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import type { TapdeskServer } from './server';
import { linksIn, visitorsApi } from './visitor-helpers';
import { expectAccessible, pairTablet, screenshots, signInAdmin } from './helpers';
import { readyForOffline, replayNow } from './offline-helpers';
import { openDatabase } from '../src/server/db/database';
import { createHostLinkSigner } from '../src/server/gateway/host-links';

/**
 * A host link as this server would have signed it 5 hours ago (with its own key, read from its
 * database): the clock the test controls, for a link that has expired.
 */
function linkSignedHoursAgo(server: TapdeskServer, visitorId: number, hours: number): string {
  const db = openDatabase(server.dbPath);
  try {
    const key = String(db.prepare("SELECT Value FROM settings WHERE Key = 'host-link-key'").pluck().get());
    const token = createHostLinkSigner(key, () => new Date(Date.now() - hours * 3600_000)).issue(visitorId, 'collect');
    return `${server.url}/host-answer#${token}`;
  } finally {
    db.close();
  }
}

/** Staff open the tablet's panel with its PIN. */
async function openStaffPanel(page: Page) {
  await page.getByRole('button', { name: 'Staff' }).click();
  await page.getByRole('textbox', { name: 'Staff PIN' }).fill('2468');
  await page.getByRole('button', { name: 'OK' }).click();
  await expect(page.getByRole('button', { name: 'Who is in now' })).toBeVisible();
}

/** A walk-in registers on the tablet, visiting Amélie Laurent (a member at London Shoreditch). */
async function registerWalkIn(page: Page, name: string) {
  await page.getByRole('button', { name: "I'm visiting" }).click();
  await page.getByRole('button', { name: 'Register as a walk-in' }).click();
  await page.getByRole('textbox', { name: 'Full name' }).fill(name);
  await page.getByRole('textbox', { name: 'Email' }).fill('grace@example.com');
  await page.getByRole('textbox', { name: 'Company (optional)' }).fill('Navy Labs');
  await page.getByRole('textbox', { name: 'Who are you visiting?' }).fill('Amél');
  await page.getByRole('button', { name: 'Amélie Laurent' }).click();
  await page.getByRole('checkbox', { name: 'I accept the visitor terms' }).check();
  await page.getByRole('button', { name: "Let them know I'm here" }).click();
}

test('a walk-in is approved by the host from the e-mail, and the tablet says so', async ({ page, context, server, inbox }) => {
  await pairTablet(page);
  await registerWalkIn(page, 'Grace Hopper');
  await expect(page.getByText("We've told Amélie you're here")).toBeVisible();
  await expectAccessible(page);

  const mail = await inbox.next();
  expect(mail.to).toEqual([expect.stringMatching(/amelie/i)]);
  expect(mail.subject).toContain('Grace Hopper');
  const links = linksIn(mail.text);
  const collect = links["Approve, I'll collect them"] ?? '';
  expect(new URL(collect).pathname).toBe('/host-answer');

  // The host opens the link (a mail scanner would too): nothing is answered until they press.
  const host = await context.newPage();
  await host.goto(collect);
  await expect(host.getByText(/Grace Hopper is at reception/)).toBeVisible();
  const api = await visitorsApi(server);
  expect((await api.list())[0]).toMatchObject({ HostApprovalStatus: 2, Arrived: false, VisitorSource: 2, HasAgreedTerms: true });
  await expectAccessible(host);
  // A link issued more than 4 hours ago is refused, and answers nothing.
  const expired = await context.newPage();
  await expired.goto(linkSignedHoursAgo(server, (await api.list())[0]?.Id ?? 0, 5));
  await expect(expired.getByText('This link has expired. Please call reception.')).toBeVisible();
  await expect(expired.getByRole('button', { name: "Approve, I'll collect them" })).toHaveCount(0);
  expect((await api.list())[0]?.HostApprovalStatus).toBe(2);
  await expired.close();
  await host.getByRole('button', { name: "Approve, I'll collect them" }).click();
  await expect(host.getByText(/^Done/)).toBeVisible();

  await expect(page.getByText(/Amélie is on the way/)).toBeVisible({ timeout: 15_000 });
  await screenshots(page, 'visitor-approved');
  const [record] = await api.list();
  expect(record).toMatchObject({ FullName: 'Grace Hopper', HostApprovalStatus: 4, Arrived: true, DepartureDate: null });
  expect(Date.parse(record?.ArrivalDate ?? '')).toBeGreaterThan(Date.now() - 5 * 60_000);

  // The same link again, and another of the three, are refused.
  for (const used of [collect, links.Decline ?? '']) {
    await host.goto('about:blank');
    await host.goto(used);
    await expect(host.getByText('This visitor has already been answered.')).toBeVisible();
  }
  expect((await api.list())[0]?.HostApprovalStatus).toBe(4);
});

test('a declined walk-in is sent to reception; staff see who is waiting and who is in', async ({ page, context, server, inbox }) => {
  await pairTablet(page);
  await registerWalkIn(page, 'Alan Turing');
  await expect(page.getByText("We've told Amélie you're here")).toBeVisible();
  const links = linksIn((await inbox.next()).text);

  // Staff see the request on the admin page while the host has not answered.
  const admin = await context.newPage();
  await signInAdmin(admin);
  await expect(admin.getByRole('heading', { name: 'Visitors' })).toBeVisible();
  await expect(admin.getByText('Alan Turing')).toBeVisible({ timeout: 15_000 });

  const host = await context.newPage();
  await host.goto(links.Decline ?? '');
  await host.getByRole('button', { name: 'Decline' }).click();
  await expect(host.getByText(/^Done/)).toBeVisible();
  await expect(page.getByText(/Please see reception/)).toBeVisible({ timeout: 15_000 });
  const api = await visitorsApi(server);
  expect((await api.list())[0]).toMatchObject({ HostApprovalStatus: 3, Arrived: false });
  await expect(admin.getByText('Alan Turing')).toBeHidden({ timeout: 15_000 });
});

test('an expected visitor checks in and out with their code; who is in matches the records', async ({ page, context, server }) => {
  await pairTablet(page);
  const api = await visitorsApi(server);
  const london = await api.businessId('London Shoreditch');
  const invited = await api.create({
    BusinessId: london,
    FullName: 'Katherine Johnson',
    Email: 'katherine@example.com',
    ExpectedArrival: new Date().toISOString(),
  });

  // A wrong code is "not found" and nothing is listed.
  await page.getByRole('button', { name: "I'm visiting" }).click();
  await page.getByRole('button', { name: 'I have a visitor code' }).click();
  const wrong = invited.VisitorCode === '000000' ? '000001' : '000000';
  await page.getByRole('textbox', { name: 'Visitor code' }).fill(wrong);
  await page.getByRole('button', { name: 'Check in / out' }).click();
  await expect(page.getByText("We couldn't find that visitor code.")).toBeVisible();
  await page.getByRole('textbox', { name: 'Visitor code' }).fill(invited.VisitorCode);
  await page.getByRole('button', { name: 'Check in / out' }).click();
  await expect(page.getByText(/Welcome, Katherine/)).toBeVisible();
  await expectAccessible(page);
  expect((await api.list()).find((v) => v.Id === invited.Id)).toMatchObject({ Arrived: true, DepartureDate: null });

  // Who is in, on the tablet's staff panel (behind the staff PIN).
  await page.goto('/');
  await page.getByRole('button', { name: 'Staff' }).click();
  await page.getByRole('textbox', { name: 'Staff PIN' }).fill('2468');
  await page.getByRole('button', { name: 'OK' }).click();
  await page.getByRole('button', { name: 'Who is in now' }).click();
  await expect(page.getByRole('rowheader', { name: 'Katherine Johnson' })).toBeVisible();
  await expectAccessible(page);
  const counts = async () =>
    /\d+ members?, \d+ visitors?/.exec(
      (await page
        .getByText(/\d+ members?, \d+ visitors?/)
        .first()
        .textContent()) ?? '',
    )?.[0];
  const countsOnline = await counts();
  expect(countsOnline).toMatch(/^\d+ members?, [1-9]\d* visitors?$/);

  // Offline (an evacuation with the network down): the panel opens with the PIN checked on the
  // tablet, and who is in comes from the tablet's copy with the same people, saying how fresh it is.
  await page.getByRole('button', { name: 'Close' }).click();
  await readyForOffline(page);
  await context.setOffline(true);
  await page.getByRole('button', { name: 'Staff' }).click();
  await page.getByRole('textbox', { name: 'Staff PIN' }).fill('1357');
  await page.getByRole('button', { name: 'OK' }).click();
  await expect(page.getByText('That staff PIN is not right.')).toBeVisible();
  await page.getByRole('textbox', { name: 'Staff PIN' }).fill('2468');
  await page.getByRole('button', { name: 'OK' }).click();
  await expect(page.getByText(/No connection: the PIN was checked on this tablet/)).toBeVisible();
  await page.getByRole('button', { name: 'Who is in now' }).click();
  await expect(page.getByText('No connection — this is the tablet’s copy.')).toBeVisible();
  await expect(page.getByText(/^Visitors as of \d/)).toBeVisible();
  await expect(page.getByRole('rowheader', { name: 'Katherine Johnson' })).toBeVisible();
  expect(await counts()).toBe(countsOnline);
  await expectAccessible(page);
  await screenshots(page, 'staff-on-site-offline');
  await context.setOffline(false);

  // Who is in, on the admin page: the visitor is there, and the count matches the records.
  const admin = await context.newPage();
  await signInAdmin(admin);
  await admin.getByLabel('Show who is in at').selectOption({ label: 'London Shoreditch' });
  await expect(admin.getByRole('rowheader', { name: 'Katherine Johnson' })).toBeVisible({ timeout: 15_000 });
  const onSite = (await api.list()).filter((v) => v.BusinessId === london && v.Arrived && v.DepartureDate === null);
  await expect(admin.getByText(new RegExp(`${onSite.length} visitors?`))).toBeVisible();
  const download = admin.waitForEvent('download');
  await admin.getByRole('button', { name: 'Download CSV' }).click();
  expect((await download).suggestedFilename()).toMatch(/\.csv$/);

  await page.goto('/');
  await page.getByRole('button', { name: "I'm visiting" }).click();
  await page.getByRole('button', { name: 'I have a visitor code' }).click();
  // Leaving, the visitor holds the invitation's QR code to the desk's keyboard-wedge scanner.
  // The heading has the focus (a screen reader announces it); the scanner's keys go to the field.
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  await page.keyboard.type(invited.VisitorCode, { delay: 5 });
  await page.keyboard.press('Enter');
  await expect(page.getByText(/Goodbye, Katherine/)).toBeVisible();
  expect((await api.list()).find((v) => v.Id === invited.Id)?.DepartureDate).not.toBeNull();
  await admin.reload();
  await admin.getByLabel('Show who is in at').selectOption({ label: 'London Shoreditch' });
  await expect(admin.getByText(/0 visitors/)).toBeVisible({ timeout: 15_000 });
});

test('a walk-in registered offline waits in the outbox, reaches the server once, and the host is told then', async ({
  page,
  context,
  server,
  inbox,
}) => {
  await pairTablet(page);
  // Staff opened the panel once online today (so the tablet can check their PIN offline).
  await openStaffPanel(page);
  await page.getByRole('button', { name: 'Close' }).click();
  await readyForOffline(page);
  await context.setOffline(true);
  await registerWalkIn(page, 'Grace Hopper');
  await expect(page.getByText("We'll tell Amélie you're here as soon as the connection is back")).toBeVisible();
  await expect(page.getByText('Your registration is saved on this tablet.', { exact: false })).toBeVisible();
  await expectAccessible(page);
  await screenshots(page, 'walk-in-queued');
  await page.getByRole('button', { name: 'Done' }).click();
  await expect(page.getByText('1 visitor waiting to send')).toBeVisible();
  // The evacuation list offline has her, although the server has not heard of her yet.
  await openStaffPanel(page);
  await page.getByRole('button', { name: 'Who is in now' }).click();
  await expect(page.getByText('Includes 1 walk-in registered on this tablet and not sent yet.')).toBeVisible();
  await expect(page.getByRole('rowheader', { name: 'Grace Hopper' })).toBeVisible();
  await page.getByRole('button', { name: 'Close' }).click();
  const api = await visitorsApi(server);
  expect(await api.list()).toHaveLength(0);
  expect(inbox.messages).toHaveLength(0);

  await context.setOffline(false);
  await replayNow(page);
  await expect(page.getByText('1 visitor waiting to send')).toBeHidden({ timeout: 30_000 });
  const mail = await inbox.next();
  expect(mail.subject).toContain('Grace Hopper');
  // Sent again (a second replay, a reload): still one visitor, one e-mail.
  await replayNow(page);
  await page.reload();
  await expect(page.getByRole('button', { name: "I'm visiting" })).toBeVisible();
  const visitors = await api.list();
  expect(visitors).toHaveLength(1);
  expect(visitors[0]).toMatchObject({ FullName: 'Grace Hopper', VisitorSource: 2, HostApprovalStatus: 2 });
  expect(inbox.messages).toHaveLength(1);
});
