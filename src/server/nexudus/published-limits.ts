import type { FastifyInstance } from 'fastify';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

/**
 * Nexudus's published request limits per API client (developers.nexudus.com/reference/api-limitations):
 * all methods 120 a minute, 5,000 an hour and 200,000 a day; writes 60 a minute and 2,500 a day.
 * With `EMBEDDED_LIMITS=published` the embedded API enforces them and answers 429 with
 * `Retry-After` and "Wait N seconds", so operators and tests rehearse production against it.
 */
export interface LimitRules {
  all: readonly { points: number; duration: number }[];
  writes: readonly { points: number; duration: number }[];
}

export const PUBLISHED_LIMITS: LimitRules = {
  all: [
    { points: 120, duration: 60 },
    { points: 5_000, duration: 3600 },
    { points: 200_000, duration: 86_400 },
  ],
  writes: [
    { points: 60, duration: 60 },
    { points: 2_500, duration: 86_400 },
  ],
};

export function enforcePublishedLimits(app: FastifyInstance, limits: LimitRules = PUBLISHED_LIMITS) {
  const make = (rules: readonly { points: number; duration: number }[]) => rules.map((rule) => new RateLimiterMemory(rule));
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
