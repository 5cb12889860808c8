/** Requests allowed in any window of `seconds`. */
export interface RequestRule {
  points: number;
  seconds: number;
}
export interface RequestLimits {
  all: readonly RequestRule[];
  /** POST, PUT and DELETE, counted on top of `all`. */
  writes: readonly RequestRule[];
}

/**
 * Nexudus's published request limits per API client (nexudus-api.md §10.1,
 * developers.nexudus.com/reference/api-limitations): all methods 120 a minute, 5,000 an hour and
 * 200,000 a day; writes 60 a minute and 2,500 a day. The gateway keeps within them against a
 * real Nexudus; the embedded API can enforce them (EMBEDDED_LIMITS=published).
 */
export const NEXUDUS_PUBLISHED_LIMITS: RequestLimits = {
  all: [
    { points: 120, seconds: 60 },
    { points: 5_000, seconds: 3600 },
    { points: 200_000, seconds: 86_400 },
  ],
  writes: [
    { points: 60, seconds: 60 },
    { points: 2_500, seconds: 86_400 },
  ],
};
