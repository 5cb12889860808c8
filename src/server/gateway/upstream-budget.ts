import { NEXUDUS_PUBLISHED_LIMITS, type RequestLimits, type RequestRule } from '../lib/nexudus-limits';
import { UpstreamUnavailable } from './upstream-errors';

export type BudgetConfig = RequestLimits;
export const PUBLISHED_BUDGET: BudgetConfig = NEXUDUS_PUBLISHED_LIMITS;

/** The budget is spent (or Nexudus asked us to wait) for longer than the caller may wait. */
export class BudgetExhausted extends UpstreamUnavailable {
  constructor(retryAfterSeconds: number) {
    super('Tapdesk is keeping to Nexudus’s request limits; try again shortly.', retryAfterSeconds);
  }
}

/** Timestamps of the requests sent within one rule's window (a sliding window, exact). */
class Window {
  private readonly sent: number[] = [];
  constructor(readonly rule: RequestRule) {}
  private trim(now: number) {
    const since = now - this.rule.seconds * 1000;
    let drop = 0;
    while (drop < this.sent.length && (this.sent[drop] ?? 0) <= since) drop += 1;
    if (drop) this.sent.splice(0, drop);
  }
  /** 0 when a request may go now, else milliseconds until one may. */
  waitMs(now: number): number {
    this.trim(now);
    if (this.sent.length < this.rule.points) return 0;
    return (this.sent[this.sent.length - this.rule.points] ?? now) + this.rule.seconds * 1000 - now + 1;
  }
  record(now: number) {
    this.sent.push(now);
  }
  used(now: number) {
    this.trim(now);
    return this.sent.length;
  }
}

interface Waiter {
  write: boolean;
  seq: number;
  deadline: number;
  resolve: () => void;
  reject: (error: Error) => void;
}

/**
 * The gateway's one budget for upstream requests. Every request waits for room in every window
 * that applies to it; writes (check-ins) go before reads; a throttled answer pauses everything
 * until Nexudus's Retry-After. A request that would wait past its deadline fails at once with
 * a Retry-After of its own, so a tap falls back to the tablet's outbox instead of hanging.
 */
export function createRequestBudget(config: BudgetConfig, clock: () => number = Date.now) {
  const all = config.all.map((rule) => new Window(rule));
  const writes = config.writes.map((rule) => new Window(rule));
  const queue: Waiter[] = [];
  let pausedUntil = 0;
  let seq = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let throttledCount = 0;

  const windowsFor = (write: boolean) => (write ? [...all, ...writes] : all);
  const waitFor = (write: boolean, now: number) => Math.max(pausedUntil - now, ...windowsFor(write).map((w) => w.waitMs(now)));

  function pump() {
    timer = undefined;
    const now = clock();
    queue.sort((a, b) => Number(b.write) - Number(a.write) || a.seq - b.seq);
    while (queue.length) {
      const next = queue[0];
      if (!next) break;
      const wait = waitFor(next.write, now);
      if (wait > 0) {
        for (const late of queue.filter((w) => now + wait > w.deadline)) {
          queue.splice(queue.indexOf(late), 1);
          late.reject(new BudgetExhausted(Math.ceil(wait / 1000)));
        }
        if (queue.length) timer = setTimeout(pump, Math.max(1, wait));
        return;
      }
      queue.shift();
      for (const w of windowsFor(next.write)) w.record(now);
      next.resolve();
    }
  }

  return {
    /** Waits for room for one request (`write`: POST/PUT/DELETE) for at most `maxWaitMs`. */
    acquire(write: boolean, maxWaitMs: number): Promise<void> {
      return new Promise((resolve, reject) => {
        queue.push({ write, seq: (seq += 1), deadline: clock() + maxWaitMs, resolve, reject });
        if (timer) clearTimeout(timer);
        pump();
      });
    },
    /** Nexudus answered 429/409 "wait": nothing is sent before then. */
    pause(seconds: number) {
      throttledCount += 1;
      pausedUntil = Math.max(pausedUntil, clock() + seconds * 1000);
    },
    /** What the admin page shows: requests used in each window, and whether Nexudus asked us to wait. */
    stats() {
      const now = clock();
      return {
        all: all.map((w) => ({ ...w.rule, used: w.used(now) })),
        writes: writes.map((w) => ({ ...w.rule, used: w.used(now) })),
        pausedForSeconds: Math.max(0, Math.ceil((pausedUntil - now) / 1000)),
        throttledCount,
      };
    },
  };
}
export type RequestBudget = ReturnType<typeof createRequestBudget>;

/** Seconds Nexudus asks us to wait: `Retry-After`, or "Wait N seconds" in the body (observed live). */
export function throttleSeconds(status: number, retryAfter: string | undefined, body: string): number | undefined {
  const header = retryAfter !== undefined && /^\d{1,6}$/.test(retryAfter.trim()) ? Number(retryAfter.trim()) : undefined;
  const said = /Wait ([\d.]+) seconds/i.exec(body)?.[1];
  const fromBody = said === undefined ? undefined : Math.ceil(Number(said));
  if (status === 429) return header ?? fromBody ?? 1;
  // 409 is Nexudus's legacy throttling answer, but also a plain conflict: only a "wait" is throttling.
  if (status === 409 && (header !== undefined || fromBody !== undefined || /must wait/i.test(body))) return header ?? fromBody ?? 1;
  return undefined;
}
