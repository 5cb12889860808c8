import type { FastifyInstance } from 'fastify';
import { internalHeaders } from '../lib/internal-caller';

export interface UpstreamRequest {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  headers: Record<string, string>;
  body?: string;
}
export interface UpstreamResponse {
  status: number;
  body: string;
  /** The Retry-After header, when Nexudus sent one (throttling). */
  retryAfter?: string;
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
    return { status: res.status, body: await res.text(), retryAfter: res.headers.get('retry-after') ?? undefined };
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
    const retryAfter = res.headers['retry-after'];
    return { status: res.statusCode, body: res.body, ...(typeof retryAfter === 'string' ? { retryAfter } : {}) };
  };
}
