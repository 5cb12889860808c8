import { KioskErrorSchema, type SubmitResult } from '../contract/kiosk-api';
import {
  BATCH_LIMIT,
  CheckinBatchResultSchema,
  isTap,
  isWalkIn,
  type OutboxEntry,
  type TapEntry,
  type WalkInEntry,
} from '../contract/outbox';
import { WalkInStatusSchema, type WalkInStatus } from '../contract/visitors-api';
import type { OutboxStore } from './outbox-store';

/** What became of one entry in a replay pass. */
export type EntryOutcome =
  | { kind: 'done'; result: SubmitResult }
  /** A walk-in the gateway registered (and told the host of). */
  | { kind: 'registered'; status: WalkInStatus }
  | { kind: 'rejected'; result: SubmitResult | null; status: number; code: string; message: string }
  /** `status`: the HTTP status that asked for a later try (none: no answer at all). */
  | { kind: 'pending'; status?: number };

export interface ReplayOptions {
  fetch: (url: string, init: RequestInit) => Promise<Response>;
  /** Prefix for the gateway, e.g. '' in the service worker or 'http://127.0.0.1:8080' in a benchmark. */
  baseUrl?: string;
  batchSize?: number;
  /** Independent lanes sent in parallel; one member's taps always share a lane, in tap order. */
  lanes?: number;
  requestTimeoutMs?: number;
  now?: () => number;
  random?: () => number;
  onOutcome?: (entry: OutboxEntry, outcome: EntryOutcome) => void;
}

const BASE_BACKOFF_MS = 2_000;
const MAX_BACKOFF_MS = 2 * 60_000;
/** Answers that mean "not now": the entry stays and is tried again later. */
const RETRYABLE = new Set([408, 409, 425, 429, 500, 502, 503, 504]);

/**
 * Exponential backoff with jitter (50–100 % of the step). A server's Retry-After replaces it: the
 * server knows when it can take the tap (e.g. an abandoned claim frees up within 30 s).
 */
export function backoffMs(attempts: number, random: () => number, retryAfterSeconds?: number): number {
  if (retryAfterSeconds !== undefined && retryAfterSeconds > 0) return retryAfterSeconds * 1000;
  const step = Math.min(MAX_BACKOFF_MS, BASE_BACKOFF_MS * 2 ** Math.max(0, attempts - 1));
  const jittered = step * (0.5 + random() / 2);
  return jittered;
}

/**
 * Which due entries go out now, in lanes. An entry waits while an earlier tap of the same member
 * is still waiting: a check-out never overtakes its check-in.
 */
export function planLanes(entries: readonly OutboxEntry[], now: number, lanes: number): TapEntry[][] {
  const blocked = new Set<string>();
  const plan: TapEntry[][] = Array.from({ length: lanes }, () => []);
  const laneOf = new Map<string, number>();
  for (const entry of entries.filter(isTap).sort((a, b) => a.seq - b.seq)) {
    const member = `${entry.token}:${entry.tap.coworkerId}`;
    if (entry.state === 'rejected' || blocked.has(member)) continue;
    if (entry.nextAttemptAt > now) {
      blocked.add(member);
      continue;
    }
    let lane = laneOf.get(member);
    if (lane === undefined) {
      lane = laneOf.size % lanes;
      laneOf.set(member, lane);
    }
    plan[lane]?.push(entry);
  }
  return plan.filter((lane) => lane.length > 0);
}

/** Splits a lane into batches that share one device token, keeping order. */
function batches(lane: TapEntry[], size: number): TapEntry[][] {
  const out: TapEntry[][] = [];
  for (const entry of lane) {
    const last = out[out.length - 1];
    if (last && last.length < size && last[0]?.token === entry.token) last.push(entry);
    else out.push([entry]);
  }
  return out;
}

/**
 * The outbox replay. Single-flight: a call while a pass runs asks for one more pass and waits for
 * it. An entry leaves the outbox only when the gateway acknowledged it (recorded, or already
 * recorded for that clientId); a refusal keeps it as `rejected` with the reason; anything else
 * keeps it `pending` with a backoff.
 */
