import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ANONYMOUS, type Access } from '../lib/access';
import { clientAddress } from '../lib/client-address';
import { passwordGuessKeys, type Guard } from '../lib/guard';
import { isInternalCall } from '../lib/internal-caller';
import { PasswordChecksBusy, verifyPassword } from '../lib/passwords';
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

/** Accounts only this process's own gateway signs in as (never from outside). */
export const isServiceAccount = (email: string) => email.toLowerCase().endsWith('@tapdesk.internal');

export type PasswordCheck = { ok: true; user: User } | { ok: false; reason: 'wrong' | 'locked' | 'busy'; retryAfterSeconds?: number };

/**
 * One password check for the token endpoint and HTTP Basic: counted per account from this
 * address and per address before scrypt runs, unknown accounts as slow as known ones, the
 * gateway's service account refused from outside (so strangers can neither guess nor lock it).
 */
export function createPasswordChecker(users: UsersRepository, guard: Guard) {
  return async (request: FastifyRequest, username: string, password: string): Promise<PasswordCheck> => {
    const internal = isInternalCall(request);
    const address = clientAddress(request);
    const attempt = internal ? undefined : await guard.attempt(passwordGuessKeys(username, address));
    if (attempt && !attempt.allowed) return { ok: false, reason: 'locked', retryAfterSeconds: attempt.retryAfterSeconds };
    const found = users.findByEmail(username);
    const user = found && (internal || !isServiceAccount(found.Email)) ? found : undefined;
    let matches: boolean;
    try {
      matches = await verifyPassword(password, user?.PasswordHash);
    } catch (error) {
      if (!(error instanceof PasswordChecksBusy)) throw error;
      await attempt?.succeed();
      return { ok: false, reason: 'busy', retryAfterSeconds: 1 };
    }
    if (!user || !matches) {
      await attempt?.fail();
      return { ok: false, reason: 'wrong' };
    }
    await attempt?.succeed();
    return { ok: true, user };
  };
}
export type PasswordChecker = ReturnType<typeof createPasswordChecker>;

/** POST /api/token: form-encoded password and refresh_token grants, as Nexudus documents them. */
export function registerTokenRoute(app: FastifyInstance, users: UsersRepository, checkPassword: PasswordChecker, ttlSeconds: number) {
  app.post('/token', { config: { access: ANONYMOUS } }, async (request, reply) => {
    if (!String(request.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) {
      return tokenError(reply, 'unsupported_grant_type', 'The request must be form-encoded (application/x-www-form-urlencoded).');
    }
    const form = TokenFormSchema.safeParse(request.body);
    if (!form.success) {
      return tokenError(reply, 'unsupported_grant_type', 'grant_type must be "password" or "refresh_token" with its fields.');
    }
    const now = new Date();
    if (form.data.grant_type === 'password') {
      const checked = await checkPassword(request, form.data.username, form.data.password);
      if (!checked.ok) {
        if (checked.retryAfterSeconds !== undefined) reply.header('retry-after', String(checked.retryAfterSeconds));
        if (checked.reason === 'busy') return reply.code(503).send({ error: 'temporarily_unavailable', error_description: 'Try again.' });
        return tokenError(
          reply,
          'invalid_grant',
          checked.reason === 'locked'
            ? 'Too many failed sign-in attempts from here. Try again later.'
            : 'The user name or password is incorrect.',
        );
      }
      const clientId = headerClientId(request) ?? form.data.client_id ?? checked.user.Email;
      return sendTokens(reply, users.issueTokens(checked.user.Id, clientId, ttlSeconds, now));
    }
    const redeemed = users.redeemRefreshToken(form.data.refresh_token, headerClientId(request) ?? form.data.client_id, now);
    if (redeemed === undefined || !users.findById(redeemed.userId)) {
      return tokenError(reply, 'invalid_grant', 'The refresh token is invalid, expired or already used.');
    }
    return sendTokens(reply, users.issueTokens(redeemed.userId, redeemed.clientId, ttlSeconds, now));
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

/** Bearer (or HTTP Basic, which Nexudus also accepts, checked like a sign-in) for every API route. */
export function apiAuthenticator(users: UsersRepository, checkPassword: PasswordChecker) {
  return async (request: FastifyRequest, reply: FastifyReply, access: Access): Promise<boolean> => {
    const [scheme, credentials] = (request.headers.authorization ?? '').split(' ', 2);
    if (scheme?.toLowerCase() === 'bearer' && credentials) {
      request.apiUser = users.findByAccessToken(credentials, new Date());
    } else if (scheme?.toLowerCase() === 'basic' && credentials && credentials.length <= 2048) {
      const decoded = Buffer.from(credentials, 'base64').toString('utf8');
      const colon = decoded.indexOf(':');
      if (colon > 0) {
        const checked = await checkPassword(request, decoded.slice(0, colon), decoded.slice(colon + 1));
        if (checked.ok) request.apiUser = checked.user;
        else if (checked.retryAfterSeconds !== undefined) reply.header('retry-after', String(checked.retryAfterSeconds));
      }
    }
    if (access.kind !== 'api' || !hasRole(request.apiUser, access.role)) {
      unauthorized(reply);
      return false;
    }
    return true;
  };
}

export function unauthorized(reply: FastifyReply) {
  return reply
    .code(401)
    .header('www-authenticate', 'Bearer')
    .send({ Message: 'Authorization has been denied for this request.', Value: null, Errors: null, WasSuccessful: false });
}

/** Missing role answers 401, as Nexudus does (it never answers 403). */
export function hasRole(user: User | undefined, role: string): boolean {
  return !!user && (user.IsAdmin || user.Roles.includes(role));
}

export const ALL_ENTITIES = [
  'Business',
  'Coworker',
  'TimePass',
  'TimePassTimeSlot',
  'CoworkerTimePass',
  'Checkin',
  'FailedCheckin',
  'User',
  'Visitor',
] as const;
export const ALL_OPS: RoleOp[] = ['List', 'Read', 'Create', 'Edit', 'Delete'];
