/**
 * Lighthouse 12's accessibility audit of every screen a member, a visitor, a host and staff meet,
 * in snapshot mode (the screen as it is after getting there by hand, no reload): the screens are
 * reached with Playwright, and Lighthouse audits the same tab through puppeteer-core on the same
 * Chromium. Target: accessibility 1.0 on each.
 */
import type { Page } from 'playwright-core';
import { snapshot } from 'lighthouse';
import puppeteer from 'puppeteer-core';

interface Screens {
  page: Page;
  debugPort: number;
  base: string;
  /** The next e-mail to a host (the server sends them to a real SMTP inbox). */
  nextMail: () => Promise<{ text: string }>;
  adminSignIn: { email: string; password: string };
}

/** Each screen's accessibility score and the audits that failed on it; resolves to the screens below 1. */
export async function auditEveryScreen({ page, debugPort, base, nextMail, adminSignIn }: Screens): Promise<string[]> {
  const browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${debugPort}`, defaultViewport: null });
  const below: string[] = [];
  try {
    const audit = async (name: string, on: Page = page) => {
      const target = (await browser.pages()).find((p) => p.url() === on.url());
      if (!target) throw new Error(`no tab at ${on.url()}`);
      const result = await snapshot(target, {
        flags: { onlyCategories: ['accessibility'], screenEmulation: { disabled: true }, logLevel: 'error' },
      });
      const lhr = result?.lhr;
      const score = lhr?.categories.accessibility?.score ?? 0;
      const failing = Object.values(lhr?.audits ?? {})
        .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode === 'binary')
        .map((a) => a.id);
      console.log(`    ${name.padEnd(28)} ${score.toFixed(2)}${failing.length ? `  failing: ${failing.join(', ')}` : ''}`);
      if (score < 1) below.push(name);
    };
    const button = (name: string | RegExp) => page.getByRole('button', { name });

    await page.goto(base);
    await button('Check in / out').waitFor();
    await audit('start screen');
    // A member: search, PIN, their pass, the result.
    await button('Check in / out').click();
    await page.getByLabel('Your name or company').fill('amel');
    await button(/Amélie Laurent/).waitFor();
    await audit('search results');
    await button('Use my PIN').click();
    await page.getByRole('heading', { name: 'Enter your PIN' }).waitFor();
    await audit('PIN pad');
    await button('Back').click();
    await page.getByLabel('Your name or company').fill('amel');
    await button(/Amélie Laurent/).click();
    await page.getByRole('button', { name: 'Check in', exact: true }).waitFor();
    await audit('member and pass');
    await page.getByRole('button', { name: 'Check in', exact: true }).click();
    await button('Done').waitFor();
    await audit('checked in');
    await button('Done').click();
    await button('Check in / out').click();
    await page.getByLabel('Your name or company').fill('bruno');
    await button(/Bruno Díaz/).click();
    await page.getByRole('checkbox').waitFor();
    await audit('Pay As You Go agreement');
    await button('Back').click();
    await button('Back').click();

    // A visitor: the choice, a code, a walk-in and what it is told; the host's page.
    await button("I'm visiting").click();
    await button('Register as a walk-in').waitFor();
    await audit('visitor start');
    await button('I have a visitor code').click();
    await page.getByRole('textbox', { name: 'Visitor code' }).waitFor();
    await audit('visitor code');
    await button('Back').click();
    await button('Register as a walk-in').click();
    await page.getByRole('textbox', { name: 'Full name' }).fill('Grace Hopper');
    await audit('walk-in form');
    await page.getByRole('textbox', { name: 'Email' }).fill('grace@example.com');
    await page.getByRole('textbox', { name: 'Who are you visiting?' }).fill('Amél');
    await button('Amélie Laurent').click();
    await page.getByRole('checkbox', { name: 'I accept the visitor terms' }).check();
    await button("Let them know I'm here").click();
    await page.getByText("We've told Amélie you're here").waitFor();
    await audit('walk-in told their host');
    const token = /Approve, I'll collect them: \S+#(\S+)/.exec((await nextMail()).text)?.[1];
    if (!token) throw new Error('no host link in the e-mail');
    const host = await page.context().newPage();
    await host.goto(`${base}/host-answer#${token}`);
    await host.getByRole('button', { name: "Approve, I'll collect them" }).waitFor();
    await audit("host's answer page", host);
    // Approved: the visitor is in the building, for who is in below.
    await host.getByRole('button', { name: "Approve, I'll collect them" }).click();
    await host.getByText(/^Done/).waitFor();
    await host.close();
    await page.goto(base);
    await button('Check in / out').waitFor();

    // Staff: the PIN, the panel, who is in; the admin page.
    await button('Staff').click();
    await page.getByRole('textbox', { name: 'Staff PIN' }).waitFor();
    await audit('staff PIN');
    await page.getByRole('textbox', { name: 'Staff PIN' }).fill('2468');
    await button('OK').click();
    await button('Who is in now').click();
    await page.getByRole('rowheader', { name: 'Grace Hopper' }).waitFor();
    await audit('staff panel, who is in');
    await button('Close').click();
    const admin = await page.context().newPage();
    await admin.goto(`${base}/admin`);
    await admin.getByLabel('Password').waitFor();
    await audit('admin sign-in', admin);
    await admin.getByLabel('Email').fill(adminSignIn.email);
    await admin.getByLabel('Password').fill(adminSignIn.password);
    await admin.getByRole('button', { name: 'Sign in' }).click();
    await admin.getByRole('region', { name: 'How the tablet looks' }).getByRole('combobox').waitFor();
    await audit('admin page', admin);
    await admin.close();
  } finally {
    await browser.disconnect();
  }
  return below;
}
