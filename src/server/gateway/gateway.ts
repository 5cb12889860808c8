import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { KioskErrorCode, UpstreamStatus } from '../../contract/kiosk-api';
import type { Db } from '../db/database';
import { createDevicesRepository, type Device } from '../db/devices-repository';
import { createLedgerRepository } from '../db/ledger-repository';
import { createMirrorRepository } from '../db/mirror-repository';
import { createSettingsRepository } from '../db/settings-repository';
import { createLooksRepository } from '../db/looks-repository';
import { mapError } from '../lib/errors';
import type { Guard } from '../lib/guard';
import { adminRoutes } from './admin-routes';
import { createDirectoryService } from './directory';
import { createIdentitySigner } from './identity';
import { sendKioskError } from './kiosk-errors';
import { kioskRoutes } from './kiosk-routes';
import { createMemberFactsReader } from './member-facts';
import { createMemberLookup } from './member-lookup';
import { createMirrorSync } from './mirror-sync';
import { createSnapshotService } from './snapshot';
import { createSealer } from '../lib/sealed';
import { createSubmissionService } from './submissions';
import { createUpstreamOutbox } from './upstream-outbox';
import type { UpstreamClient } from './upstream-client';
import type { HostMailer } from '../lib/host-mailer';
import { createHostLinkSigner } from './host-links';
import { createVisitorDesk } from './visitor-desk';
import { visitorRoutes } from './visitor-routes';

declare module 'fastify' {
  interface FastifyRequest {
    device?: Device;
    staffEmail?: string;
    /** The bearer token the caller sent (a device token or a staff session). */
    bearerToken?: string;
  }
}

const BODY_LIMIT_BYTES = 64 * 1024;

const bearer = (request: FastifyRequest) => {
  const [scheme, token] = (request.headers.authorization ?? '').split(' ', 2);
  return scheme?.toLowerCase() === 'bearer' && token && token.length <= 200 ? token : undefined;
};

const CODE_FOR_STATUS: Record<number, KioskErrorCode> = {
  400: 'VALIDATION',
  401: 'UNAUTHORIZED',
  404: 'NOT_FOUND',
  409: 'IN_PROGRESS',
  413: 'VALIDATION',
  415: 'VALIDATION',
  429: 'RATE_LIMITED',
  502: 'UPSTREAM_UNAVAILABLE',
  503: 'UPSTREAM_UNAVAILABLE',
};

/** The kiosk gateway, mounted at /kiosk/v1. JSON bodies only. */
/** How often each paired location's mirror is synced with Nexudus. */
export const SYNC_INTERVAL_MS = 60_000;

