import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  HeartbeatSchema,
  IdentifyRequestSchema,
  MemberStatusSchema,
  PairRequestSchema,
  StaffCheckSchema,
  SubmitCheckinSchema,
  normalisePairingCode,
  type DeviceInfo,
} from '../../contract/kiosk-api';
import { CoworkerRecordSchema } from '../../contract/nexudus-coworkers';
import { CheckinBatchSchema, type CheckinBatchResult } from '../../contract/outbox';
import type { Device, DevicesRepository } from '../db/devices-repository';
import { hashPassword, verifyPassword } from '../lib/passwords';
import { createRateLimiter } from '../lib/rate-limiter';
import type { DirectoryService } from './directory';
import { eligibilityOf } from './eligibility';
import { buildSnapshot } from './snapshot';
import type { IdentitySigner } from './identity';
import { parseKioskBody, sendKioskError } from './kiosk-errors';
import type { MemberFactsReader } from './member-facts';
import { MemberNotFound, SubmissionInProgress, UndoRefused, type SubmissionService } from './submissions';
import { UpstreamUnavailable, type UpstreamClient } from './upstream-client';
import { linkedTo, toLocationInfo } from './upstream-model';

declare module 'fastify' {
  interface FastifyRequest {
    device?: Device;
  }
}

export interface KioskRouteDeps {
  devices: DevicesRepository;
  upstream: UpstreamClient;
  facts: MemberFactsReader;
  directory: DirectoryService;
  submissions: SubmissionService;
  identity: IdentitySigner;
}

const bearer = (request: FastifyRequest) => {
  const [scheme, token] = (request.headers.authorization ?? '').split(' ', 2);
  return scheme?.toLowerCase() === 'bearer' && token ? token : undefined;
};

