import { spawnSync } from 'node:child_process';
import { buildIfStale } from './build-if-stale';
import { chromiumVersion, ensureChromium } from './chromium';

const chrome = ensureChromium();
console.log(`End-to-end tests in ${chromiumVersion(chrome)} (${chrome})`);
buildIfStale();
const run = spawnSync(process.execPath, ['node_modules/@playwright/test/cli.js', 'test', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, CHROME_PATH: chrome },
});
process.exit(run.status ?? 1);
