import { test as base, expect } from '@playwright/test';
import { createTapdeskServer, type TapdeskServer } from './server';

interface Fixtures {
  server: TapdeskServer;
}

/** Each test gets its own server and database; a console error in the page fails the test. */
export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the object pattern for fixtures without dependencies
  server: async ({}, use) => {
    const server = await createTapdeskServer();
    await server.start();
    await use(server);
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
