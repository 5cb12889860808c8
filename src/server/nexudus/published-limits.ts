import type { FastifyInstance } from 'fastify';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { NEXUDUS_PUBLISHED_LIMITS, type RequestLimits, type RequestRule } from '../lib/nexudus-limits';

/**
 * With `EMBEDDED_LIMITS=published` the embedded API enforces Nexudus's published limits and
 * answers 429 with `Retry-After` and "Wait N seconds", so operators and tests rehearse production
 * against it.
 */
export type LimitRules = RequestLimits;
export const PUBLISHED_LIMITS = NEXUDUS_PUBLISHED_LIMITS;

export function enforcePublishedLimits(app: FastifyInstance, limits: LimitRules = PUBLISHED_LIMITS) {
  const make = (rules: readonly RequestRule[]) =>
    rules.map((rule) => new RateLimiterMemory({ points: rule.points, duration: rule.seconds }));
  const all = make(limits.all);
  const writes = make(limits.writes);
  app.addHook('preHandler', async (request, reply) => {
    // Counted per signed-in client, after the access check (the token endpoint counts as the address).
    const client = request.apiUser ? `user:${request.apiUser.Id}` : `ip:${request.ip}`;
    const limiters = request.method === 'GET' || request.method === 'HEAD' ? all : [...all, ...writes];
    for (const limiter of limiters) {
      try {
        await limiter.consume(client);
      } catch (rejection) {
        if (!(rejection instanceof RateLimiterRes)) throw rejection;
        const seconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
        return reply
          .code(429)
          .header('retry-after', String(seconds))
          .send({
            Message: `You must wait before accessing this url again. Wait ${seconds} seconds.`,
            Value: null,
            Errors: null,
            WasSuccessful: false,
          });
      }
    }
  });
}