/** The tablet's API. Everything but pairing needs a device token; a revoked one sends the tablet back to setup. */
export async function kioskRoutes(app: FastifyInstance, deps: KioskRouteDeps) {
  const { devices, upstream, facts } = deps;
  const pairLimiter = createRateLimiter({ maxFailures: 10, windowMs: 10 * 60_000, lockoutMs: 10 * 60_000 });
  const identifyLimiter = createRateLimiter({ maxFailures: 5, windowMs: 5 * 60_000, lockoutMs: 5 * 60_000 });
  const staffLimiter = createRateLimiter({ maxFailures: 5, windowMs: 15 * 60_000, lockoutMs: 15 * 60_000 });

  async function locationInfo(businessId: number) {
    const business = (await facts.referenceFor(businessId)).businesses.get(businessId);
    if (!business) throw new UpstreamUnavailable('The location of this tablet no longer exists upstream.');
    return toLocationInfo(business);
  }
  const deviceInfo = async (device: Device): Promise<DeviceInfo> => ({
    id: device.Id,
    name: device.Name,
    location: await locationInfo(device.BusinessId),
  });

  app.post('/pair', async (request, reply) => {
    const key = `pair:${request.ip}`;
    const wait = pairLimiter.retryAfterMs(key, Date.now());
    if (wait > 0) return sendKioskError(reply, 'RATE_LIMITED', 'Too many wrong codes. Wait a few minutes.', Math.ceil(wait / 1000));
    const body = parseKioskBody(reply, PairRequestSchema, request.body);
    if (!body) return reply;
    const code = normalisePairingCode(body.code);
    // Read the location from Nexudus before using the code up: if Nexudus is down, the code still works later.
    const businessId = devices.pairingCodeBusiness(code);
    const location = businessId === undefined ? undefined : await locationInfo(businessId);
    const paired = location && devices.redeemPairingCode(code, body.deviceName, await hashPassword(body.staffPin));
    if (!paired || !location) {
      pairLimiter.fail(key, Date.now());
      return sendKioskError(
        reply,
        'UNKNOWN_CREDENTIAL',
        'This code is wrong, expired or already used. Ask for a new one on the admin page.',
      );
    }
    pairLimiter.succeed(key);
    return { deviceToken: paired.token, device: { id: paired.device.Id, name: paired.device.Name, location } };
  });

  app.register(async (authed) => {
    authed.addHook('onRequest', async (request, reply) => {
      const token = bearer(request);
      const device = token ? devices.byToken(token) : undefined;
      if (!device) return sendKioskError(reply, 'UNAUTHORIZED', 'This tablet is not paired.');
      if (device.RevokedAt) return sendKioskError(reply, 'DEVICE_REVOKED', 'This tablet was unpaired by staff. Pair it again.');
      request.device = device;
    });
    const deviceOf = (request: FastifyRequest): Device => {
      if (!request.device) throw new Error('device hook did not run');
      return request.device;
    };

    authed.get('/device', async (request) => deviceInfo(deviceOf(request)));

    authed.post('/device/heartbeat', async (request, reply) => {
      const body = parseKioskBody(reply, HeartbeatSchema, request.body);
      if (!body) return reply;
      devices.heartbeat(deviceOf(request).Id, body);
      return reply.code(204).send();
    });

    authed.post('/device/staff-check', async (request, reply) => {
      const device = deviceOf(request);
      const key = `staff:${device.Id}`;
      const wait = staffLimiter.retryAfterMs(key, Date.now());
      if (wait > 0) return sendKioskError(reply, 'LOCKED_OUT', 'Too many wrong staff PINs. Try again later.', Math.ceil(wait / 1000));
      const body = parseKioskBody(reply, StaffCheckSchema, request.body);
      if (!body) return reply;
      if (!(await verifyPassword(body.staffPin, device.StaffPinHash))) {
        staffLimiter.fail(key, Date.now());
        return sendKioskError(reply, 'UNKNOWN_CREDENTIAL', 'That staff PIN is not right.');
      }
      staffLimiter.succeed(key);
      return reply.code(204).send();
    });

    authed.get('/directory', async (request, reply) => {
      const directory = await deps.directory.forLocation(deviceOf(request).BusinessId);
      devices.touch(deviceOf(request).Id);
      const etag = `"${directory.version}"`;
      reply.header('etag', etag).header('cache-control', 'no-cache');
      if (request.headers['if-none-match'] === etag) return reply.code(304).send();
      return directory;
    });

    authed.get('/snapshot', async (request) => buildSnapshot(upstream, facts, deviceOf(request).BusinessId, new Date()));

    authed.post('/identify', async (request, reply) => {
      const device = deviceOf(request);
      const key = `identify:${device.Id}`;
      const wait = identifyLimiter.retryAfterMs(key, Date.now());
      if (wait > 0)
        return sendKioskError(
          reply,
          'LOCKED_OUT',
          'Too many tries. Please wait a few minutes or see the front desk.',
          Math.ceil(wait / 1000),
        );
      const body = parseKioskBody(reply, IdentifyRequestSchema, request.body);
      if (!body) return reply;
      const filter: Record<string, string> = { [body.method === 'pin' ? 'Coworker_AccessPincode' : 'Coworker_AccessCardId']: body.value };
      const matches = (await upstream.list('/api/spaces/coworkers', CoworkerRecordSchema, filter, 1)).filter(
        (c) => linkedTo(c, device.BusinessId) && c.Active && !c.Archived,
      );
      const match = matches.length === 1 ? matches[0] : undefined;
      if (!match) {
        identifyLimiter.fail(key, Date.now());
        return sendKioskError(
          reply,
          'UNKNOWN_CREDENTIAL',
          body.method === 'pin' ? 'We could not find that PIN.' : 'We could not find that card.',
        );
      }
      identifyLimiter.succeed(key);
      return { coworkerId: match.Id, displayName: match.FullName, identityToken: deps.identity.issue(device.Id, match.Id, new Date()) };
    });

    authed.get('/members/:id/status', async (request, reply) => {
      const id = Number((request.params as { id?: string }).id);
      if (!Number.isInteger(id) || id <= 0) return sendKioskError(reply, 'VALIDATION', 'id: must be a member id');
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
     * Replay from the outbox: taps in tap order, one answer each. When Nexudus is down the rest of
     * the batch is answered `retry` at once instead of hammering it.
     */
    authed.post('/checkins/batch', async (request, reply) => {
      const body = parseKioskBody(reply, CheckinBatchSchema, request.body);
      if (!body) return reply;
      const results: CheckinBatchResult['results'] = [];
      let upstreamDown = false;
      for (const submission of body.submissions) {
        if (upstreamDown) {
          results.push({ status: 'retry', clientId: submission.clientId, message: 'The check-in service is unreachable.' });
          continue;
        }
        try {
          results.push(await deps.submissions.submit(submission, deviceOf(request)));
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
          } else if (error instanceof SubmissionInProgress) {
            results.push({
              status: 'retry',
              clientId: submission.clientId,
              message: error.message,
              retryAfterSeconds: error.retryAfterSeconds,
            });
          } else if (error instanceof UpstreamUnavailable) {
            upstreamDown = true;
            results.push({ status: 'retry', clientId: submission.clientId, message: 'The check-in service is unreachable.' });
          } else {
            throw error;
          }
        }
      }
      devices.touch(deviceOf(request).Id);
      return { results };
    });

    authed.post('/checkins/:clientId/undo', async (request, reply) => {
      const clientId = String((request.params as { clientId?: string }).clientId ?? '');
      try {
        return await deps.submissions.undo(clientId.slice(0, 64), deviceOf(request));
      } catch (error) {
        if (error instanceof UndoRefused) return sendKioskError(reply, 'NOT_FOUND', error.message);
        throw error;
      }
    });

    authed.post('/checkins', async (request, reply) => {
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
  });
}
