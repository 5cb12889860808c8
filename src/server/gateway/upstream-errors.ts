import { HttpError } from '../lib/errors';

/** The upstream could not be reached or failed (network, timeout, 5xx, 429/409 throttling). */
export class UpstreamUnavailable extends HttpError {
  constructor(
    message: string,
    retryAfterSeconds = 5,
    /**
     * Nexudus as a whole is away (unreachable, 5xx, throttling, signed out, the budget spent): every
     * tap waits. False for an answer about one request that Tapdesk cannot read: only that tap waits.
     */
    readonly away = true,
  ) {
    super(503, message, retryAfterSeconds);
  }
}
