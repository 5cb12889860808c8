/**
 * `npm test`: everything a user needs to trust a change, in order — type check, lint, unit and
 * integration tests, build, end-to-end tests in real Chromium. Stops at the first failure.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { z } from 'zod';
import { ensureChromium } from './chromium';

const VITEST_JSON = 'artifacts/vitest.json';
const PLAYWRIGHT_JSON = 'artifacts/playwright.json';

const steps: [string, string[]][] = [
  ['type check', ['node_modules/typescript/bin/tsc', '-b']],
  ['lint', ['node_modules/eslint/bin/eslint.js', '.', '--max-warnings', '0']],
  [
    'unit and integration tests',
    ['node_modules/vitest/vitest.mjs', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${VITEST_JSON}`],
  ],
  ['build', ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn']],
  ['end-to-end tests', ['--import', 'tsx', 'scripts/e2e.ts']],
];

/** Counts from both runners' JSON reports, for one closing line CI can read. */
function counts(): { passed: number; failed: number; skipped: number } {
  const total = { passed: 0, failed: 0, skipped: 0 };
  if (existsSync(VITEST_JSON)) {
    const v = z
      .object({ numPassedTests: z.number(), numFailedTests: z.number(), numPendingTests: z.number() })
      .parse(JSON.parse(readFileSync(VITEST_JSON, 'utf8')));
    total.passed += v.numPassedTests;
    total.failed += v.numFailedTests;
    total.skipped += v.numPendingTests;
  }
  if (existsSync(PLAYWRIGHT_JSON)) {
    const p = z
      .object({ stats: z.object({ expected: z.number(), unexpected: z.number(), flaky: z.number(), skipped: z.number() }) })
      .parse(JSON.parse(readFileSync(PLAYWRIGHT_JSON, 'utf8')));
    total.passed += p.stats.expected + p.stats.flaky;
    total.failed += p.stats.unexpected;
    total.skipped += p.stats.skipped;
  }
  return total;
}

function summary(): string {
  const c = counts();
  return `${c.passed} passed, ${c.failed} failed${c.skipped ? `, ${c.skipped} skipped` : ''}`;
}

mkdirSync('artifacts', { recursive: true });
for (const report of [VITEST_JSON, PLAYWRIGHT_JSON]) rmSync(report, { force: true });
ensureChromium();
const started = Date.now();
for (const [name, args] of steps) {
  console.log(`\n▶ ${name}`);
  const t0 = Date.now();
  const run = spawnSync(process.execPath, args, {
    stdio: 'inherit',
    env: { ...process.env, FORCE_COLOR: process.env.CI ? '0' : '1', PLAYWRIGHT_JSON_OUTPUT_NAME: PLAYWRIGHT_JSON },
  });
  if (run.status !== 0) {
    console.error(`\n✖ ${name} failed (exit ${run.status ?? run.signal}).`);
    console.log(`\nTests: ${summary()}`);
    process.exit(run.status ?? 1);
  }
  console.log(`✔ ${name} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
}
console.log(`\nAll checks passed in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
console.log(`Tests: ${summary()}`);
