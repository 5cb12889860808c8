import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  HostAnswerTokenSchema,
  OnSiteRequestSchema,
  StaffAnswerSchema,
  VisitorCodeRequestSchema,
  WalkInRequestSchema,
} from '../../contract/visitors-api';
import type { Device } from '../db/devices-repository';
import { ANONYMOUS, DEVICE, STAFF, declareAccess } from '../lib/access';
import type { Guard } from '../lib/guard';
import { parseId } from '../lib/ids';
import { parseKioskBody, sendKioskError } from './kiosk-errors';
import { deskGuessKeys } from './member-lookup';
import { checkStaffPin } from './staff-pin';
import { VisitorRefused, type VisitorDesk } from './visitor-desk';

/**
 * Who may call each visitor route. A tablet registers walk-ins and checks expected visitors in
 * and out at its own location; who is in needs the staff PIN on top of the device token; a host's
 * link is its own credential (signed, single-use, expiring); staff answer and list on the admin page.
 */
const ACCESS = {
  'POST /visitors': DEVICE,
  'GET /visitors/:clientId': DEVICE,
  'POST /visitors/code': DEVICE,
  'POST /device/on-site': DEVICE,
  'POST /host-answers/preview': ANONYMOUS,
  'POST /host-answers': ANONYMOUS,
  'GET /admin/visitors/pending': STAFF,
  'POST /admin/visitors/:id/answer': STAFF,
  'GET /admin/on-site': STAFF,
};

const OnSiteQuerySchema = z.object({ location: z.coerce.number().int().positive() }).strict();

const deviceOf = (request: FastifyRequest): Device => {
  if (!request.device) throw new Error('the device authenticator did not run');
  return request.device;
};

const refusal = (reply: FastifyReply, error: unknown) => {
  if (error instanceof VisitorRefused)
    return sendKioskError(reply, error.code, error.message, error.code === 'IN_PROGRESS' ? 2 : undefined);
  throw error;
};

export async function visitorRoutes(app: FastifyInstance, deps: { desk: VisitorDesk; guard: Guard }) {
  const { desk, guard } = deps;
  declareAccess(app, ACCESS);

  app.post('/visitors', async (request, reply) => {
    const device = deviceOf(request);
    const body = parseKioskBody(reply, WalkInRequestSchema, request.body);
    if (!body) return reply;
    const attempt = await guard.attempt([
      { policy: 'walk-in:tablet', subject: String(device.Id), businessId: device.BusinessId, label: device.Name },
    ]);
    if (!attempt.allowed)
      return sendKioskError(
        reply,
        'RATE_LIMITED',
        'Many visitors registered here just now. Please see reception.',
        attempt.retryAfterSeconds,
      );
    try {
      const status = await desk.walkIn(body, device);
      await (status.fresh ? attempt.fail() : attempt.succeed()); // a resend of the same registration is free
      return status.status;
    } catch (error) {
      await attempt.succeed();
      return refusal(reply, error);
    }
  });

  app.get('/visitors/:clientId', async (request, reply) => {
    const clientId = String((request.params as { clientId?: string }).clientId ?? '').slice(0, 64);
    return desk.status(clientId, deviceOf(request)).catch((error: unknown) => refusal(reply, error));
  });

  app.post('/visitors/code', async (request, reply) => {
    const device = deviceOf(request);
    const body = parseKioskBody(reply, VisitorCodeRequestSchema, request.body);
    if (!body) return reply;
    // A visitor code is a desk secret like a PIN or card: counted on the same tablet and location limits.
    const attempt = await guard.attempt(deskGuessKeys(device));
    if (!attempt.allowed)
      return sendKioskError(
        reply,
        'LOCKED_OUT',
        'Too many tries. Please wait a few minutes or see the front desk.',
        attempt.retryAfterSeconds,
      );
    try {
      const result = await desk.byCode(body.code, device);
      if (!result) {
        await attempt.fail();
        return sendKioskError(reply, 'UNKNOWN_CREDENTIAL', 'We could not find that visitor code.');
      }
      await attempt.succeed();
      return result;
    } catch (error) {
      await attempt.succeed(); // found (or Nexudus did not answer): not a guess
      return refusal(reply, error);
    }
  });

  app.post('/device/on-site', async (request, reply) => {
    const device = deviceOf(request);
    const body = parseKioskBody(reply, OnSiteRequestSchema, request.body);
    if (!body) return reply;
    if (!(await checkStaffPin(guard, device, body.staffPin, reply))) return reply;
    return desk.onSite(device.BusinessId).catch((error: unknown) => refusal(reply, error));
  });

  app.post('/host-answers/preview', async (request, reply) => {
    const body = parseKioskBody(reply, HostAnswerTokenSchema, request.body);
    if (!body) return reply;
    return desk.preview(body.token).catch((error: unknown) => refusal(reply, error));
  });

  app.post('/host-answers', async (request, reply) => {
    const body = parseKioskBody(reply, HostAnswerTokenSchema, request.body);
    if (!body) return reply;
    return desk.answerByLink(body.token).catch((error: unknown) => refusal(reply, error));
  });

  app.get('/admin/visitors/pending', async () => ({ visitors: await desk.pending() }));

  app.post('/admin/visitors/:id/answer', async (request, reply) => {
    const id = parseId((request.params as { id?: unknown }).id);
    if (id === undefined) return sendKioskError(reply, 'VALIDATION', 'id: must be a visitor id');
    const body = parseKioskBody(reply, StaffAnswerSchema, request.body);
    if (!body) return reply;
    return desk
      .answerByStaff(id, body.answer)
      .then(() => reply.code(204).send())
      .catch((error: unknown) => refusal(reply, error));
  });

  app.get('/admin/on-site', async (request, reply) => {
    const parsed = OnSiteQuerySchema.safeParse(request.query ?? {});
    if (!parsed.success) return sendKioskError(reply, 'VALIDATION', 'location: must be a location id');
    return desk.onSiteServed(parsed.data.location).catch((error: unknown) => refusal(reply, error));
  });
}