export function createReplayer(store: OutboxStore, options: ReplayOptions) {
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const batchSize = Math.min(options.batchSize ?? 25, BATCH_LIMIT);
  const lanes = options.lanes ?? 4;
  const timeoutMs = options.requestTimeoutMs ?? 15_000;
  const base = options.baseUrl ?? '';
  let running: Promise<void> | null = null;
  let again = false;
  let forceNext = false;

  function write(entry: OutboxEntry, outcome: EntryOutcome, retryAfterSeconds?: number, error?: string): Promise<void> {
    if (outcome.kind === 'done' || outcome.kind === 'registered') return store.delete(entry.clientId);
    if (outcome.kind === 'rejected') {
      return store.put({
        ...entry,
        state: 'rejected',
        rejection: { code: outcome.code, message: outcome.message },
        lastError: outcome.message,
      });
    }
    const attempts = entry.attempts + 1;
    return store.put({
      ...entry,
      state: 'pending',
      attempts,
      nextAttemptAt: now() + backoffMs(attempts, random, retryAfterSeconds),
      lastError: error ?? null,
    });
  }

  /**
   * The entry's new state is written, and whoever waits for it (a member at the screen) hears the
   * outcome at once, without waiting for the disk: the write is issued first, so whatever the
   * listener writes next comes after it. Already stored as it was sent, nothing is lost meanwhile
   * (an entry whose removal did not land is sent again, and the gateway answers it from its ledger).
   */
  async function settle(entry: OutboxEntry, outcome: EntryOutcome, retryAfterSeconds?: number, error?: string) {
    const written = write(entry, outcome, retryAfterSeconds, error);
    options.onOutcome?.(entry, outcome);
    await written;
  }

  /** Marks entries as on their way, beside the request rather than before it: a marker a stopped worker leaves is read as pending. */
  function markSending(entries: readonly OutboxEntry[]): void {
    for (const entry of entries) store.put({ ...entry, state: 'sending' }).catch(() => undefined);
  }

  /** Why an answer that is not OK leaves an entry waiting or refuses it. */
  async function settleRefusal(entry: OutboxEntry, res: Response, json: unknown): Promise<boolean> {
    const parsed = KioskErrorSchema.safeParse(json);
    const retryAfter = Number(res.headers.get('retry-after') ?? parsed.data?.error.retryAfterSeconds ?? 0) || undefined;
    const message = parsed.success ? parsed.data.error.message : `HTTP ${res.status}`;
    if (RETRYABLE.has(res.status)) {
      await settle(entry, { kind: 'pending', status: res.status }, retryAfter, message);
      return false;
    }
    const code = parsed.success ? parsed.data.error.code : `HTTP_${res.status}`;
    await settle(entry, { kind: 'rejected', result: null, status: res.status, code, message });
    return true;
  }

  /** One walk-in, as it was registered: the gateway answers a resend of its clientId with the same visitor. */
  async function sendWalkIn(entry: WalkInEntry): Promise<'settled' | 'later' | 'unreachable'> {
    markSending([entry]);
    let res: Response;
    try {
      res = await options.fetch(`${base}/kiosk/v1/visitors`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${entry.token}` },
        body: JSON.stringify(entry.walkIn),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      await settle(entry, { kind: 'pending' }, undefined, `network: ${error instanceof Error ? error.message : 'failed'}`);
      return 'unreachable';
    }
    const json: unknown = await res.json().catch(() => null);
    if (!res.ok) return (await settleRefusal(entry, res, json)) ? 'settled' : 'later';
    const status = WalkInStatusSchema.safeParse(json);
    if (!status.success) {
      await settle(entry, { kind: 'pending' }, undefined, 'unreadable answer');
      return 'later';
    }
    await settle(entry, { kind: 'registered', status: status.data });
    return 'settled';
  }

  async function sendBatch(batch: TapEntry[]): Promise<boolean> {
    markSending(batch);
    const deviceNow = new Date(now()).toISOString();
    let res: Response;
    try {
      res = await options.fetch(`${base}/kiosk/v1/checkins/batch`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${batch[0]?.token ?? ''}` },
        body: JSON.stringify({ submissions: batch.map((e) => ({ ...e.tap, deviceNow })) }),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      for (const entry of batch)
        await settle(entry, { kind: 'pending' }, undefined, `network: ${error instanceof Error ? error.message : 'failed'}`);
      return false;
    }
    const json: unknown = await res.json().catch(() => null);
    if (!res.ok) {
      let settledAll = true;
      for (const entry of batch) settledAll = (await settleRefusal(entry, res, json)) && settledAll;
      return settledAll;
    }
    const parsed = CheckinBatchResultSchema.safeParse(json);
    if (!parsed.success) {
      for (const entry of batch) await settle(entry, { kind: 'pending' }, undefined, 'unreadable answer');
      return false;
    }
    const byId = new Map(parsed.data.results.map((r) => [r.clientId, r]));
    let settledAll = true;
    for (const entry of batch) {
      const result = byId.get(entry.clientId);
      if (!result || result.status === 'retry' || result.status === 'queued') {
        settledAll = false;
        const retryAfter = result?.status === 'retry' ? result.retryAfterSeconds : undefined;
        await settle(entry, { kind: 'pending' }, retryAfter, result && 'message' in result ? result.message : 'no answer');
      } else if (result.status === 'refused') {
        await settle(entry, { kind: 'rejected', result, status: 200, code: result.code, message: result.message });
      } else {
        await settle(entry, { kind: 'done', result });
      }
    }
    return settledAll;
  }

  async function pass(force: boolean): Promise<void> {
    const entries = await store.all();
    // A pass that died (the worker was stopped mid-send) left entries `sending`: send them again;
    // the gateway's ledger makes a repeat harmless.
    for (const entry of entries) if (entry.state === 'sending') entry.state = 'pending';
    // `force` (staff "send now", the network coming back, start-up) ignores the backoff.
    const due = force ? Number.POSITIVE_INFINITY : now();
    const plan = planLanes(entries, due, lanes);
    // Walk-ins go one by one beside the taps' lanes: no member's tap waits for a visitor.
    const walkIns = entries.filter(isWalkIn).filter((e) => e.state !== 'rejected' && e.nextAttemptAt <= due);
    await Promise.all([
      (async () => {
        // Each walk-in on its own: one the gateway keeps answering "not now" does not hold the others
        // back; only a network failure (nothing answers) ends the pass.
        for (const entry of walkIns) if ((await sendWalkIn(entry)) === 'unreachable') break;
      })(),
      ...plan.map(async (lane) => {
        for (const batch of batches(lane, batchSize)) {
          if (!(await sendBatch(batch))) break;
        }
      }),
    ]);
  }

  return {
    replay(options: { force?: boolean } = {}): Promise<void> {
      forceNext ||= options.force === true;
      if (running) {
        again = true;
        return running;
      }
      running = (async () => {
        try {
          do {
            again = false;
            const force = forceNext;
            forceNext = false;
            await pass(force);
          } while (again);
        } finally {
          running = null;
        }
      })();
      return running;
    },
  };
}
export type Replayer = ReturnType<typeof createReplayer>;
