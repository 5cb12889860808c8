import { z } from 'zod';
import { HttpError } from '../lib/errors';
import { throttleSeconds, type RequestBudget } from './upstream-budget';
import { UpstreamUnavailable } from './upstream-errors';
import type { Transport, UpstreamRequest, UpstreamResponse } from './upstream-transport';

export { fetchTransport, injectTransport, type Transport } from './upstream-transport';
export { UpstreamUnavailable } from './upstream-errors';
import {
  SuccessEnvelopeSchema,
  TokenResponseSchema,
  ValidationEnvelopeSchema,
  listEnvelopeSchema,
  type ValidationEnvelope,
} from '../../contract/nexudus-envelopes';

/** The upstream refused the request with its validation envelope. */
export class UpstreamRefused extends Error {
  constructor(
    readonly status: number,
    readonly envelope: ValidationEnvelope,
  ) {
    super(envelope.Message);
  }
}

/** Nexudus answered something that is not JSON: an outage (a proxy's error page), not the client's mistake. */
function parseUpstreamJson(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    throw new UpstreamUnavailable('Nexudus answered something that is not JSON');
  }
}

export interface UpstreamCredentials {
  username: string;
  password: string;
}

const CLIENT_ID = 'tapdesk-gateway';
const REFUSED_BACKOFF_MS = 60_000;

export interface UpstreamHealth {
  state: 'unknown' | 'ok' | 'signed-out' | 'unreachable' | 'throttled';
  since: string;
  message: string;
}
const PAGE_SIZE = 1000;
const REFRESH_MARGIN_MS = 5 * 60_000;

/**
 * A Nexudus API client: signs in with /api/token (password grant), refreshes before expiry with
 * the rotating refresh token, signs in again when refreshing fails, and parses every answer with
 * the contract.
 */
