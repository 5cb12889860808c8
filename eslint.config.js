import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const restrict = (patterns, paths = []) => ({
  'no-restricted-imports': ['error', { patterns, paths }],
});
const folder = (name, message) => ({ group: [`**/${name}/**`, `**/${name}`], message });
const NODE = { group: ['node:*', 'fs', 'path', 'crypto', 'http'], message: 'Node APIs belong in src/server only.' };
const SQLITE = { name: 'better-sqlite3', message: 'better-sqlite3 is imported only in src/server/db/database.ts.' };

/** The import boundaries of DESIGN §1: imports point down (contract → domain → kiosk | sw | server). */
export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'dev-dist/**', 'artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/contract/**'],
    rules: restrict([folder('domain', 'contract imports nothing else from src.'), folder('kiosk', 'contract is shared'), folder('sw', 'contract is shared'), folder('server', 'contract is shared'), NODE, { group: ['react', 'react-dom'], message: 'contract is runtime-neutral.' }]),
  },
  {
    files: ['src/domain/**'],
    rules: restrict([folder('kiosk', 'domain is pure'), folder('sw', 'domain is pure'), folder('server', 'domain is pure'), NODE, { group: ['react', 'react-dom', 'zod'], message: 'domain is pure rules, no I/O or UI.' }]),
  },
  {
    files: ['src/kiosk/**'],
    rules: restrict([folder('server', 'the kiosk talks to the server over HTTP only'), folder('sw', 'the kiosk talks to the service worker by messages only'), NODE], [SQLITE, { name: 'fastify', message: 'server only' }]),
  },
  {
    files: ['src/kiosk/features/**'],
    rules: restrict(
      [
        folder('server', 'the kiosk talks to the server over HTTP only'),
        folder('sw', 'the kiosk talks to the service worker by messages only'),
        NODE,
        { regex: '^\\.\\./[^./]', message: 'Features do not import each other; compose them in src/kiosk/app.' },
        { group: ['**/app/**'], message: 'Features do not import app/; app composes features.' },
      ],
      [SQLITE],
    ),
  },
  {
    files: ['src/sw/**'],
    rules: restrict([folder('kiosk', 'the service worker is its own runtime'), folder('server', 'the service worker is its own runtime'), NODE, { group: ['react', 'react-dom'], message: 'no UI in the service worker' }]),
  },
  {
    files: ['src/server/**'],
    ignores: ['src/server/db/database.ts'],
    rules: restrict([folder('kiosk', 'the server serves the built kiosk, never imports it'), folder('sw', 'the server never imports the service worker'), { group: ['react', 'react-dom'], message: 'no UI on the server' }], [SQLITE]),
  },
);
