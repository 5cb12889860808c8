import type { FastifyReply } from 'fastify';
import { safeParse, type core } from 'zod/mini';
import type { KioskErrorCode } from '../../contract/kiosk-api';

const STATUS: Record<KioskErrorCode, number> = {
  UNAUTHORIZED: 401,
  DEVICE_REVOKED: 401,
  VALIDATION: 400,
  NOT_FOUND: 404,
  UNKNOWN_CREDENTIAL: 404,
  LOCKED_OUT: 429,
  RATE_LIMITED: 429,
  IN_PROGRESS: 409,
  UPSTREAM_UNAVAILABLE: 503,
  INTERNAL: 500,
  NOT_APPROVED: 409,
  ALREADY_ANSWERED: 409,
  EXPIRED: 410,
};

export function sendKioskError(
  reply: FastifyReply,
  code: KioskErrorCode,
  message: string,
  retryAfterSeconds?: number,
  status: number = STATUS[code],
) {
  if (retryAfterSeconds !== undefined) reply.header('retry-after', String(retryAfterSeconds));
  return reply.code(status).send({ error: { code, message, ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }) } });
}

/** Parses a body with a contract schema; on failure answers 400 VALIDATION naming the fields. */
export function parseKioskBody<S extends core.$ZodType>(reply: FastifyReply, schema: S, body: unknown): core.output<S> | undefined {
  const parsed = safeParse(schema, body);
  if (parsed.success) return parsed.data;
  const detail = parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ');
  void sendKioskError(reply, 'VALIDATION', detail.slice(0, 500));
  return undefined;
}
