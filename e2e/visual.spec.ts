import type { Browser, Locator, Page } from '@playwright/test';
import { zonedToInstant } from '../src/domain/time';
import { en, type Language, type Messages } from '../src/kiosk/lib/messages';
import { de } from '../src/kiosk/lib/messages-de';
import { visitorMessagesFor } from '../src/kiosk/lib/messages-visitors';
import { adminApi, expectAccessible, pairTablet } from './helpers';
import { expect, test } from './fixtures';
import { png, serveBrandImages, spacePicture } from './images';
import { E2E_ADMIN, type TapdeskServer } from './server';
import { linksIn, visitorsApi } from './visitor-helpers';

/**
 * Screenshot comparisons of every kiosk screen, in both orientations and both languages, each
 * also checked with axe. The pictures are in e2e/__screenshots__/; after an intended change,
 * `npm run test:visual:update` writes them again (look at the diff before committing it).
 *
 * The tablet's clock is fixed at 09:41 today (the attract screen's clock and its burn-in nudge
 * are by the minute); what the server decides (a check-in's time, the list's age, today's date)
 * is masked.
 */
const SIZES = [
  { width: 1280, height: 800 },
  { width: 800, height: 1280 },
] as const;
const WORDS: Record<Language, Messages> = { en, de };

/** 09:41 today on the location's wall clock (London), summer time or not. */
const nineFortyOneToday = () => zonedToInstant(new Date().toISOString().slice(0, 10), 9 * 60 + 41, 'Europe/London');

async function setUp(page: Page, language: Language, size: (typeof SIZES)[number]) {
  await page.setViewportSize(size);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.clock.setFixedTime(nineFortyOneToday());
  await pairTablet(page);
  if (language !== 'en') {
    // The kiosk's own language is the browser's: as a German tablet, from its next load on.
    await page.context().addInitScript((lang) => Object.defineProperty(navigator, 'language', { get: () => lang }), `${language}-DE`);
    await page.reload();
  }
  await expect(page.getByRole('button', { name: WORDS[language].checkInOut })).toBeVisible();
}

/** Times and dates the server decides (not the tablet's fixed clock), and the directory's age. */
function volatile(page: Page): Locator[] {
  return [page.getByText(/\d\d:\d\d/), page.getByText(/ \d+ s$/), page.locator('main p').filter({ hasText: /\bago\b|\bvor\b/ })];
}

/** The whole page (or one region of it) against its picture, and axe on the page. */
async function shot(target: Page | Locator, name: string, language: Language, size: (typeof SIZES)[number], mask: Locator[] = []) {
  const page = 'context' in target ? target : target.page();
  // Photos and fonts settled, nothing half-way.
  await page.evaluate(() => document.fonts.ready);
  const options = { animations: 'disabled', caret: 'hide', mask, maxDiffPixelRatio: 0.002 } as const;
  const file = `${name}-${language}-${size.width}x${size.height}.png`;
  // And the same screen unmasked, for people to look at (docs/screenshots takes its pictures from here).
  const unmasked = { path: `artifacts/screenshots/visual/${file}`, animations: 'disabled', caret: 'hide' } as const;
  if ('context' in target) {
    await expect(target).toHaveScreenshot(file, { ...options, fullPage: true });
    await target.screenshot({ ...unmasked, fullPage: true });
  } else {
    await expect(target).toHaveScreenshot(file, options);
    await target.screenshot(unmasked);
  }
  await expectAccessible(page);
}

