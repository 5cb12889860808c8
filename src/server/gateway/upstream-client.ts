import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { HttpError } from '../lib/errors';
import { internalHeaders } from '../lib/internal-caller';
import {
  SuccessEnvelopeSchema,
  TokenResponseSchema,
  ValidationEnvelopeSchema,
  listEnvelopeSchema,
  type ValidationEnvelope,
} from '../../contract/nexudus-envelopes';

export interface UpstreamRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  headers: Record<string, string>;
  body?: string;
}
export interface UpstreamResponse {
  status: number;
  body: string;
}
/** How requests reach the Nexudus API: real HTTP, or the embedded app's own request handling. */
export type Transport = (request: UpstreamRequest) => Promise<UpstreamResponse>;

const UPSTREAM_TIMEOUT_MS = 10_000;

export function fetchTransport(baseUrl: string): Transport {
  const base = baseUrl.replace(/\/+$/, '');
  return async (request) => {
    const res = await fetch(`${base}${request.path}`, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      signal: AbortSignal.timeout(UPSTREAM_TIMEOUT_MS),
    });
    return { status: res.status, body: await res.text() };
  };
}

/** The embedded Nexudus: the same routes, auth and validation, without a loopback socket. */
export function injectTransport(app: FastifyInstance): Transport {
  return async (request) => {
    const res = await app.inject({
      method: request.method,
      url: request.path,
      headers: { ...request.headers, ...internalHeaders() },
      ...(request.body === undefined ? {} : { payload: request.body }),
    });
    return { status: res.statusCode, body: res.body };
  };
}

/** The upstream could not be reached or failed (network, timeout, 5xx, 429/409 throttling). */
export class UpstreamUnavailable extends HttpError {
  constructor(message: string) {
    super(503, message, 5);
  }
}

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
const PAGE_SIZE = 1000;
const REFRESH_MARGIN_MS = 5 * 60_000;

/**
 * A Nexudus API client: signs in with /api/token (password grant), refreshes before expiry with
 * the rotating refresh token, signs in again when refreshing fails, and parses every answer with
 * the contract.
 */
export function createUpstreamClient(transport: Transport, credentials: () => UpstreamCredentials) {
  let session: { access: string; refresh: string; expiresAt: number } | undefined;
  let signingIn: Promise<void> | undefined;

  async function call(request: UpstreamRequest): Promise<UpstreamResponse> {
    try {
      return await transport(request);
    } catch (error) {
      throw new UpstreamUnavailable(`Nexudus is unreachable: ${error instanceof Error ? error.message : String(error)}`);
    }
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
    const tokens = refreshed ?? (await tokenRequest({ grant_type: 'password', ...toPasswordGrant(credentials()) }));
    if (!tokens) throw new UpstreamUnavailable('Nexudus refused the gateway credentials');
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
    if (res.status >= 500 || res.status === 429 || res.status === 409 || res.status === 401) {
      throw new UpstreamUnavailable(`Nexudus answered HTTP ${res.status} to ${method} ${path.split('?')[0]}`);
    }
    return res;
  }

  const json = (res: UpstreamResponse): unknown => (res.body ? parseUpstreamJson(res.body) : null);
  const refusedOr = <T>(res: UpstreamResponse, schema: z.ZodType<T>): T => {
    if (res.status >= 400) {
      const envelope = ValidationEnvelopeSchema.safeParse(json(res));
      throw envelope.success
        ? new UpstreamRefused(res.status, envelope.data)
        : new UpstreamUnavailable(`Nexudus answered HTTP ${res.status}`);
    }
    const parsed = schema.safeParse(json(res));
    if (!parsed.success) throw new UpstreamUnavailable(`Nexudus answered in a shape Tapdesk does not read (HTTP ${res.status})`);
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
    /** Whether these credentials sign in (staff sign-in on the admin page). */
    async verifyCredentials(username: string, password: string): Promise<boolean> {
      return (await tokenRequest({ grant_type: 'password', username, password })) !== undefined;
    },
  };
}
export type UpstreamClient = ReturnType<typeof createUpstreamClient>;

const toPasswordGrant = (c: UpstreamCredentials) => ({ username: c.username, password: c.password });
