import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  ClearLockoutSchema,
  PairingCodeRequestSchema,
  StaffSignInSchema,
  SyncRequestSchema,
  type AdminDevice,
  type MirrorSyncState,
  type UpstreamStatus,
} from '../../contract/kiosk-api';
import { LocationLookInputSchema } from '../../contract/location-looks';
import { TAPDESK_ADMIN_ROLE } from '../../contract/nexudus-users';
import type { DevicesRepository } from '../db/devices-repository';
import type { LooksRepository } from '../db/looks-repository';
import { lookForAdmin } from './location-info';
import { ANONYMOUS, STAFF, declareAccess } from '../lib/access';
import { clientAddress } from '../lib/client-address';
import { passwordGuessKeys, type Guard } from '../lib/guard';
import { parseId } from '../lib/ids';
import { parseKioskBody, sendKioskError } from './kiosk-errors';
import type { MemberFactsReader } from './member-facts';
import type { MirrorSync } from './mirror-sync';
import type { UpstreamClient } from './upstream-client';

const RevokeSchema = z.object({ confirm: z.boolean().default(false) });

/** Who may call each admin-page route: signing in is open; everything else needs a staff session. */
const ACCESS = {
  'POST /session': ANONYMOUS,
  'DELETE /session': STAFF,
  'GET /locations': STAFF,
  'GET /locations/:id/look': STAFF,
  'PUT /locations/:id/look': STAFF,
  'POST /pairing-codes': STAFF,
  'GET /devices': STAFF,
  'POST /devices/:id/revoke': STAFF,
  'GET /lockouts': STAFF,
  'POST /lockouts/clear': STAFF,
  'GET /upstream': STAFF,
  'GET /sync': STAFF,
  'POST /sync': STAFF,
};

/** What Nexudus says about a staff account: only a full administrator or a Tapdesk-Admin may use the admin page. */
const StaffUserSchema = z.object({ Email: z.string(), IsAdmin: z.boolean(), Roles: z.array(z.string()).default([]) });

/**
 * The admin page's API: staff sign in with a Nexudus user's email and password (checked by the
 * upstream's own /api/token) who is a full administrator or holds the Tapdesk-Admin role; then
 * they create pairing codes, see and revoke tablets, and see and lift lockouts.
 */
