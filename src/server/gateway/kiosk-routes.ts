import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  HeartbeatSchema,
  IdentifyRequestSchema,
  MemberStatusSchema,
  PairRequestSchema,
  StaffCheckSchema,
  SubmitCheckinSchema,
  normalisePairingCode,
  type DeviceInfo,
  type StaffCheckResult,
  type UpstreamStatus,
} from '../../contract/kiosk-api';
import type { SnapshotService } from './snapshot';
import { sendCompressedJson } from './feed';
import { CheckinBatchSchema, type CheckinBatchResult } from '../../contract/outbox';
import type { Device, DevicesRepository } from '../db/devices-repository';
import { ANONYMOUS, DEVICE, declareAccess } from '../lib/access';
import { clientAddress } from '../lib/client-address';
import type { Guard } from '../lib/guard';
import { parseId } from '../lib/ids';
import { hashPassword } from '../lib/passwords';
import { checkStaffPin } from './staff-pin';
import type { DirectoryService } from './directory';
import { eligibilityOf } from './eligibility';
import type { IdentitySigner } from './identity';
import { parseKioskBody, sendKioskError } from './kiosk-errors';
import type { MemberFactsReader } from './member-facts';
import { deskGuessKeys, type MemberLookup } from './member-lookup';
import { MemberNotFound, SubmissionInProgress, TapHeld, UndoRefused, type SubmissionService } from './submissions';
import { UpstreamUnavailable, type UpstreamClient } from './upstream-client';
import { lookForTablet, toLocationInfo } from './location-info';
import type { LooksRepository } from '../db/looks-repository';

export interface KioskRouteDeps {
  devices: DevicesRepository;
  upstream: UpstreamClient;
  facts: MemberFactsReader;
  directory: DirectoryService;
  snapshot: SnapshotService;
  submissions: SubmissionService;
  identity: IdentitySigner;
  guard: Guard;
  findMember: MemberLookup;
  upstreamStatus: () => UpstreamStatus;
  /** Each location's look, set on the admin page. */
  looks: LooksRepository;
}

/** `?since=<version>`: the version of the tablet's copy (versions are base64url digests). */
const SinceQuerySchema = z
  .object({
    since: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,64}$/)
      .optional(),
  })
  .strict();

/** Who may call each tablet route. Everything a device reads or writes is its own location's. */
const ACCESS = {
  'POST /pair': ANONYMOUS,
  'GET /device': DEVICE,
  'POST /device/heartbeat': DEVICE,
  'POST /device/staff-check': DEVICE,
  'GET /directory': DEVICE,
  'GET /snapshot': DEVICE,
  'POST /identify': DEVICE,
  'GET /members/:id/status': DEVICE,
  'POST /checkins/batch': DEVICE,
  'POST /checkins/:clientId/undo': DEVICE,
  'POST /checkins': DEVICE,
};

const deviceOf = (request: FastifyRequest): Device => {
  if (!request.device) throw new Error('the device authenticator did not run');
  return request.device;
};

