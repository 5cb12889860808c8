import { test as base, expect } from '@playwright/test';
import { startSmtpInbox } from '../src/server/testing/smtp-inbox';
import { createTapdeskServer, type TapdeskServer, type Topology } from './server';

interface Fixtures {
  server: TapdeskServer;
  /** A real SMTP server on loopback that the server sends hosts' e-mails to. */
  inbox: Awaited<ReturnType<typeof startSmtpInbox>>;
}
export interface TopologyOption {
  /** Set per Playwright project: the demo's one process, or production's gateway + Nexudus. */
  topology: Topology;
}

/** Each test gets its own server and database; a console error in the page fails the test. */
export const test = base.extend<Fixtures & TopologyOption>({
  topology: ['one-process', { option: true }],
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern; the inbox has none.
  inbox: async ({}, use) => {
    const inbox = await startSmtpInbox();
    await use(inbox);
    await inbox.close();
  },
  server: async ({ topology, inbox }, use, testInfo) => {
    const server = await createTapdeskServer({ topology, smtpUrl: inbox.url });
    await server.start();
    await use(server);
    // A failed test carries what its servers printed, so a failure on CI can be read afterwards.
    if (testInfo.status !== testInfo.expectedStatus) {
      const output = server.output();
      const tail = output.length > 40_000 ? `[first ${output.length - 40_000} characters left out]\n${output.slice(-40_000)}` : output;
      await testInfo.attach('server output', { body: tail, contentType: 'text/plain' });
    }
    server.cleanup();
  },
  baseURL: async ({ server }, use) => use(server.url),
  page: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('console', (message) => {
      // Chromium logs every 4xx answer and every failed request as "Failed to load resource"; the
      // kiosk expects some (an unknown PIN is a 404; offline requests fail) and each test asserts
      // what the screen says about them instead.
      if (
        message.type() === 'error' &&
        !/Failed to load resource: (the server responded with a status of 4\d\d|net::ERR_)/.test(message.text())
      ) {
        errors.push(message.text());
      }
    });
    page.on('pageerror', (error) => errors.push(error.message));
    await use(page);
    expect(errors, 'console errors in the page').toEqual([]);
  },
});
export { expect };
