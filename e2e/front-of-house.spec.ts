import { adminApi, expectAccessible, pairTablet, screenshots, signInAdmin } from './helpers';
import { expect, test } from './fixtures';
import { flat, serveBrandImages } from './images';
import { contrastRatio, overPicture, PICTURE_SCRIM, parseHex } from '../src/domain/contrast';

const LOGO = flat(64, 32, 0xc8);
/** The picture of the space at its worst for the text over it: white. */
const SPACE = flat(320, 200, 0xff);
const rgb = (css: string) => (css.match(/\d+/g) ?? []).slice(0, 3).map(Number) as unknown as [number, number, number];

test('a location’s brand colour is made readable, the admin page says so, and its tablet wears it with its logo and picture, offline too', async ({
  page,
  context,
}) => {
  let logoRequests = 0;
  await serveBrandImages(context, { logo: LOGO, space: SPACE }, () => {
    logoRequests += 1;
  });
  await signInAdmin(page);
  const look = page.getByRole('region', { name: 'How the tablet looks' });
  await look.getByLabel('Location').selectOption({ label: 'London Shoreditch' });
  // A yellow too light for white text.
  await look.getByLabel('Brand colour as #RRGGBB').fill('#F5B700');
  await look.getByLabel('Logo address (https://…)').fill('https://brand.tapdesk.test/logo.png');
  await look.getByLabel('Address of a picture of the space (https://…)').fill('https://brand.tapdesk.test/space.png');
  await look.getByRole('button', { name: 'Save the look' }).click();
  const said = look.getByText(
    /#f5b700 is too light for white text \(\d\.\d:1; at least 4\.5:1 is needed to read it\), so the tablet uses (#[0-9a-f]{6})/,
  );
  await expect(said).toBeVisible();
  const applied = /uses (#[0-9a-f]{6})/.exec((await said.textContent()) ?? '')?.[1] ?? '';
  expect(contrastRatio(parseHex(applied) ?? [0, 0, 0], [255, 255, 255])).toBeGreaterThanOrEqual(4.5);
  await expectAccessible(page);

  await pairTablet(page, 'London Shoreditch', { signedIn: true });
  const attract = page.getByRole('main');
  await expect(attract.locator('img[src="https://brand.tapdesk.test/logo.png"]')).toBeVisible();
  // The theme tokens: the attract screen's background is the deep tone, the visitor button the applied colour.
  const background = rgb(await attract.evaluate((el) => getComputedStyle(el).backgroundColor));
  expect(contrastRatio(background, [255, 255, 255])).toBeGreaterThanOrEqual(10);
  const visitor = page.getByRole('button', { name: "I'm visiting" });
  expect(rgb(await visitor.evaluate((el) => getComputedStyle(el).backgroundColor))).toEqual(parseHex(applied));
  // The picture fills the screen behind the deep tone at 80 %: white text stays readable where the picture is white.
  const picture = attract.locator('img[src="https://brand.tapdesk.test/space.png"]');
  await expect(picture).toBeVisible();
  expect(await picture.evaluate((img: HTMLImageElement) => [img.naturalWidth, img.alt, img.getBoundingClientRect().width])).toEqual([
    320,
    '',
    page.viewportSize()?.width,
  ]);
  // The scrim's colour as the browser paints it (its computed value may be oklab).
  const [r = 0, g = 0, b = 0, a = 0] = await page.getByTestId('banner-scrim').evaluate((el) => {
    const paint = document.createElement('canvas').getContext('2d');
    if (!paint) return [];
    paint.fillStyle = getComputedStyle(el).backgroundColor;
    paint.fillRect(0, 0, 1, 1);
    return [...paint.getImageData(0, 0, 1, 1).data];
  });
  expect(a / 255).toBeCloseTo(PICTURE_SCRIM, 2);
  expect(contrastRatio([r, g, b], background)).toBeLessThan(1.05);
  expect(overPicture(background, a / 255)).toBeGreaterThanOrEqual(4.5);
  await expectAccessible(page);
  await screenshots(page, 'attract-branded');

  // Offline and reloaded: the theme comes from the tablet's record, the logo from its image cache.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await page.reload();
  await expect(attract.locator('img[src="https://brand.tapdesk.test/logo.png"]')).toBeVisible();
  const logo = attract.locator('img[src="https://brand.tapdesk.test/logo.png"]');
  expect(await logo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(64);
  const before = logoRequests;
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('button', { name: 'Check in / out' })).toBeVisible();
  await expect(logo).toBeVisible();
  expect(await logo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(64);
  expect(logoRequests).toBe(before);
  expect(await picture.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(320);
  expect(rgb(await visitor.evaluate((el) => getComputedStyle(el).backgroundColor))).toEqual(parseHex(applied));
  await context.setOffline(false);
});

test('a location with no look of its own keeps Tapdesk’s colours', async ({ page }) => {
  await pairTablet(page);
  const background = await page.getByRole('main').evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(background).toBe('rgb(15, 61, 62)');
  await expect(page.getByRole('main').locator('img')).toHaveCount(0);
});

test('members’ photos show on their tiles and their screen, initials where there is none or it cannot load, offline too', async ({
  page,
  context,
  server,
}) => {
  let photoRequests = 0;
  await context.route('https://photos.tapdesk.test/**', (route) => {
    photoRequests += 1;
    return route.request().url().endsWith('/amelie.png')
      ? route.fulfill({ status: 200, contentType: 'image/png', body: LOGO, headers: { 'access-control-allow-origin': '*' } })
      : route.fulfill({ status: 404, body: '', headers: { 'access-control-allow-origin': '*' } });
  });
  const api = await adminApi(server);
  await api.updateCoworker(await api.coworkerId('Amélie Laurent'), { AvatarUrl: 'https://photos.tapdesk.test/amelie.png' });
  await api.updateCoworker(await api.coworkerId('Bruno Díaz'), { AvatarUrl: 'https://photos.tapdesk.test/gone.png' });
  await pairTablet(page);
  await page.getByRole('button', { name: 'Check in / out' }).click();
  const field = page.getByLabel('Your name or company');
  await field.fill('bruno');
  // A photo that cannot load: the initials instead (and no broken image).
  await expect(page.getByRole('button', { name: /Bruno Díaz/ }).locator('[data-avatar="initials"]')).toHaveText('BD');
  await field.fill('amel');
  const tile = page.getByRole('button', { name: /Amélie Laurent/ });
  const photo = tile.locator('img[data-avatar="photo"]');
  await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(64);
  await expectAccessible(page);
  await tile.click();
  await expect(page.getByRole('heading', { name: 'Hello, Amélie' })).toBeVisible();
  await expect.poll(() => page.locator('main img[data-avatar="photo"]').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(64);
  await page.getByRole('button', { name: 'Back' }).click();
  await page.getByRole('button', { name: 'Back' }).click();

  // Offline, after a reload: the photo seen before comes from the tablet's cache.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  const before = photoRequests;
  await context.setOffline(true);
  await page.reload();
  await page.getByRole('button', { name: 'Check in / out' }).click();
  await page.getByLabel('Your name or company').fill('amel');
  await expect
    .poll(() =>
      page
        .getByRole('button', { name: /Amélie Laurent/ })
        .locator('img[data-avatar="photo"]')
        .evaluate((img: HTMLImageElement) => img.naturalWidth),
    )
    .toBe(64);
  expect(photoRequests).toBe(before);
  await context.setOffline(false);
});

/** Monday to Friday 08:00–18:00, closed at the weekend (Nexudus's minutes after midnight). */
const WEEKDAYS_8_TO_6 = {
  ...Object.fromEntries(
    ['Mon', 'Tue', 'Wed', 'Thu', 'Fri'].flatMap((day) => [
      [`${day}Open`, 480],
      [`${day}Close`, 1080],
    ]),
  ),
  SatClosed: true,
  SunClosed: true,
};

test('the screen sleeps outside opening hours and wakes at opening time or at a touch; the admin page shows it and the app version', async ({
  page,
  context,
  server,
  browser,
}) => {
  await (await adminApi(server)).updateBusiness(2, WEEKDAYS_8_TO_6);
  await context.grantPermissions(['screen-wake-lock']);
  // Friday 4 December 2026, 19:30 in London (GMT): closed until Monday 08:00. A clock the test moves.
  await page.clock.install({ time: new Date('2026-12-04T19:30:00Z') });
  await pairTablet(page);

  // Just paired: the attract screen stays up for a while, then sleeps.
  await expect(page.getByRole('button', { name: 'Check in / out' })).toBeVisible();
  await page.clock.fastForward('01:05');
  const asleep = page.getByRole('heading', { name: 'London Shoreditch · Closed' });
  await expect(asleep).toBeVisible();
  await expect(page.getByText('Opens Monday at 08:00')).toBeVisible();
  await expect(page.locator('main')).toHaveCSS('background-color', 'rgb(0, 0, 0)');
  await expectAccessible(page);
  await screenshots(page, 'asleep');

  // Against burn-in the words move once a minute.
  const before = await asleep.boundingBox();
  await page.clock.fastForward('01:00');
  expect(await asleep.boundingBox()).not.toEqual(before);

  // The admin page (another browser, on the real clock) says the screen sleeps and which version the tablet runs.
  const office = await browser.newContext();
  const admin = await office.newPage();
  await signInAdmin(admin);
  const row = admin.getByRole('row', { name: /Front desk London Shoreditch/ });
  await expect(row).toContainText('Sleeping (outside opening hours)');
  await expect(row).toContainText(/Version \d+\.\d+\.\d+/);

  // A member who comes in early touches the screen: the kiosk is awake and works.
  await page.getByRole('button', { name: 'Touch the screen to check in' }).click();
  await page.getByRole('button', { name: 'Check in / out' }).click();
  await expect(page.getByRole('heading', { name: 'Find yourself' })).toBeVisible();
  await page.getByRole('button', { name: 'Back' }).click();
  // Left alone, it goes back to sleep.
  await page.clock.fastForward('01:05');
  await expect(asleep).toBeVisible();

  // Monday 07:59:30: still asleep; at 08:00 it wakes by itself.
  await page.clock.setSystemTime(new Date('2026-12-07T07:59:30Z'));
  await page.clock.runFor(15_000);
  await expect(asleep).toBeVisible();
  await page.clock.runFor(30_000);
  await expect(page.getByRole('button', { name: 'Check in / out' })).toBeVisible();
  await expect(page.getByText('08:00', { exact: true })).toBeVisible();
  // The tablet tells the gateway soon after (its heartbeat is on the tablet's clock too).
  await page.clock.runFor(10_000);
  await admin.reload();
  await expect(row).toContainText('On (kept awake)');
  await office.close();
});
