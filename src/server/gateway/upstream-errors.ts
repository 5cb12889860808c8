import { HttpError } from '../lib/errors';

/** The upstream could not be reached or failed (network, timeout, 5xx, 429/409 throttling). */
export class UpstreamUnavailable extends HttpError {
  constructor(message: string, retryAfterSeconds = 5) {
    super(503, message, retryAfterSeconds);
  }
}
