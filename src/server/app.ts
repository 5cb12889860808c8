import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import formbody from '@fastify/formbody';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type RouteOptions } from 'fastify';
import { validationEnvelope } from '../contract/nexudus-envelopes';
import type { Db } from './db/database';
import { createUsersRepository } from './db/users-repository';
import { gateway } from './gateway/gateway';
import type { HostMailer } from './lib/host-mailer';
import { createRequestBudget, PUBLISHED_BUDGET, type BudgetConfig } from './gateway/upstream-budget';
import { createUpstreamClient, fetchTransport, injectTransport } from './gateway/upstream-client';
import { ANONYMOUS, installAccessControl } from './lib/access';
import { mapError } from './lib/errors';
import { createGuard } from './lib/guard';
import { installBoundedJsonParser } from './lib/json-body';
import { logSerializers } from './lib/log-redaction';
import { newSecret } from './lib/passwords';
import { installSecurityHeaders } from './lib/security-headers';
import { nexudusApi } from './nexudus/nexudus-api';
import type { LimitRules } from './nexudus/published-limits';
import { TAPDESK_ADMIN_ROLE } from '../contract/nexudus-users';

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
  /** Fastify's trustProxy: which proxies may name the client (see TRUST_PROXY). */
  trustProxy?: false | number | string[];
  /** Enforce Nexudus's published request limits on the embedded API (EMBEDDED_LIMITS=published). */
  embeddedLimits?: boolean | LimitRules;
  /** The gateway's budget for requests to a real Nexudus: the published limits by default, `false` for none. */
  upstreamBudget?: BudgetConfig | false;
  /** How often each paired location's mirror syncs (default 60 s; SYNC_INTERVAL_SECONDS). */
  syncIntervalMs?: number;
  /** HTTPS for tablets on the LAN (TLS_CERT / TLS_KEY, PEM). */
  https?: { cert: string | Buffer; key: string | Buffer };
  /** Hosts hear of walk-ins by e-mail (embedded mode; SMTP_URL, SMTP_FROM, PUBLIC_URL). */
  hostMail?: { mailer: HostMailer; publicUrl: string };
  /** Days the embedded store keeps a visitor after the visit (VISITOR_RETENTION_DAYS). */
  visitorRetentionDays?: number;
  /** Where log lines go (tests read them); standard output by default. */
  logStream?: { write: (line: string) => void };
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
  'User-List',
  'Visitor-List',
  'Visitor-Read',
  'Visitor-Create',
  'Visitor-Edit',
];
export const GATEWAY_USER = 'gateway@tapdesk.internal';
export { TAPDESK_ADMIN_ROLE };

export const BODY_LIMIT_BYTES = 64 * 1024;

/** A number of hops becomes proxy-addr's trust function (Fastify's types name no number form). */
function fastifyTrustProxy(value: false | number | string[]): boolean | string[] | ((address: string, hop: number) => boolean) {
  return typeof value === 'number' ? (_address, hop) => hop < value : value;
}

/** Builds the server without listening; tests call it in-process with `inject`. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    ...(options.https ? { https: options.https } : {}),
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: fastifyTrustProxy(options.trustProxy ?? false),
    logger: {
      level: options.logLevel ?? 'info',
      serializers: logSerializers,
      ...(options.logStream ? { stream: options.logStream } : {}),
    },
  });
  // Headers first, so that even a refusal by the access check carries them.
  await installSecurityHeaders(app, helmet);
  installAccessControl(app);
  installBoundedJsonParser(app);
  const users = createUsersRepository(options.db);
  const guard = createGuard(options.db);

  app.setErrorHandler((error, request, reply) => {
    const mapped = mapError(error, BODY_LIMIT_BYTES);
    if (mapped.unexpected) request.log.error({ err: error }, 'request failed');
    if (mapped.retryAfterSeconds !== undefined) reply.header('retry-after', String(mapped.retryAfterSeconds));
    return reply.code(mapped.status).send(validationEnvelope([{ PropertyName: 'Request', Message: mapped.message, AttemptedValue: null }]));
  });
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || request.url.startsWith('/kiosk/')) {
      return reply.code(404).send(validationEnvelope([{ PropertyName: 'Request', Message: 'no such endpoint', AttemptedValue: null }]));
    }
    if (staticDir && request.method === 'GET') return reply.sendFile('index.html');
    return reply.code(404).send('Not found');
  });

  await app.register(formbody, { bodyLimit: BODY_LIMIT_BYTES });
  app.get('/health', { config: { access: ANONYMOUS } }, async () => {
    options.db.prepare('SELECT 1').get();
    return { status: 'ok' };
  });
  // Two modes: the embedded Nexudus is mounted only when it is the gateway's upstream.
  let upstream = options.upstream;
  if (!upstream) {
    await app.register(nexudusApi, {
      prefix: '/api',
      db: options.db,
      users,
      guard,
      tokenTtlSeconds: options.tokenTtlSeconds ?? 604_799,
      clock: options.clock,
      publishedLimits: options.embeddedLimits,
      visitorRetentionDays: options.visitorRetentionDays ?? 30,
    });
    // The gateway signs in to its Nexudus like any API user: here, to this server's own /api.
    const password = newSecret();
    await users.upsertServiceUser(GATEWAY_USER, password, GATEWAY_ROLES);
    upstream = { url: 'embedded', username: GATEWAY_USER, password };
  }
  const credentials = { username: upstream.username, password: upstream.password };
  const embedded = upstream.url === 'embedded';
  const transport = embedded ? injectTransport(app) : fetchTransport(upstream.url);
  // Against a real Nexudus every request keeps within its published limits (UPSTREAM_BUDGET=off to lift).
  const budget =
    !embedded && options.upstreamBudget !== false ? createRequestBudget(options.upstreamBudget ?? PUBLISHED_BUDGET) : undefined;
  await app.register(gateway, {
    prefix: '/kiosk/v1',
    db: options.db,
    guard,
    embedded,
    syncIntervalMs: options.syncIntervalMs,
    hostMail: embedded ? options.hostMail : undefined,
    upstream: createUpstreamClient(transport, () => credentials, { budget }),
  });

  const staticDir = options.staticDir && existsSync(resolve(options.staticDir, 'index.html')) ? resolve(options.staticDir) : undefined;
  if (staticDir) {
    // The built kiosk is public: each file route @fastify/static makes (it marks them with
    // `config.file`) is anonymous. Registered at the root so the not-found handler can send index.html.
    app.addHook('onRoute', (route: RouteOptions) => {
      if (Object.hasOwn(route.config ?? {}, 'file')) route.config = { ...route.config, access: ANONYMOUS };
    });
    await app.register(fastifyStatic, {
      root: staticDir,
      wildcard: false,
      cacheControl: false,
      setHeaders: (res, path) => {
        if (path.endsWith('sw.js') || path.endsWith('.html') || path.endsWith('.webmanifest')) res.setHeader('cache-control', 'no-cache');
        else if (path.includes('/assets/')) res.setHeader('cache-control', 'public, max-age=31536000, immutable');
        else res.setHeader('cache-control', 'public, max-age=3600');
      },
    });
  }
  return app;
}
