import { buildIfStale } from './build-if-stale';

buildIfStale();
await import('../src/server/main');
