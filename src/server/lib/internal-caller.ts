import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';

/**
 * The embedded gateway calls this process's own /api in-process (`inject`). It marks those
 * requests with a secret made at start, so the API can tell its own gateway from a public caller:
 * the gateway's service user signs in only that way and can never be locked out from outside.
 */
const MARK = randomBytes(32).toString('base64url');
export const INTERNAL_HEADER = 'x-tapdesk-internal';

export const internalHeaders = (): Record<string, string> => ({ [INTERNAL_HEADER]: MARK });

export function isInternalCall(request: FastifyRequest): boolean {
  const given = request.headers[INTERNAL_HEADER];
  if (typeof given !== 'string' || given.length !== MARK.length) return false;
  return timingSafeEqual(Buffer.from(given), Buffer.from(MARK));
}