for (const language of ['en', 'de'] as const) {
  for (const size of SIZES) {
    const where = `${language}, ${size.width}×${size.height}`;
    const t = WORDS[language];
    const v = visitorMessagesFor(language).visitor;

    test(`a member's screens look as they should (${where})`, async ({ page }) => {
      await setUp(page, language, size);
      // The attract screen's date is the day the suite runs.
      await shot(page, 'attract', language, size, [page.locator('main p').nth(2)]);

      await page.getByRole('button', { name: t.checkInOut }).click();
      await shot(page, 'find-empty', language, size, volatile(page));
      await page.getByLabel(t.searchLabel).fill('amel');
      await expect(page.getByRole('button', { name: /Amélie Laurent/ })).toBeVisible();
      await shot(page, 'find-results', language, size, volatile(page));

      await page.getByRole('button', { name: t.usePin }).click();
      await expect(page.getByRole('heading', { name: t.enterPin })).toBeVisible();
      await shot(page, 'pin', language, size);
      await page.getByRole('button', { name: t.back }).click();

      await page.getByLabel(t.searchLabel).fill('amel');
      await page.getByRole('button', { name: /Amélie Laurent/ }).click();
      await expect(page.getByRole('button', { name: t.checkIn, exact: true })).toBeVisible();
      await shot(page, 'member-pass', language, size);
      await page.getByRole('button', { name: t.checkIn, exact: true }).click();
      await expect(page.getByRole('button', { name: t.done })).toBeVisible();
      await shot(page, 'result-checked-in', language, size, volatile(page));
      await page.getByRole('button', { name: t.done }).click();

      await page.getByRole('button', { name: t.checkInOut }).click();
      await page.getByLabel(t.searchLabel).fill('amel');
      await page.getByRole('button', { name: /Amélie Laurent/ }).click();
      await expect(page.getByRole('button', { name: t.checkOut })).toBeVisible();
      await shot(page, 'member-checked-in', language, size, volatile(page));
      await page.getByRole('button', { name: t.checkOut }).click();
      await expect(page.getByRole('button', { name: t.done })).toBeVisible();
      await shot(page, 'result-checked-out', language, size, volatile(page));
      await page.getByRole('button', { name: t.done }).click();

      // Pay As You Go: the price and the agreement.
      await page.getByRole('button', { name: t.checkInOut }).click();
      await page.getByLabel(t.searchLabel).fill('bruno');
      await page.getByRole('button', { name: /Bruno Díaz/ }).click();
      await expect(page.getByRole('checkbox')).toBeVisible();
      await shot(page, 'member-payg', language, size);
      await page.getByRole('button', { name: t.back }).click();
    });

    test(`visitors', staff's and the night's screens look as they should (${where})`, async ({ page, server }) => {
      const days = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
      await (
        await adminApi(server)
      ).updateBusiness(
        2,
        Object.fromEntries(
          days.flatMap((d) => [
            [`${d}Open`, 480],
            [`${d}Close`, 540],
          ]),
        ),
      );
      // The fixed clock never lets 45 s pass: the screen stays awake until the test moves it.
      await setUp(page, language, size);
      await page.getByRole('button', { name: t.imVisiting }).click();
      await expect(page.getByRole('button', { name: v.walkIn })).toBeVisible();
      await shot(page, 'visitor-start', language, size);
      await page.getByRole('button', { name: v.haveCode }).click();
      await expect(page.getByRole('textbox', { name: v.codeLabel })).toBeVisible();
      await shot(page, 'visitor-code', language, size);
      await page.getByRole('button', { name: t.back }).click();
      await page.getByRole('button', { name: v.walkIn }).click();
      await expect(page.getByLabel(v.fullName)).toBeVisible();
      await shot(page, 'walk-in-form', language, size);
      await page.getByRole('button', { name: t.back }).click();
      await page.getByRole('button', { name: t.back }).click();

      await page.getByRole('button', { name: t.staffTitle }).click();
      await expect(page.getByRole('textbox', { name: t.staffEnterPin })).toBeVisible();
      await shot(page, 'staff-pin', language, size);
      await page.getByRole('button', { name: t.close, exact: true }).click();

      // Outside opening hours (set before pairing: the location closes at 09:00), after a while at rest: asleep.
      await page.getByText(t.tapToStart).click();
      await page.clock.setFixedTime(new Date(nineFortyOneToday().getTime() + 60_000));
      await expect(page.locator('#sleep-when')).toBeVisible({ timeout: 20_000 });
      // "Opens at 08:00" names no day: it opens again tomorrow.
      await shot(page, 'asleep', language, size);
    });
  }
}

