import { chromium, expect, test } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_ARGS } from '../playwright.config';
import { pairTablet } from './helpers';
import { checkInByName, countCheckins, readyForOffline, uniqueMembers } from './offline-helpers';
import { createTapdeskServer, selfSignedCertificate } from './server';

const HOST = 'tapdesk.lan';

test('a tablet on the LAN reaches the server by name over HTTPS, gets the service worker and queues a tap offline', async () => {
  test.setTimeout(120_000);
  const dir = mkdtempSync(join(tmpdir(), 'tapdesk-tls-'));
  const tls = selfSignedCertificate(dir, HOST);
  const server = await createTapdeskServer({ tls });
  await server.start();
  // The tablet resolves tapdesk.lan to the server and trusts its certificate, as a LAN tablet with the operator's CA would.
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: [...CHROMIUM_ARGS, `--host-resolver-rules=MAP ${HOST} 127.0.0.1`, `--ignore-certificate-errors-spki-list=${tls.spki}`],
  });
  try {
    const context = await browser.newContext({ baseURL: `https://${HOST}:${server.port}`, viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await pairTablet(page);
    expect(await page.evaluate(() => window.isSecureContext && location.protocol)).toBe('https:');
    await readyForOffline(page);
    const [member] = await uniqueMembers(page, 1);
    const before = await countCheckins(server.dbPath);

    await context.setOffline(true);
    await checkInByName(page, member?.name ?? '');
    await expect(page.getByText('We’ll send it to the front desk as soon as the connection is back.')).toBeVisible();
    await page.getByRole('button', { name: 'Done' }).click();
    await context.setOffline(false);
    await expect.poll(() => countCheckins(server.dbPath), { timeout: 45_000 }).toBe(before + 1);

    const headers = await page.evaluate(async () => (await fetch('/')).headers.get('strict-transport-security'));
    expect(headers).toContain('max-age=');
    expect(errors).toEqual([]);
  } finally {
    await browser.close();
    server.cleanup();
    rmSync(dir, { recursive: true, force: true });
  }
});