export async function gateway(
  app: FastifyInstance,
  options: {
    db: Db;
    upstream: UpstreamClient;
    guard: Guard;
    embedded: boolean;
    syncIntervalMs?: number;
    outboxIntervalMs?: number;
    /** Telling hosts about walk-ins (embedded mode): SMTP and the address their links open. */
    hostMail?: { mailer: HostMailer; publicUrl: string };
  },
) {
  const { db, upstream, guard } = options;
  const devices = createDevicesRepository(db);
  const looks = createLooksRepository(db);
  const settings = createSettingsRepository(db);
  const ledger = createLedgerRepository(db, createSealer(settings.secret('ledger-seal-key')));
  const outbox = createUpstreamOutbox({ ledger, devices, log: app.log });
  const upstreamStatus = (): UpstreamStatus => ({
    mode: options.embedded ? 'embedded' : 'nexudus',
    ...upstream.health(),
    budget: upstream.budget(),
    outbox: outbox.status(),
  });
  const mirror = createMirrorRepository(db);
  const sync = createMirrorSync(upstream, mirror, (businessId, customers, ms) =>
    app.log.info({ businessId, customers, ms }, 'mirror full sync'),
  );
  const facts = createMemberFactsReader(upstream, sync);
  const identity = createIdentitySigner(settings.secret('identity-token-key'));
  const findMember = createMemberLookup(upstream);
  const submissions = createSubmissionService({
    upstream,
    facts,
    ledger,
    identity,
    guard,
    findMember,
    noteWrite: (records) => sync.noteWrite(records),
    outbox: outbox.policy,
  });
  outbox.attach(submissions);

  // Content-type parsers are per context: here only JSON is read (a form body answers 415).
  app.removeContentTypeParser(['application/x-www-form-urlencoded', 'text/plain']);

  app.authenticators.device = async (request, reply) => {
    const token = bearer(request);
    const device = token ? devices.byToken(token) : undefined;
    if (!device) {
      await sendKioskError(reply, 'UNAUTHORIZED', 'This tablet is not paired.');
      return false;
    }
    if (device.RevokedAt) {
      await sendKioskError(reply, 'DEVICE_REVOKED', 'This tablet was unpaired by staff. Pair it again.');
      return false;
    }
    request.device = device;
    return true;
  };
  app.authenticators.staff = async (request, reply) => {
    const token = bearer(request);
    const email = token ? devices.staffSession(token) : undefined;
    if (!email) {
      await sendKioskError(reply, 'UNAUTHORIZED', 'Sign in as staff first (your session may have ended).');
      return false;
    }
    request.staffEmail = email;
    request.bearerToken = token;
    return true;
  };

  app.setErrorHandler((error, request, reply) => {
    const mapped = mapError(error, BODY_LIMIT_BYTES);
    if (mapped.unexpected) request.log.error({ err: error }, 'kiosk request failed');
    else if (mapped.status >= 500) request.log.warn({ status: mapped.status, reason: mapped.message }, 'upstream unavailable');
    const code = CODE_FOR_STATUS[mapped.status] ?? (mapped.status < 500 ? 'VALIDATION' : 'INTERNAL');
    const message = code === 'UPSTREAM_UNAVAILABLE' ? 'The check-in service is unreachable right now.' : mapped.message;
    return sendKioskError(reply, code, message, mapped.retryAfterSeconds, mapped.status);
  });

  const directory = createDirectoryService(sync);
  const snapshot = createSnapshotService(sync, mirror);
  await app.register(kioskRoutes, {
    devices,
    upstream,
    facts,
    directory,
    snapshot,
    submissions,
    identity,
    guard,
    findMember,
    upstreamStatus,
    looks,
  });
  // The locations Tapdesk serves: mirrored, or where a tablet was paired. Staff asking about any other
  // (who is in, Sync now) would start mirroring it for good, on Nexudus's request budget.
  const serves = (businessId: number) => sync.locations().includes(businessId) || devices.everPairedAt(businessId);
  const visitorDesk = createVisitorDesk({
    db,
    serves,
    upstream,
    facts,
    sync,
    embedded: options.embedded,
    mailer: options.hostMail?.mailer,
    publicUrl: options.hostMail?.publicUrl,
    links: createHostLinkSigner(settings.secret('host-link-key')),
    log: app.log,
  });
  await app.register(visitorRoutes, { desk: visitorDesk, guard });
  await app.register(adminRoutes, { prefix: '/admin', devices, upstream, facts, guard, upstreamStatus, sync, serves, looks });

  // The schedule: every paired location's mirror is brought up to date every interval.
  const timer = setInterval(() => {
    visitorDesk.forgetOld();
    for (const businessId of sync.locations()) {
      sync
        .sync(businessId)
        .catch((error: unknown) =>
          app.log.warn({ businessId, reason: error instanceof Error ? error.message : String(error) }, 'mirror sync failed'),
        );
    }
  }, options.syncIntervalMs ?? SYNC_INTERVAL_MS);
  timer.unref();
  // The upstream outbox: held taps (and any a crash left half-sent) go to Nexudus in order.
  const stopOutbox = outbox.start(options.outboxIntervalMs);
  app.addHook('onReady', () => void outbox.drain());
  app.addHook('onClose', async () => {
    clearInterval(timer);
    stopOutbox();
    await outbox.drain();
  });
}