test('a member refused (no pass, no Pay As You Go where they are) sees why, in each language and orientation', async ({ page }) => {
  await pairTablet(page, 'Tokyo Shibuya');
  for (const language of ['en', 'de'] as const) {
    if (language !== 'en') {
      await page.context().addInitScript((lang) => Object.defineProperty(navigator, 'language', { get: () => lang }), `${language}-DE`);
      await page.reload();
    }
    const t = WORDS[language];
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await page.emulateMedia({ reducedMotion: 'reduce' });
      await page.getByRole('button', { name: t.checkInOut }).click();
      await page.getByLabel(t.searchLabel).fill('chloe');
      await page.getByRole('button', { name: /Chloé Dubois/ }).click();
      await expect(page.getByRole('alert')).toBeVisible();
      await shot(page, 'member-refused', language, size);
      await page.getByRole('button', { name: t.back }).click();
      await page.getByRole('button', { name: t.back }).click();
    }
  }
});

test('the setup screen of a tablet not yet paired looks as it should', async ({ page }) => {
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await page.goto('/');
    await expect(page.getByLabel('Pairing code')).toBeVisible();
    await shot(page, 'setup', 'en', size);
  }
});

/** The operator's logo (an orange ring and a dark bar on white) and a picture of their space, from their own site. */
const LOGO = png(120, 48, (x, y) => {
  const ring = Math.hypot(x - 24, y - 24);
  if (ring > 12 && ring < 20) return [245, 183, 0];
  return x > 52 && x < 112 && y > 18 && y < 30 ? [40, 40, 40] : [255, 255, 255];
});
const SPACE = spacePicture();

/** The admin page in a browser of its own (a staff member's), in `language`. */
async function adminBrowser(browser: Browser, server: TapdeskServer, language: Language): Promise<Page> {
  const context = await browser.newContext({ baseURL: server.url, locale: language === 'de' ? 'de-DE' : 'en-GB' });
  const page = await context.newPage();
  await page.emulateMedia({ reducedMotion: 'reduce' });
  return page;
}

for (const language of ['en', 'de'] as const) {
  test(`a branded location's start screen, and the admin page that sets it, look as they should (${language})`, async ({
    page,
    browser,
    server,
  }) => {
    const admin = await adminBrowser(browser, server, language);
    await admin.goto('/admin');
    await expect(admin.locator('input[type=password]')).toBeVisible();
    for (const size of SIZES) {
      await admin.setViewportSize(size);
      await shot(admin, 'admin-sign-in', language, size);
    }
    await admin.locator('input[type=email]').fill(E2E_ADMIN.email);
    await admin.locator('input[type=password]').fill(E2E_ADMIN.password);
    await admin.locator('button[type=submit]').click();

    // The look: a yellow too light for white text (the page says what the tablet uses instead), a logo and a picture.
    const look = admin.locator('section[aria-labelledby="look-heading"]');
    await look.locator('select').selectOption({ label: 'London Shoreditch' });
    await expect(look.locator('input[type=url]').first()).toBeEnabled();
    await look.locator('input:not([type])').fill('#F5B700');
    await look.locator('input[type=url]').first().fill('https://brand.tapdesk.test/logo.png');
    await look.locator('input[type=url]').last().fill('https://brand.tapdesk.test/space.png');
    await look.getByRole('button').first().click();
    await expect(look.getByTestId('look-swatch')).toBeVisible();
    await expect(look.getByText('#936d00', { exact: false })).toBeVisible();
    const pairing = admin.locator('section[aria-labelledby="pair-heading"]');
    for (const size of SIZES) {
      await admin.setViewportSize(size);
      await shot(look, 'admin-look', language, size);
      await shot(pairing, 'admin-pairing', language, size);
    }
    await admin.context().close();

    await serveBrandImages(page.context(), { logo: LOGO, space: SPACE });
    await setUp(page, language, SIZES[0]);
    await expect(page.locator('img[src="https://brand.tapdesk.test/space.png"]')).toBeVisible();
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await expect
        .poll(() => page.locator('img[src="https://brand.tapdesk.test/space.png"]').evaluate((img: HTMLImageElement) => img.complete))
        .toBe(true);
      await shot(page, 'attract-branded', language, size, [page.locator('main p').nth(2)]);
    }
  });
}

