import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { PairingCodeRequestSchema, StaffSignInSchema, type AdminDevice } from '../../contract/kiosk-api';
import type { DevicesRepository } from '../db/devices-repository';
import { createRateLimiter } from '../lib/rate-limiter';
import { parseKioskBody, sendKioskError } from './kiosk-errors';
import type { MemberFactsReader } from './member-facts';
import type { UpstreamClient } from './upstream-client';

const RevokeSchema = z.object({ confirm: z.boolean().default(false) });

/**
 * The admin page's API: staff sign in with a Nexudus API user's email and password (checked by
 * the upstream's own /api/token), then create pairing codes and see and revoke tablets.
 */
export async function adminRoutes(
  app: FastifyInstance,
  deps: { devices: DevicesRepository; upstream: UpstreamClient; facts: MemberFactsReader },
) {
  const { devices, upstream, facts } = deps;
  const signInLimiter = createRateLimiter({ maxFailures: 10, windowMs: 15 * 60_000, lockoutMs: 15 * 60_000 });

  app.post('/session', async (request, reply) => {
    const key = `staff-sign-in:${request.ip}`;
    const wait = signInLimiter.retryAfterMs(key, Date.now());
    if (wait > 0) return sendKioskError(reply, 'RATE_LIMITED', 'Too many failed sign-ins. Try again later.', Math.ceil(wait / 1000));
    const body = parseKioskBody(reply, StaffSignInSchema, request.body);
    if (!body) return reply;
    if (!(await upstream.verifyCredentials(body.email, body.password))) {
      signInLimiter.fail(key, Date.now());
      return sendKioskError(reply, 'UNKNOWN_CREDENTIAL', 'That email and password do not match an API user.');
    }
    signInLimiter.succeed(key);
    const session = devices.createStaffSession(body.email);
    return { staffToken: session.token, email: body.email, expiresAt: session.expiresAt };
  });

  app.register(async (staff) => {
    let email = '';
    staff.addHook('onRequest', async (request, reply) => {
      const [scheme, token] = (request.headers.authorization ?? '').split(' ', 2);
      const signedIn = scheme?.toLowerCase() === 'bearer' && token ? devices.staffSession(token) : undefined;
      if (!signedIn) return sendKioskError(reply, 'UNAUTHORIZED', 'Sign in as staff first.');
      email = signedIn;
    });

    staff.get('/locations', async () => {
      const ref = await facts.referenceData();
      return [...ref.businesses.values()].map((b) => ({ id: b.Id, name: b.Name, timeZone: b.TimeZone, currency: b.CurrencyCode }));
    });

    staff.post('/pairing-codes', async (request, reply) => {
      const body = parseKioskBody(reply, PairingCodeRequestSchema, request.body);
      if (!body) return reply;
      const ref = await facts.referenceFor(body.businessId);
      if (!ref.businesses.has(body.businessId)) return sendKioskError(reply, 'NOT_FOUND', 'No such location.');
      const code = devices.createPairingCode(body.businessId, email);
      return { code: code.code, businessId: body.businessId, expiresAt: code.expiresAt };
    });

    staff.get('/devices', async (): Promise<AdminDevice[]> => {
      const ref = await facts.referenceData();
      return devices.list().map((d) => ({
        id: d.Id,
        name: d.Name,
        location: { id: d.BusinessId, name: ref.businesses.get(d.BusinessId)?.Name ?? `Location ${d.BusinessId}` },
        pairedAt: d.PairedAt,
        lastSeenAt: d.LastSeenAt,
        revokedAt: d.RevokedAt,
        outboxPending: d.OutboxPending,
        outboxRejected: d.OutboxRejected,
        outboxOldestAt: d.OutboxOldestAt,
        appVersion: d.AppVersion,
      }));
    });

    staff.post('/devices/:id/revoke', async (request, reply) => {
      const id = Number((request.params as { id?: string }).id);
      const device = Number.isInteger(id) ? devices.byId(id) : undefined;
      if (!device) return sendKioskError(reply, 'NOT_FOUND', 'No such tablet.');
      const body = parseKioskBody(reply, RevokeSchema, request.body ?? {});
      if (!body) return reply;
      if (device.OutboxPending > 0 && !body.confirm && !device.RevokedAt) {
        return sendKioskError(
          reply,
          'IN_PROGRESS',
          `This tablet still holds ${device.OutboxPending} unsent check-in(s). Confirm to unpair it anyway.`,
        );
      }
      devices.revoke(id);
      return reply.code(204).send();
    });
  });
}
