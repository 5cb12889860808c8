/** An error that says what the client should be told: its status, and when to try again. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

export interface MappedError {
  status: number;
  message: string;
  retryAfterSeconds?: number;
  /** A fault of ours (5xx that is not a declared outage): logged with its stack. */
  unexpected: boolean;
}

interface ErrorLike {
  statusCode?: unknown;
  code?: unknown;
  message?: unknown;
}

/**
 * The one mapping from anything thrown while serving a request to what the client is told, used
 * by every router (each wraps it in its own envelope). A client's mistake is always a 4xx.
 */
export function mapError(error: unknown, bodyLimitBytes: number): MappedError {
  if (error instanceof HttpError) {
    return { status: error.statusCode, message: error.message, retryAfterSeconds: error.retryAfterSeconds, unexpected: false };
  }
  const e: ErrorLike = typeof error === 'object' && error !== null ? error : {};
  const status = typeof e.statusCode === 'number' ? e.statusCode : 500;
  const code = typeof e.code === 'string' ? e.code : '';
  if (status === 413 || code === 'FST_ERR_CTP_BODY_TOO_LARGE') return client(413, `the body is larger than ${bodyLimitBytes} bytes`);
  if (status === 415 || code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return client(415, 'the body must be JSON (application/json)');
  if (code.startsWith('FST_ERR_CTP') || error instanceof SyntaxError) return client(400, 'the body is not valid JSON');
  if (code.startsWith('SQLITE_CONSTRAINT')) return client(409, 'conflicts with other records (it is still in use, or would duplicate one)');
  if (status >= 400 && status < 500) return client(status, typeof e.message === 'string' ? e.message.slice(0, 300) : 'bad request');
  return { status: 500, message: 'the server could not complete the request', unexpected: true };
}

const client = (status: number, message: string): MappedError => ({ status, message, unexpected: false });
