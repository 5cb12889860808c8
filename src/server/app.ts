import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import formbody from '@fastify/formbody';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import { validationEnvelope } from '../contract/nexudus-envelopes';
import type { Db } from './db/database';
import { createUsersRepository } from './db/users-repository';
import { gateway } from './gateway/gateway';
import { createUpstreamClient, fetchTransport, injectTransport } from './gateway/upstream-client';
import { newSecret } from './lib/passwords';
import { nexudusApi } from './nexudus/nexudus-api';

export interface AppOptions {
  db: Db;
  logLevel?: string;
  /** Access-token lifetime for /api/token (Nexudus's admin example: 604 799 s). */
  tokenTtlSeconds?: number;
  /** Where the built kiosk lives; served at / when present. */
  staticDir?: string;
  clock?: () => Date;
  /** The gateway's Nexudus: omitted for the embedded API, else a base URL and credentials. */
  upstream?: { url: string; username: string; password: string };
}

/** What the gateway's own API user may do in the embedded Nexudus: read, and write check-ins. */
export const GATEWAY_ROLES = [
  'Business-List',
  'Business-Read',
  'Coworker-List',
  'Coworker-Read',
  'TimePass-List',
  'TimePassTimeSlot-List',
  'CoworkerTimePass-List',
  'CoworkerTimePass-Read',
  'Checkin-List',
  'Checkin-Read',
  'Checkin-Create',
  'Checkin-Edit',
  'Checkin-Delete',
];
export const GATEWAY_USER = 'gateway@tapdesk.internal';

export const BODY_LIMIT_BYTES = 64 * 1024;

function errorStatus(error: FastifyError): number {
  if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) return error.statusCode;
  if (error.code?.startsWith('SQLITE_CONSTRAINT')) return 409;
  return 500;
}

function errorMessage(error: FastifyError, status: number): string {
  if (status === 413) return `the body is larger than ${BODY_LIMIT_BYTES} bytes`;
  if (status === 415) return 'the body must be JSON (application/json)';
  if (status === 409) return 'conflicts with other records (it is still in use, or would duplicate one)';
  if (error.code?.startsWith('FST_ERR_CTP') || error instanceof SyntaxError) return 'the body is not valid JSON';
  return status === 500 ? 'the server could not complete the request' : error.message;
}

/** Builds the server without listening; tests call it in-process with `inject`. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    bodyLimit: BODY_LIMIT_BYTES,
    logger: {
      level: options.logLevel ?? 'info',
      redact: ['req.headers.authorization', 'req.headers.cookie', 'req.body.password', 'req.body.refresh_token'],
    },
  });
  const users = createUsersRepository(options.db);

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const status = errorStatus(error);
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    return reply
      .code(status)
      .send(validationEnvelope([{ PropertyName: 'Request', Message: errorMessage(error, status), AttemptedValue: null }]));
  });
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || request.url.startsWith('/kiosk/')) {
      return reply
        .code(404)
        .send(validationEnvelope([{ PropertyName: 'Request', Message: 'no such endpoint', AttemptedValue: request.url.slice(0, 200) }]));
    }
    if (staticDir && request.method === 'GET') return reply.sendFile('index.html');
    return reply.code(404).send('Not found');
  });

  await app.register(formbody, { bodyLimit: BODY_LIMIT_BYTES });
  app.get('/health', async () => {
    options.db.prepare('SELECT 1').get();
    return { status: 'ok' };
  });
  await app.register(nexudusApi, {
    prefix: '/api',
    db: options.db,
    users,
    tokenTtlSeconds: options.tokenTtlSeconds ?? 604_799,
    clock: options.clock,
  });

  // The gateway signs in to its Nexudus like any API user: here, to this server's own /api.
  let upstream = options.upstream;
  if (!upstream) {
    const password = newSecret();
    await users.upsertServiceUser(GATEWAY_USER, password, GATEWAY_ROLES);
    upstream = { url: 'embedded', username: GATEWAY_USER, password };
  }
  const credentials = { username: upstream.username, password: upstream.password };
  const transport = upstream.url === 'embedded' ? injectTransport(app) : fetchTransport(upstream.url);
  await app.register(gateway, { prefix: '/kiosk/v1', db: options.db, upstream: createUpstreamClient(transport, () => credentials) });

  const staticDir = options.staticDir && existsSync(resolve(options.staticDir, 'index.html')) ? resolve(options.staticDir) : undefined;
  if (staticDir) {
    await app.register(fastifyStatic, {
      root: staticDir,
      wildcard: false,
      setHeaders: (res, path) => {
        if (path.endsWith('sw.js') || path.endsWith('.html') || path.endsWith('.webmanifest')) res.setHeader('cache-control', 'no-cache');
        else if (path.includes('/assets/')) res.setHeader('cache-control', 'public, max-age=31536000, immutable');
      },
    });
  }
  return app;
}
