import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { createRateLimiter } from '../lib/rate-limiter';
import { verifyPassword } from '../lib/passwords';
import type { User, UsersRepository } from '../db/users-repository';

export type RoleOp = 'List' | 'Read' | 'Create' | 'Edit' | 'Delete';

declare module 'fastify' {
  interface FastifyRequest {
    apiUser?: User;
  }
}

const TokenFormSchema = z.discriminatedUnion('grant_type', [
  z.object({
    grant_type: z.literal('password'),
    username: z.string().max(254),
    password: z.string().max(1024),
    client_id: z.string().max(200).optional(),
  }),
  z.object({ grant_type: z.literal('refresh_token'), refresh_token: z.string().max(200), client_id: z.string().max(200).optional() }),
]);

function tokenError(reply: FastifyReply, error: 'unsupported_grant_type' | 'invalid_grant', description: string) {
  return reply.code(400).send({ error, error_description: description });
}

function headerClientId(request: FastifyRequest): string | undefined {
  const value = request.headers['client_id'] ?? request.headers['client-id'];
  return typeof value === 'string' && value.length > 0 && value.length <= 200 ? value : undefined;
}

/** POST /api/token: form-encoded password and refresh_token grants, as Nexudus documents them. */
export function registerTokenRoute(app: FastifyInstance, users: UsersRepository, ttlSeconds: number) {
  const limiter = createRateLimiter({ maxFailures: 10, windowMs: 15 * 60_000, lockoutMs: 15 * 60_000 });

  app.post('/token', async (request, reply) => {
    if (!String(request.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) {
      return tokenError(reply, 'unsupported_grant_type', 'The request must be form-encoded (application/x-www-form-urlencoded).');
    }
    const form = TokenFormSchema.safeParse(request.body);
    if (!form.success) {
      return tokenError(reply, 'unsupported_grant_type', 'grant_type must be "password" or "refresh_token" with its fields.');
    }
    const now = new Date();
    if (form.data.grant_type === 'password') {
      const { username, password } = form.data;
      const key = username.toLowerCase();
      if (limiter.retryAfterMs(key, now.getTime()) > 0) {
        return tokenError(reply, 'invalid_grant', 'Too many failed sign-in attempts. Try again later.');
      }
      const user = users.findByEmail(username);
      if (!user || !(await verifyPassword(password, user.PasswordHash))) {
        limiter.fail(key, now.getTime());
        return tokenError(reply, 'invalid_grant', 'The user name or password is incorrect.');
      }
      limiter.succeed(key);
      const clientId = headerClientId(request) ?? form.data.client_id ?? user.Email;
      return sendTokens(reply, users.issueTokens(user.Id, clientId, ttlSeconds, now));
    }
    const clientId = headerClientId(request) ?? form.data.client_id;
    if (!clientId) return tokenError(reply, 'invalid_grant', 'The client_id header is required to refresh a token.');
    const userId = users.redeemRefreshToken(form.data.refresh_token, clientId, now);
    if (userId === undefined || !users.findById(userId)) {
      return tokenError(reply, 'invalid_grant', 'The refresh token is invalid, expired or already used.');
    }
    return sendTokens(reply, users.issueTokens(userId, clientId, ttlSeconds, now));
  });
}

function sendTokens(reply: FastifyReply, tokens: { accessToken: string; refreshToken: string; expiresIn: number }) {
  return reply.header('cache-control', 'no-store').send({
    access_token: tokens.accessToken,
    token_type: 'bearer',
    expires_in: tokens.expiresIn,
    refresh_token: tokens.refreshToken,
  });
}

/** Bearer (or HTTP Basic, which Nexudus also accepts) on every /api call but the token endpoint. */
export function registerAuthentication(app: FastifyInstance, users: UsersRepository) {
  app.addHook('onRequest', async (request, reply) => {
    if (request.routeOptions.url === '/api/token') return;
    const header = request.headers.authorization ?? '';
    const [scheme, credentials] = header.split(' ', 2);
    if (scheme?.toLowerCase() === 'bearer' && credentials) {
      request.apiUser = users.findByAccessToken(credentials, new Date());
    } else if (scheme?.toLowerCase() === 'basic' && credentials) {
      const decoded = Buffer.from(credentials, 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      const user = colon > 0 ? users.findByEmail(decoded.slice(0, colon)) : undefined;
      if (user && (await verifyPassword(decoded.slice(colon + 1), user.PasswordHash))) request.apiUser = user;
    }
    if (!request.apiUser) return unauthorized(reply);
  });
}

export function unauthorized(reply: FastifyReply) {
  return reply
    .code(401)
    .header('www-authenticate', 'Bearer')
    .send({ Message: 'Authorization has been denied for this request.', Value: null, Errors: null, WasSuccessful: false });
}

/** Missing role answers 401, as Nexudus does (it never answers 403). */
export function hasRole(user: User | undefined, entity: string, op: RoleOp): boolean {
  return !!user && (user.IsAdmin || user.Roles.includes(`${entity}-${op}`));
}

export const ALL_ENTITIES = [
  'Business',
  'Coworker',
  'TimePass',
  'TimePassTimeSlot',
  'CoworkerTimePass',
  'Checkin',
  'FailedCheckin',
] as const;
export const ALL_OPS: RoleOp[] = ['List', 'Read', 'Create', 'Edit', 'Delete'];
