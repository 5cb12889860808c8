import { describe, expect, it } from 'vitest';
import { loadConfig } from './config';

describe('configuration', () => {
  it('has working defaults', () => {
    expect(loadConfig({})).toMatchObject({
      PORT: 8080,
      HOST: '127.0.0.1',
      DB_PATH: './data/tapdesk.db',
      SEED: 'demo',
      UPSTREAM: 'embedded',
    });
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ SEED: 'lots' }, 'SEED'],
    [{ ADMIN_EMAIL: 'not-an-email' }, 'ADMIN_EMAIL'],
    [{ ADMIN_PASSWORD: 'short' }, 'ADMIN_PASSWORD'],
    [{ UPSTREAM: 'ftp://example.com' }, 'UPSTREAM'],
    [{ UPSTREAM: 'https://spaces.nexudus.com' }, 'NEXUDUS_USERNAME'],
    [{ EMBEDDED_LIMITS: 'strict' }, 'EMBEDDED_LIMITS'],
    [{ TLS_CERT: '/etc/cert.pem' }, 'TLS_KEY'],
    [{ TRUST_PROXY: 'true' }, 'TRUST_PROXY'],
    [{ TRUST_PROXY: 'everyone' }, 'TRUST_PROXY'],
  ])('stops on %j naming %s', (env, name) => {
    expect(() => loadConfig(env)).toThrow(name);
  });
});
