/** `npm run bench -- <name>`: api | bundle | kiosk | lighthouse | load | lookup | replay | upstream. Each prints a ratio against a baseline measured in the same run. */
const BENCHES: Record<string, () => Promise<unknown>> = {
  api: () => import('./api'),
  bundle: () => import('./bundle'),
  kiosk: () => import('./kiosk'),
  lighthouse: () => import('./lighthouse'),
  load: () => import('./sustained'),
  lookup: () => import('./lookup'),
  replay: () => import('./replay'),
  upstream: () => import('./upstream'),
};

const names = process.argv.slice(2);
const unknown = names.filter((n) => !(n in BENCHES));
if (names.length === 0 || unknown.length > 0) {
  console.error(
    `usage: npm run bench -- <${Object.keys(BENCHES).join('|')}> …${unknown.length ? ` (unknown: ${unknown.join(', ')})` : ''}`,
  );
  process.exit(2);
}
for (const name of names) {
  const run = BENCHES[name];
  if (run) await run();
}
export {};
