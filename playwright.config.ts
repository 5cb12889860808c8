import { defineConfig } from '@playwright/test';
import type { TopologyOption } from './e2e/fixtures';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export default defineConfig<TopologyOption>({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [
    ['list'],
    ['json', { outputFile: 'artifacts/playwright.json' }],
    ...(process.env.CI ? [] : [['html', { open: 'never' }] as const]),
  ],
  outputDir: 'test-results',
  // Screenshot comparisons (e2e/visual.spec.ts): one picture per screen, kept in the repository.
  snapshotPathTemplate: '{testDir}/__screenshots__/{testFilePath}/{arg}{ext}',
  use: {
    browserName: 'chromium',
    headless: true,
    viewport: { width: 1280, height: 800 },
    locale: 'en-GB',
    launchOptions: { executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS },
    trace: 'retain-on-failure',
  },
  projects: [
    { name: 'one-process', testIgnore: 'two-process.spec.ts' },
    {
      // Production's shape: the kiosk's flows through a gateway and a stand-in Nexudus that keeps
      // Nexudus's published request limits, as two processes talking HTTP.
      name: 'two-process',
      use: { topology: 'two-process' },
      testMatch: [
        'kiosk.spec.ts',
        'payg.spec.ts',
        'identify.spec.ts',
        'offline.spec.ts',
        'outbox-durability.spec.ts',
        'two-process.spec.ts',
      ],
    },
  ],
});
