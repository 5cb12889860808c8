import type { FastifyRequest } from 'fastify';

/**
 * The caller's address for guessing limits: Fastify's `request.ip`, which honours
 * X-Forwarded-For only from the proxies `TRUST_PROXY` names, so behind a reverse proxy each
 * tablet and browser is counted on its own and nobody can claim another's address.
 */
export const clientAddress = (request: FastifyRequest): string => request.ip || 'unknown';
