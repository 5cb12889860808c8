/**
 * The kiosk's first-load JS+CSS, gzipped, against the plain Vite React template built in the same
 * run with the same Vite. First load = what index.html loads up front: its module script, the
 * modules it preloads, and its stylesheets (lazy chunks such as setup and admin are not counted).
 * That is honest only while a paired English tablet imports nothing else before the page's load
 * event: what the attract screen does not need is imported after it (src/kiosk/lib/after-load.ts)
 * or on a tap. (A tablet whose browser language is German also fetches the German messages before
 * its first paint.) The rest is printed as "loaded later", so what moves out of the first load shows.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { build } from 'vite';

const BUDGET_KIB = 130;
const TARGET_KIB = 100;

function firstLoadBytes(outDir: string): { files: string[]; gzip: number } {
  const html = readFileSync(join(outDir, 'index.html'), 'utf8');
  const refs = [...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*\bhref)="([^"]+\.(?:js|css))"/g)].map((m) => m[1] ?? '');
  const files = [...new Set(refs)];
  const gzip = files.reduce((sum, file) => sum + gzipSync(readFileSync(join(outDir, file.replace(/^\//, '')))).length, 0);
  return { files, gzip };
}

/** The JS and CSS that index.html does not load: lazy chunks, fetched on demand or after load. */
function laterBytes(outDir: string, firstLoad: string[]): { files: number; gzip: number } {
  const counted = new Set(firstLoad.map((file) => file.replace(/^\//, '')));
  const later = readdirSync(join(outDir, 'assets'))
    .map((name) => `assets/${name}`)
    .filter((file) => /\.(?:js|css)$/.test(file) && !counted.has(file));
  return { files: later.length, gzip: later.reduce((sum, file) => sum + gzipSync(readFileSync(join(outDir, file))).length, 0) };
}

async function buildTemplate(dir: string): Promise<string> {
  mkdirSync(join(dir, 'src'), { recursive: true });
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><html lang="en"><head><meta charset="UTF-8" /><title>Vite + React</title></head><body><div id="root"></div><script type="module" src="/src/main.jsx"></script></body></html>',
  );
  writeFileSync(
    join(dir, 'src/index.css'),
    ':root{font-family:system-ui,Avenir,Helvetica,Arial,sans-serif;line-height:1.5;color-scheme:light dark}body{margin:0;display:flex;place-items:center;min-width:320px;min-height:100vh}button{border-radius:8px;border:1px solid transparent;padding:.6em 1.2em;font-size:1em;cursor:pointer}',
  );
  writeFileSync(
    join(dir, 'src/main.jsx'),
    `import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import './index.css';
function App() {
  const [count, setCount] = useState(0);
  return (<><h1>Vite + React</h1><div className="card"><button onClick={() => setCount((c) => c + 1)}>count is {count}</button><p>Edit <code>src/App.jsx</code> and save to test HMR</p></div></>);
}
createRoot(document.getElementById('root')).render(<StrictMode><App /></StrictMode>);
`,
  );
  const outDir = join(dir, 'dist');
  await build({ root: dir, configFile: false, logLevel: 'silent', plugins: [react()], build: { outDir, emptyOutDir: true } });
  return outDir;
}

const scratch = mkdtempSync(join(process.cwd(), 'node_modules/.bench-bundle-'));
try {
  const kioskOut = join(scratch, 'kiosk');
  await build({ logLevel: 'silent', build: { outDir: kioskOut, emptyOutDir: true } });
  const kiosk = firstLoadBytes(kioskOut);
  const later = laterBytes(kioskOut, kiosk.files);
  const template = firstLoadBytes(await buildTemplate(join(scratch, 'template')));
  const kib = (n: number) => (n / 1024).toFixed(1);
  console.log('bundle: first-load JS+CSS, gzip');
  console.log(`  baseline Vite React template: ${kib(template.gzip)} KiB (${template.files.join(', ')})`);
  console.log(`  Tapdesk kiosk               : ${kib(kiosk.gzip)} KiB (${kiosk.files.join(', ')})`);
  console.log(`  kiosk, loaded later         : ${kib(later.gzip)} KiB in ${later.files} lazy files (not counted)`);
  console.log(
    `  ratio kiosk/template: ${(kiosk.gzip / template.gzip).toFixed(2)}; budget ${BUDGET_KIB} KiB ${kiosk.gzip <= BUDGET_KIB * 1024 ? 'met' : 'NOT met'}, target ${TARGET_KIB} KiB ${kiosk.gzip <= TARGET_KIB * 1024 ? 'met' : 'not met'}`,
  );
  if (kiosk.gzip > BUDGET_KIB * 1024) process.exitCode = 1;
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
