import { test as base, expect } from '@playwright/test';
import { createTapdeskServer, type TapdeskServer, type Topology } from './server';

interface Fixtures {
  server: TapdeskServer;
}
export interface TopologyOption {
  /** Set per Playwright project: the demo's one process, or production's gateway + Nexudus. */
  topology: Topology;
}

/** Each test gets its own server and database; a console error in the page fails the test. */
export const test = base.extend<Fixtures & TopologyOption>({
  topology: ['one-process', { option: true }],
  server: async ({ topology }, use) => {
    const server = await createTapdeskServer({ topology });
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
