import type { FastifyError, FastifyInstance } from 'fastify';
import type { Db } from '../db/database';
import { createDevicesRepository } from '../db/devices-repository';
import { createLedgerRepository } from '../db/ledger-repository';
import { createSettingsRepository } from '../db/settings-repository';
import { createRateLimiter } from '../lib/rate-limiter';
import { adminRoutes } from './admin-routes';
import { createDirectoryService } from './directory';
import { createIdentitySigner } from './identity';
import { sendKioskError } from './kiosk-errors';
import { kioskRoutes } from './kiosk-routes';
import { createMemberFactsReader } from './member-facts';
import { createSubmissionService } from './submissions';
import { UpstreamUnavailable, type UpstreamClient } from './upstream-client';

/** The kiosk gateway, mounted at /kiosk/v1. */
export async function gateway(app: FastifyInstance, options: { db: Db; upstream: UpstreamClient }) {
  const { db, upstream } = options;
  const devices = createDevicesRepository(db);
  const facts = createMemberFactsReader(upstream);
  const identity = createIdentitySigner(createSettingsRepository(db).secret('identity-token-key'));
  const submissions = createSubmissionService({
    upstream,
    facts,
    ledger: createLedgerRepository(db),
    identity,
    pinLimiter: createRateLimiter({ maxFailures: 5, windowMs: 15 * 60_000, lockoutMs: 15 * 60_000 }),
  });

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof UpstreamUnavailable) {
      request.log.warn({ err: error.message }, 'upstream unavailable');
      return sendKioskError(reply, 'UPSTREAM_UNAVAILABLE', 'The check-in service is unreachable right now.', 5);
    }
    if (error.statusCode === 413) return sendKioskError(reply, 'VALIDATION', 'The request is too large.');
    if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
      return sendKioskError(reply, 'VALIDATION', 'The request is not valid JSON.');
    }
    request.log.error({ err: error }, 'kiosk request failed');
    return sendKioskError(reply, 'INTERNAL', 'Something went wrong on the server.');
  });

  await app.register(kioskRoutes, { devices, upstream, facts, directory: createDirectoryService(upstream, facts), submissions, identity });
  await app.register(adminRoutes, { prefix: '/admin', devices, upstream, facts });
}