for (const language of ['en', 'de'] as const) {
  for (const size of SIZES) {
    const where = `${language}, ${size.width}×${size.height}`;
    const t = WORDS[language];
    const { visitor: v, hostAnswer: h } = visitorMessagesFor(language);

    test(`a visitor's results, their host's page and the staff panel look as they should (${where})`, async ({ page, server, inbox }) => {
      await setUp(page, language, size);
      // An expected visitor's code.
      const api = await visitorsApi(server);
      const invited = await api.create({
        BusinessId: await api.businessId('London Shoreditch'),
        FullName: 'Katherine Johnson',
        Email: 'katherine@example.com',
        ExpectedArrival: new Date().toISOString(),
      });
      await page.getByRole('button', { name: t.imVisiting }).click();
      await page.getByRole('button', { name: v.haveCode }).click();
      await page.getByRole('textbox', { name: v.codeLabel }).fill(invited.VisitorCode);
      await page.getByRole('button', { name: t.checkInOut }).click();
      await expect(page.getByText(v.welcome('Katherine'))).toBeVisible();
      await shot(page, 'visitor-welcome', language, size, volatile(page));
      await page.getByRole('button', { name: t.done }).click();

      // A walk-in, told to their host, who answers from the e-mail's link.
      await page.getByRole('button', { name: t.imVisiting }).click();
      await page.getByRole('button', { name: v.walkIn }).click();
      await page.getByRole('textbox', { name: v.fullName }).fill('Grace Hopper');
      await page.getByRole('textbox', { name: v.email }).fill('grace@example.com');
      await page.getByRole('textbox', { name: v.company }).fill('Navy Labs');
      await page.getByRole('textbox', { name: v.host }).fill('Amél');
      await page.getByRole('button', { name: 'Amélie Laurent' }).click();
      await page.getByRole('checkbox', { name: v.acceptTerms }).check();
      await page.getByRole('button', { name: v.submit }).click();
      await expect(page.getByText(v.told('Amélie'))).toBeVisible();
      await shot(page, 'walk-in-told', language, size, volatile(page));

      const link = linksIn((await inbox.next()).text)["Approve, I'll collect them"] ?? '';
      const host = await page.context().newPage();
      await host.setViewportSize(size);
      await host.emulateMedia({ reducedMotion: 'reduce' });
      await host.goto(link);
      await expect(host.getByRole('button', { name: h.answers.collect })).toBeVisible();
      // The host's page says when the visitor arrived (the server's clock).
      await shot(host, 'host-answer', language, size, [host.getByText(/\d\d:\d\d/)]);
      await host.getByRole('button', { name: h.answers.collect }).click();
      await expect(host.getByRole('button', { name: h.answers.collect })).toHaveCount(0);
      await shot(host, 'host-answered', language, size, [host.getByText(/\d\d:\d\d/)]);
      await host.close();
      await expect(page.getByText(v.collect('Amélie'))).toBeVisible({ timeout: 15_000 });
      await shot(page, 'walk-in-approved', language, size, volatile(page));
      await page.getByRole('button', { name: t.done }).click();

      // The staff panel behind its PIN, and who is in now.
      await page.getByRole('button', { name: t.staffTitle }).click();
      await page.getByRole('textbox', { name: t.staffEnterPin }).fill('2468');
      await page.getByRole('button', { name: t.confirm }).click();
      await expect(page.getByRole('button', { name: t.onSite.title })).toBeVisible();
      await shot(page, 'staff-panel', language, size, volatile(page));
      await page.getByRole('button', { name: t.onSite.title }).click();
      await expect(page.getByRole('rowheader', { name: 'Grace Hopper' })).toBeVisible();
      await shot(page, 'who-is-in', language, size, volatile(page));
    });
  }
}
