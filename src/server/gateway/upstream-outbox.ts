import type { DevicesRepository } from '../db/devices-repository';
import type { LedgerRepository, WaitingStats } from '../db/ledger-repository';
import type { HoldPolicy, SubmissionService } from './submissions';
import { MemberNotFound, SubmissionInProgress } from './submissions';
import { UpstreamUnavailable } from './upstream-errors';

/** How often the outbox looks for held taps to send (it sends nothing while Nexudus asked to wait). */
export const OUTBOX_INTERVAL_MS = 2_000;
/** A claim left unsettled this long without a hold was abandoned mid-call (a crash) and is resumed. */
const ABANDONED_AFTER_MS = 30_000;
/** Taps looked at per round; the next round takes the rest. */
const ROUND_SIZE = 200;
const MIN_PAUSE_SECONDS = 2;
const MAX_PAUSE_SECONDS = 60;

export interface OutboxStatus extends WaitingStats {
  pausedForSeconds: number;
}

export interface OutboxLog {
  warn(details: Record<string, unknown>, message: string): void;
}

/**
 * The gateway's upstream outbox. A tap Nexudus cannot take (down, slow, throttling, or the
 * gateway signed out) is held in the ledger; this sends the held taps in tap order, one at a
 * time, within the upstream client's request budget, each after looking for a write an earlier
 * attempt may have made. A tablet keeps its own copy until it hears "recorded" (or a refusal).
 */
export function createUpstreamOutbox(deps: { ledger: LedgerRepository; devices: DevicesRepository; log: OutboxLog; clock?: () => number }) {
  const clock = deps.clock ?? Date.now;
  let pausedUntil = 0;
  let draining: Promise<void> | undefined;
  let submissions: SubmissionService | undefined;

  const policy: HoldPolicy = {
    pausedForSeconds: (now) => Math.max(0, Math.ceil((pausedUntil - now.getTime()) / 1000)),
    noteUnavailable(retryAfterSeconds, now) {
      const seconds = Math.min(MAX_PAUSE_SECONDS, Math.max(MIN_PAUSE_SECONDS, retryAfterSeconds));
      pausedUntil = Math.max(pausedUntil, now.getTime() + seconds * 1000);
    },
  };
  /** A tap that failed for another reason is tried again later, backing off (10 s, 20 s, 40 s …). */
  const notBefore = new Map<string, number>();

  async function round(): Promise<void> {
    if (!submissions) return;
    const now = clock();
    if (pausedUntil > now) return;
    // One member's taps go in order: after one of them fails, the rest of theirs wait for the next round.
    const blocked = new Set<string>();
    for (const entry of deps.ledger.waiting(new Date(now - ABANDONED_AFTER_MS), ROUND_SIZE)) {
      const member = `${entry.BusinessId}:${entry.CoworkerId}`;
      if (blocked.has(member) || (notBefore.get(entry.ClientId) ?? 0) > now) {
        blocked.add(member);
        continue;
      }
      const device = deps.devices.byId(entry.DeviceId);
      if (!device) continue;
      try {
        await submissions.resume(entry, device, new Date(clock()));
        notBefore.delete(entry.ClientId);
      } catch (error) {
        if (error instanceof UpstreamUnavailable && error.away) return; // held again; Nexudus is away — wait
        blocked.add(member);
        if (error instanceof SubmissionInProgress || error instanceof MemberNotFound) continue;
        const reason = error instanceof Error ? error.message : String(error);
        deps.ledger.noteAttempt(entry.ClientId, reason);
        notBefore.set(entry.ClientId, clock() + 10_000 * 2 ** entry.Attempts);
        deps.log.warn({ clientId: entry.ClientId, reason }, 'held tap failed; will try again');
      }
    }
  }

  const drain = (): Promise<void> => {
    draining ??= round().finally(() => (draining = undefined));
    return draining;
  };

  return {
    policy,
    /** The service that sends each tap (made after the outbox, which it is given). */
    attach(service: SubmissionService) {
      submissions = service;
    },
    /** Sends what is held, now (single-flight: a round in progress is awaited instead). */
    drain,
    status(): OutboxStatus {
      return { ...deps.ledger.waitingStats(), pausedForSeconds: policy.pausedForSeconds(new Date(clock())) };
    },
    /** Runs a round every interval until the returned function is called. */
    start(intervalMs = OUTBOX_INTERVAL_MS): () => void {
      const timer = setInterval(() => {
        drain().catch((error: unknown) =>
          deps.log.warn({ reason: error instanceof Error ? error.message : String(error) }, 'outbox round failed'),
        );
      }, intervalMs);
      timer.unref();
      return () => clearInterval(timer);
    },
  };
}
export type UpstreamOutbox = ReturnType<typeof createUpstreamOutbox>;