export async function adminRoutes(
  app: FastifyInstance,
  deps: {
    devices: DevicesRepository;
    upstream: UpstreamClient;
    facts: MemberFactsReader;
    guard: Guard;
    upstreamStatus: () => UpstreamStatus;
    sync: MirrorSync;
    /** Whether Tapdesk serves this location (gateway.ts). */
    serves: (businessId: number) => boolean;
    looks: LooksRepository;
  },
) {
  const { devices, upstream, facts, guard } = deps;
  declareAccess(app, ACCESS);

  app.post('/session', async (request, reply) => {
    const body = parseKioskBody(reply, StaffSignInSchema, request.body);
    if (!body) return reply;
    const attempt = await guard.attempt(passwordGuessKeys(body.email, clientAddress(request)));
    if (!attempt.allowed)
      return sendKioskError(reply, 'RATE_LIMITED', 'Too many failed sign-ins. Try again later.', attempt.retryAfterSeconds);
    const signedIn = await upstream.staffUser(body.email, body.password, StaffUserSchema);
    if (!signedIn.ok) {
      await attempt.fail();
      return sendKioskError(reply, 'UNKNOWN_CREDENTIAL', 'That email and password do not match a Nexudus user.');
    }
    await attempt.succeed();
    const user = signedIn.user;
    if (!user || !(user.IsAdmin || user.Roles.includes(TAPDESK_ADMIN_ROLE))) {
      return sendKioskError(
        reply,
        'UNKNOWN_CREDENTIAL',
        `This account may not use the admin page: it must be a full administrator or hold the ${TAPDESK_ADMIN_ROLE} role.`,
      );
    }
    const session = devices.createStaffSession(user.Email);
    return { staffToken: session.token, email: user.Email, expiresAt: session.expiresAt };
  });

  app.delete('/session', async (request, reply) => {
    if (request.bearerToken) devices.endStaffSession(request.bearerToken);
    return reply.code(204).send();
  });

  /** Nexudus's locations; while it cannot be reached, the ones the mirror holds (so the page still works). */
  const businesses = async () => {
    try {
      return (await facts.referenceData()).businesses;
    } catch (error) {
      const mirrored = deps.sync.businesses();
      if (mirrored.size === 0) throw error;
      return mirrored;
    }
  };

  app.get('/locations', async () => {
    return [...(await businesses()).values()].map((b) => ({ id: b.Id, name: b.Name, timeZone: b.TimeZone, currency: b.CurrencyCode }));
  });

  /** A location of Nexudus's (else a 404 said); the id from the path. */
  async function knownLocation(request: { params: unknown }): Promise<number | undefined> {
    const id = parseId((request.params as { id?: unknown }).id);
    return id !== undefined && (await businesses()).has(id) ? id : undefined;
  }

  app.get('/locations/:id/look', async (request, reply) => {
    const id = await knownLocation(request);
    if (id === undefined) return sendKioskError(reply, 'NOT_FOUND', 'No such location.');
    return lookForAdmin(id, deps.looks.get(id));
  });

  /** How the tablets of a location look: they pick it up with their next refresh of the device's details. */
  app.put('/locations/:id/look', async (request, reply) => {
    const id = await knownLocation(request);
    if (id === undefined) return sendKioskError(reply, 'NOT_FOUND', 'No such location.');
    const body = parseKioskBody(reply, LocationLookInputSchema, request.body);
    if (!body) return reply;
    deps.looks.set(id, body, request.staffEmail ?? '');
    request.log.info(
      { businessId: id, accent: body.accent, logo: body.logoUrl !== null, banner: body.bannerUrl !== null },
      'location look set',
    );
    return lookForAdmin(id, deps.looks.get(id));
  });

  app.post('/pairing-codes', async (request, reply) => {
    const body = parseKioskBody(reply, PairingCodeRequestSchema, request.body);
    if (!body) return reply;
    const ref = await facts.referenceFor(body.businessId);
    if (!ref.businesses.has(body.businessId)) return sendKioskError(reply, 'NOT_FOUND', 'No such location.');
    const code = devices.createPairingCode(body.businessId, request.staffEmail ?? '');
    return { code: code.code, businessId: body.businessId, expiresAt: code.expiresAt };
  });

  app.get('/devices', async (): Promise<AdminDevice[]> => {
    const names = await businesses();
    return devices.list().map((d) => ({
      id: d.Id,
      name: d.Name,
      location: { id: d.BusinessId, name: names.get(d.BusinessId)?.Name ?? `Location ${d.BusinessId}` },
      pairedAt: d.PairedAt,
      lastSeenAt: d.LastSeenAt,
      revokedAt: d.RevokedAt,
      outboxPending: d.OutboxPending,
      outboxRejected: d.OutboxRejected,
      outboxOldestAt: d.OutboxOldestAt,
      appVersion: d.AppVersion,
      wakeLock: d.WakeLock,
    }));
  });

  app.post('/devices/:id/revoke', async (request, reply) => {
    const id = parseId((request.params as { id?: unknown }).id);
    const device = id === undefined ? undefined : devices.byId(id);
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
    devices.revoke(device.Id);
    return reply.code(204).send();
  });

  app.get('/lockouts', async () => guard.lockouts());

  app.get('/upstream', async () => deps.upstreamStatus());

  const syncStates = (): MirrorSyncState[] => {
    const names = deps.sync.businesses();
    return deps.sync.states().flatMap((s) => {
      if (!s.Scope.startsWith('location:')) return [];
      const businessId = Number(s.Scope.slice('location:'.length));
      return [
        {
          businessId,
          name: names.get(businessId)?.Name ?? `Location ${businessId}`,
          fullAt: s.FullAt,
          syncedAt: s.SyncedAt,
          records: s.Records,
          lastError: s.LastError,
          lastErrorAt: s.LastErrorAt,
        },
      ];
    });
  };
  app.get('/sync', async () => syncStates());

  /** "Sync now" on the admin page: a full listing of one location; a failure is answered and kept in its state. */
  app.post('/sync', async (request, reply) => {
    const body = parseKioskBody(reply, SyncRequestSchema, request.body);
    if (!body) return reply;
    const ref = await facts.referenceFor(body.businessId);
    const location = ref.businesses.get(body.businessId);
    if (!location) return sendKioskError(reply, 'NOT_FOUND', 'No such location.');
    if (!deps.serves(body.businessId))
      return sendKioskError(reply, 'NOT_FOUND', `No Tapdesk tablet has been paired at ${location.Name}: there is nothing to sync.`);
    await deps.sync.sync(body.businessId, 'full');
    return syncStates();
  });

  app.post('/lockouts/clear', async (request, reply) => {
    const body = parseKioskBody(reply, ClearLockoutSchema, request.body);
    if (!body) return reply;
    if (!guard.clear(body.id)) return sendKioskError(reply, 'NOT_FOUND', 'That lockout has already ended.');
    request.log.info({ lockout: body.id.split(':').slice(0, 2).join(':'), by: request.staffEmail }, 'lockout cleared');
    return reply.code(204).send();
  });
}
