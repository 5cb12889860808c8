/**
 * Counts failures per key in a sliding window and locks the key out once it has too many.
 * In memory: a restart forgives, which is acceptable for a single-process kiosk server.
 */
export interface RateLimiter {
  /** Milliseconds until the key may try again, or 0 if it may try now. */
  retryAfterMs(key: string, now: number): number;
  fail(key: string, now: number): void;
  succeed(key: string): void;
}

export function createRateLimiter(options: { maxFailures: number; windowMs: number; lockoutMs: number }): RateLimiter {
  const failures = new Map<string, number[]>();
  const lockedUntil = new Map<string, number>();
  return {
    retryAfterMs(key, now) {
      const until = lockedUntil.get(key) ?? 0;
      if (until > now) return until - now;
      lockedUntil.delete(key);
      return 0;
    },
    fail(key, now) {
      const recent = (failures.get(key) ?? []).filter((t) => now - t < options.windowMs);
      recent.push(now);
      if (recent.length >= options.maxFailures) {
        lockedUntil.set(key, now + options.lockoutMs);
        failures.delete(key);
      } else {
        failures.set(key, recent);
      }
      if (failures.size > 10_000) failures.delete(failures.keys().next().value ?? '');
    },
    succeed(key) {
      failures.delete(key);
      lockedUntil.delete(key);
    },
  };
}
