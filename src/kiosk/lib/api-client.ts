import { parse, type core } from 'zod/mini';
import { KioskErrorSchema, type KioskErrorCode } from '../../contract/kiosk-api';
import { forgetDevice, readDevice } from './device-store';

export const API_BASE = '/kiosk/v1';

/** A failure the kiosk can explain: the gateway's error code, or NETWORK when nothing answered. */
export class KioskApiError extends Error {
  constructor(
    readonly code: KioskErrorCode | 'NETWORK',
    message: string,
    readonly status: number,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  body?: unknown;
  token?: string | null;
  headers?: Record<string, string>;
}

export const isUnreachable = (error: unknown) =>
  error instanceof KioskApiError && (error.code === 'NETWORK' || error.code === 'UPSTREAM_UNAVAILABLE');

/** The one API client: adds the device token, parses every answer with the contract. */
export async function kioskRequest<S extends core.$ZodType>(
  path: string,
  schema: S,
  options: RequestOptions = {},
): Promise<core.output<S>> {
  const token = options.token === undefined ? readDevice()?.token : options.token;
  let res: Response;
  try {
    res = await fetch(`${API_BASE}${path}`, {
      method: options.method ?? 'GET',
      headers: {
        ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...options.headers,
      },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch {
    throw new KioskApiError('NETWORK', 'The server is unreachable.', 0);
  }
  const json: unknown = res.status === 204 ? null : await res.json().catch(() => null);
  if (!res.ok) {
    const parsed = KioskErrorSchema.safeParse(json);
    const error = parsed.success
      ? new KioskApiError(parsed.data.error.code, parsed.data.error.message, res.status, parsed.data.error.retryAfterSeconds)
      : new KioskApiError(res.status >= 500 ? 'UPSTREAM_UNAVAILABLE' : 'INTERNAL', `HTTP ${res.status}`, res.status);
    if (token && (error.code === 'UNAUTHORIZED' || error.code === 'DEVICE_REVOKED') && options.token === undefined)
      forgetDevice(error.code);
    throw error;
  }
  return parse(schema, json);
}