export function createUpstreamClient(
  transport: Transport,
  credentials: () => UpstreamCredentials,
  options: { budget?: RequestBudget; maxWaitMs?: number } = {},
) {
  let session: { access: string; refresh: string; expiresAt: number } | undefined;
  let signingIn: Promise<void> | undefined;
  const { budget } = options;
  const maxWaitMs = options.maxWaitMs ?? 5000;
  let health: UpstreamHealth = { state: 'unknown', since: new Date().toISOString(), message: 'Not signed in to Nexudus yet.' };
  let refusedUntil = 0;
  const setHealth = (state: UpstreamHealth['state'], message: string) => {
    if (health.state !== state || health.message !== message) health = { state, since: new Date().toISOString(), message };
  };

  /** One request to Nexudus, within the request budget; a throttled answer pauses the budget. */
  async function call(request: UpstreamRequest): Promise<UpstreamResponse> {
    await budget?.acquire(request.method !== 'GET', maxWaitMs);
    let res: UpstreamResponse;
    try {
      res = await transport(request);
    } catch (error) {
      setHealth('unreachable', 'Nexudus cannot be reached. Tablets keep check-ins in their outbox and send them when it is back.');
      throw new UpstreamUnavailable(`Nexudus is unreachable: ${error instanceof Error ? error.message : String(error)}`);
    }
    const wait = throttleSeconds(res.status, res.retryAfter, res.body);
    if (wait !== undefined) {
      budget?.pause(wait);
      setHealth('throttled', `Nexudus asked Tapdesk to slow down (wait ${wait} s). Check-ins wait and are sent in order.`);
      throw new UpstreamUnavailable(`Nexudus asked Tapdesk to wait ${wait} s`, wait);
    }
    if (res.status >= 500) setHealth('unreachable', `Nexudus answered HTTP ${res.status}. Tablets keep check-ins in their outbox.`);
    return res;
  }

  async function tokenRequest(fields: Record<string, string>) {
    const res = await call({
      method: 'POST',
      path: '/api/token',
      headers: { 'content-type': 'application/x-www-form-urlencoded', client_id: CLIENT_ID },
      body: new URLSearchParams({ ...fields, client_id: CLIENT_ID }).toString(),
    });
    if (res.status >= 500) throw new UpstreamUnavailable(`Nexudus sign-in failed with HTTP ${res.status}`);
    const parsed = TokenResponseSchema.safeParse(parseUpstreamJson(res.body || '{}'));
    return parsed.success ? parsed.data : undefined;
  }

  async function signIn(): Promise<void> {
    const now = Date.now();
    const refreshed = session ? await tokenRequest({ grant_type: 'refresh_token', refresh_token: session.refresh }) : undefined;
    if (!refreshed && now < refusedUntil) {
      throw new UpstreamUnavailable('Nexudus refused the gateway credentials', Math.ceil((refusedUntil - now) / 1000));
    }
    const tokens = refreshed ?? (await tokenRequest({ grant_type: 'password', ...toPasswordGrant(credentials()) }));
    if (!tokens) {
      session = undefined;
      // Not again for a minute: retrying a refused password at once could get the account locked at Nexudus.
      refusedUntil = now + REFUSED_BACKOFF_MS;
      setHealth(
        'signed-out',
        'Signed out of Nexudus: it refused the gateway’s user (NEXUDUS_USERNAME / NEXUDUS_PASSWORD). The password may have changed or the user was removed. Set the right ones and restart Tapdesk; tablets keep queuing check-ins until then.',
      );
      throw new UpstreamUnavailable('Nexudus refused the gateway credentials', REFUSED_BACKOFF_MS / 1000);
    }
    refusedUntil = 0;
    session = { access: tokens.access_token, refresh: tokens.refresh_token, expiresAt: now + tokens.expires_in * 1000 };
  }

  async function ensureSession(force = false): Promise<string> {
    if (force || !session || session.expiresAt - REFRESH_MARGIN_MS < Date.now()) {
      signingIn ??= signIn().finally(() => (signingIn = undefined));
      await signingIn;
    }
    if (!session) throw new UpstreamUnavailable('no Nexudus session');
    return session.access;
  }

  async function authorised(method: UpstreamRequest['method'], path: string, body?: unknown): Promise<UpstreamResponse> {
    const send = async (token: string) =>
      call({
        method,
        path,
        headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    let res = await send(await ensureSession());
    if (res.status === 401) res = await send(await ensureSession(true));
    if (res.status === 401) setHealth('signed-out', 'Nexudus no longer accepts the gateway’s user for this request: check its roles.');
    if (res.status >= 500 || res.status === 401) {
      throw new UpstreamUnavailable(`Nexudus answered HTTP ${res.status} to ${method} ${path.split('?')[0]}`);
    }
    setHealth('ok', 'Signed in to Nexudus.');
    return res;
  }

  const json = (res: UpstreamResponse): unknown => (res.body ? parseUpstreamJson(res.body) : null);
  const refusedOr = <T>(res: UpstreamResponse, schema: z.ZodType<T>): T => {
    if (res.status >= 400) {
      const envelope = ValidationEnvelopeSchema.safeParse(json(res));
      throw envelope.success
        ? new UpstreamRefused(res.status, envelope.data)
        : new UpstreamUnavailable(`Nexudus answered HTTP ${res.status}`, 5, res.status >= 500 || res.status === 401);
    }
    const parsed = schema.safeParse(json(res));
    if (!parsed.success) throw new UpstreamUnavailable(`Nexudus answered in a shape Tapdesk does not read (HTTP ${res.status})`, 5, false);
    return parsed.data;
  };

  async function listPage<T>(path: string, record: z.ZodType<T>, query: Record<string, string | number>, page: number) {
    const qs = new URLSearchParams({
      ...Object.fromEntries(Object.entries(query).map(([k, v]) => [k, String(v)])),
      page: String(page),
      size: String(PAGE_SIZE),
    });
    return refusedOr(await authorised('GET', `${path}?${qs}`), listEnvelopeSchema(record));
  }

  return {
    /**
     * Every record of a list, page by page (Nexudus pages on TotalPages/CurrentPage). More than
     * `maxPages` pages is an error, never a silently shortened list.
     */
    async list<T>(path: string, record: z.ZodType<T>, query: Record<string, string | number> = {}, maxPages = 200): Promise<T[]> {
      const records: T[] = [];
      for (let page = 1; ; page += 1) {
        const parsed = await listPage(path, record, query, page);
        records.push(...parsed.Records);
        if (!parsed.HasNextPage) return records;
        if (page >= maxPages) {
          throw new HttpError(502, `${path.split('?')[0]} has more than ${maxPages * PAGE_SIZE} records; Tapdesk reads at most that many`);
        }
      }
    },
    /** The first page only (up to 1000 records), for queries sorted so that it holds what is needed. */
    async firstPage<T>(path: string, record: z.ZodType<T>, query: Record<string, string | number>): Promise<T[]> {
      return (await listPage(path, record, query, 1)).Records;
    },
    async get<T>(path: string, id: number, record: z.ZodType<T>): Promise<T | undefined> {
      const res = await authorised('GET', `${path}/${id}`);
      if (res.status === 404) return undefined;
      return refusedOr(res, record);
    },
    async create(path: string, body: unknown): Promise<number> {
      return refusedOr(await authorised('POST', path, body), SuccessEnvelopeSchema).Value.Id;
    },
    async update(path: string, body: unknown): Promise<number> {
      return refusedOr(await authorised('PUT', path, body), SuccessEnvelopeSchema).Value.Id;
    },
    async remove(path: string, id: number): Promise<void> {
      refusedOr(await authorised('DELETE', `${path}/${id}`), SuccessEnvelopeSchema);
    },
    /** How the connection to Nexudus is doing, for the admin page and the staff panel. */
    health: (): UpstreamHealth => health,
    budget: () => budget?.stats() ?? null,
    /**
     * Staff sign-in on the admin page: whether these credentials sign in to Nexudus, and then that
     * user's own record, read with their own token (so it works even while the gateway's user is
     * signed out), or with the gateway's when their roles do not include reading users.
     */
    async staffUser<T>(
      username: string,
      password: string,
      record: z.ZodType<T>,
    ): Promise<{ ok: false } | { ok: true; user: T | undefined }> {
      const tokens = await tokenRequest({ grant_type: 'password', username, password });
      if (!tokens) return { ok: false };
      const path = `/api/spaces/users?${new URLSearchParams({ User_Email: username, size: '1' })}`;
      const own = await call({ method: 'GET', path, headers: { authorization: `Bearer ${tokens.access_token}` } });
      const parsed = own.status === 200 ? listEnvelopeSchema(record).safeParse(json(own)) : undefined;
      if (parsed?.success) return { ok: true, user: parsed.data.Records[0] };
      return { ok: true, user: (await listPage(path.split('?')[0] ?? path, record, { User_Email: username }, 1)).Records[0] };
    },
  };
}
export type UpstreamClient = ReturnType<typeof createUpstreamClient>;

const toPasswordGrant = (c: UpstreamCredentials) => ({ username: c.username, password: c.password });