/** The tablet's API. Everything but pairing needs a device token; a revoked one sends the tablet back to setup. */
export async function kioskRoutes(app: FastifyInstance, deps: KioskRouteDeps) {
  const { devices, facts, guard } = deps;
  declareAccess(app, ACCESS);

  async function locationInfo(businessId: number) {
    const business = (await facts.referenceFor(businessId)).businesses.get(businessId);
    if (!business) throw new UpstreamUnavailable('The location of this tablet no longer exists upstream.');
    return toLocationInfo(business, lookForTablet(deps.looks.get(businessId)));
  }
  const deviceInfo = async (device: Device): Promise<DeviceInfo> => ({
    id: device.Id,
    name: device.Name,
    location: await locationInfo(device.BusinessId),
  });

  app.post('/pair', async (request, reply) => {
    const body = parseKioskBody(reply, PairRequestSchema, request.body);
    if (!body) return reply;
    const address = clientAddress(request);
    const attempt = await guard.attempt([{ policy: 'pairing:client', subject: address, label: address }]);
    if (!attempt.allowed)
      return sendKioskError(reply, 'RATE_LIMITED', 'Too many wrong codes. Wait a few minutes.', attempt.retryAfterSeconds);
    const code = normalisePairingCode(body.code);
    // Read the location from Nexudus before using the code up: if Nexudus is down, the code still works later.
    const businessId = devices.pairingCodeBusiness(code);
    if (businessId === undefined) {
      await attempt.fail();
      return sendKioskError(
        reply,
        'UNKNOWN_CREDENTIAL',
        'This code is wrong, expired or already used. Ask for a new one on the admin page.',
      );
    }
    await attempt.succeed();
    const location = await locationInfo(businessId);
    const paired = devices.redeemPairingCode(code, body.deviceName, await hashPassword(body.staffPin));
    if (!paired)
      return sendKioskError(reply, 'UNKNOWN_CREDENTIAL', 'This code was used a moment ago. Ask for a new one on the admin page.');
    return { deviceToken: paired.token, device: { id: paired.device.Id, name: paired.device.Name, location } };
  });

  app.get('/device', async (request) => deviceInfo(deviceOf(request)));

  app.post('/device/heartbeat', async (request, reply) => {
    const body = parseKioskBody(reply, HeartbeatSchema, request.body);
    if (!body) return reply;
    devices.heartbeat(deviceOf(request).Id, body);
    return reply.code(204).send();
  });

  app.post('/device/staff-check', async (request, reply): Promise<StaffCheckResult | typeof reply> => {
    const device = deviceOf(request);
    const body = parseKioskBody(reply, StaffCheckSchema, request.body);
    if (!body) return reply;
    if (!(await checkStaffPin(guard, device, body.staffPin, reply))) return reply;
    return { lockouts: guard.lockouts(device.BusinessId), upstream: deps.upstreamStatus() };
  });

  /**
   * The tablet's copies, as versioned feeds: `If-None-Match` with the version → 304; `?since=` a
   * version the gateway still knows → only the changes; else the whole document. Compressed.
   */
  const feedRequest = (request: FastifyRequest, reply: FastifyReply) => {
    const parsed = SinceQuerySchema.safeParse(request.query ?? {});
    if (!parsed.success) {
      void sendKioskError(reply, 'VALIDATION', 'since: must be a version this server sent');
      return undefined;
    }
    return { since: parsed.data.since, businessId: deviceOf(request).BusinessId };
  };
  const notModified = (request: FastifyRequest, reply: FastifyReply, version: string, since: string | undefined) => {
    const etag = `"${version}"`;
    reply.header('etag', etag).header('cache-control', 'no-cache');
    return request.headers['if-none-match'] === etag || since === version;
  };

  app.get('/directory', async (request, reply) => {
    const feed = feedRequest(request, reply);
    if (!feed) return reply;
    const directory = await deps.directory.forLocation(feed.businessId);
    devices.touch(deviceOf(request).Id);
    if (notModified(request, reply, directory.version, feed.since)) return reply.code(304).send();
    const delta = feed.since ? await deps.directory.deltaSince(feed.businessId, feed.since) : undefined;
    if (delta) return sendCompressedJson(request, reply, delta);
    return sendCompressedJson(request, reply, directory, `directory:${feed.businessId}:${directory.version}`);
  });

  app.get('/snapshot', async (request, reply) => {
    const feed = feedRequest(request, reply);
    if (!feed) return reply;
    const snapshot = await deps.snapshot.current(feed.businessId);
    if (notModified(request, reply, snapshot.version, feed.since)) return reply.code(304).send();
    const delta = feed.since ? await deps.snapshot.deltaSince(feed.businessId, feed.since) : undefined;
    if (delta) return sendCompressedJson(request, reply, delta);
    return sendCompressedJson(request, reply, snapshot, `snapshot:${feed.businessId}:${snapshot.version}`);
  });

  app.post('/identify', async (request, reply) => {
    const device = deviceOf(request);
    const body = parseKioskBody(reply, IdentifyRequestSchema, request.body);
    if (!body) return reply;
    const attempt = await guard.attempt(deskGuessKeys(device));
    if (!attempt.allowed) {
      return sendKioskError(
        reply,
        'LOCKED_OUT',
        'Too many tries. Please wait a few minutes or see the front desk.',
        attempt.retryAfterSeconds,
      );
    }
    const match = await deps.findMember(body.method, body.value, device.BusinessId).catch(async (error: unknown) => {
      await attempt.succeed(); // Nexudus did not answer: this try was not a guess
      throw error;
    });
    if (!match) {
      await attempt.fail();
      return sendKioskError(
        reply,
        'UNKNOWN_CREDENTIAL',
        body.method === 'pin' ? 'We could not find that PIN.' : 'We could not find that card.',
      );
    }
    await attempt.succeed();
    return {
      coworkerId: match.Id,
      displayName: match.FullName,
      identityToken: deps.identity.issue(device.Id, match.Id, body.method, new Date()),
    };
  });

  app.get('/members/:id/status', async (request, reply) => {
    const id = parseId((request.params as { id?: unknown }).id);
    if (id === undefined) return sendKioskError(reply, 'VALIDATION', 'id: must be a member id');
    const memberFacts = await facts.read(deviceOf(request).BusinessId, id, new Date());
    if (!memberFacts) return sendKioskError(reply, 'NOT_FOUND', 'No such member.');
    const { eligibility } = eligibilityOf(memberFacts);
    return MemberStatusSchema.parse({
      member: { id, displayName: memberFacts.input.customer.fullName, company: memberFacts.company },
      location: toLocationInfo(memberFacts.business),
      at: memberFacts.input.at.toISOString(),
      eligibility,
    });
  });

  /**
   * Replay from the outbox: taps in tap order, one answer each. While Nexudus is away each tap is
   * held in the ledger (the gateway's outbox, which sends them in order) and answered `retry`.
   */
  app.post('/checkins/batch', async (request, reply) => {
    const body = parseKioskBody(reply, CheckinBatchSchema, request.body);
    if (!body) return reply;
    const results: CheckinBatchResult['results'] = [];
    // The tablet's clock is compared with the moment the batch arrived, not with when each tap's turn came.
    const receivedAt = new Date();
    for (const submission of body.submissions) {
      try {
        results.push(await deps.submissions.submit(submission, deviceOf(request), receivedAt));
      } catch (error) {
        if (error instanceof MemberNotFound) {
          results.push({
            status: 'refused',
            clientId: submission.clientId,
            code: 'UNKNOWN_MEMBER',
            message: error.message,
            eligibility: null,
            duplicate: false,
          });
        } else if (error instanceof TapHeld || error instanceof SubmissionInProgress) {
          results.push({
            status: 'retry',
            clientId: submission.clientId,
            message: error.message,
            retryAfterSeconds: error.retryAfterSeconds,
          });
        } else if (error instanceof UpstreamUnavailable) {
          results.push({
            status: 'retry',
            clientId: submission.clientId,
            message: 'The check-in service is unreachable.',
            retryAfterSeconds: error.retryAfterSeconds,
          });
        } else {
          throw error;
        }
      }
    }
    devices.touch(deviceOf(request).Id);
    return { results };
  });

  app.post('/checkins/:clientId/undo', async (request, reply) => {
    const clientId = String((request.params as { clientId?: string }).clientId ?? '');
    try {
      return await deps.submissions.undo(clientId.slice(0, 64), deviceOf(request));
    } catch (error) {
      if (error instanceof UndoRefused) return sendKioskError(reply, 'NOT_FOUND', error.message);
      throw error;
    }
  });

  app.post('/checkins', async (request, reply) => {
    const body = parseKioskBody(reply, SubmitCheckinSchema, request.body);
    if (!body) return reply;
    try {
      return await deps.submissions.submit(body, deviceOf(request));
    } catch (error) {
      if (error instanceof SubmissionInProgress) return sendKioskError(reply, 'IN_PROGRESS', error.message, error.retryAfterSeconds);
      if (error instanceof MemberNotFound) return sendKioskError(reply, 'NOT_FOUND', error.message);
      throw error;
    }
  });
}
