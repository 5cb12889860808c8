import type { Locator, Page } from '@playwright/test';
import { zonedToInstant } from '../src/domain/time';
import { en, type Language, type Messages } from '../src/kiosk/lib/messages';
import { de } from '../src/kiosk/lib/messages-de';
import { visitorMessagesFor } from '../src/kiosk/lib/messages-visitors';
import { adminApi, expectAccessible, pairTablet } from './helpers';
import { expect, test } from './fixtures';

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

async function shot(page: Page, name: string, language: Language, size: (typeof SIZES)[number], mask: Locator[] = []) {
  // Photos and fonts settled, nothing half-way.
  await page.evaluate(() => document.fonts.ready);
  await expect(page).toHaveScreenshot(`${name}-${language}-${size.width}x${size.height}.png`, {
    fullPage: true,
    animations: 'disabled',
    caret: 'hide',
    mask,
    maxDiffPixelRatio: 0.002,
  });
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
