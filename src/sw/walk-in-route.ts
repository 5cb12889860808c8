import { WALK_IN_OUTBOX_LIMIT, isWalkIn, type WalkInEntry } from '../contract/outbox';

/** The gateway's own walk-in limit (10 in 15 minutes per tablet), kept while it cannot see them. */
const WALK_IN_WINDOW_LIMIT = 10;
const WALK_IN_WINDOW_MS = 15 * 60_000;
import { WalkInRequestSchema, type WalkInQueued } from '../contract/visitors-api';
import { json, queueAndAwait, readSubmission, refusedLive, type CheckinRouteDeps } from './checkin-route';

/**
 * POST /kiosk/v1/visitors as the tablet makes it: the walk-in goes into the outbox first and is
 * sent through the replay. Registered → the gateway's answer, now. Refused → that refusal, now
 * (the visitor is standing here: a wrong field, or too many walk-ins at this tablet just now).
 * No answer (offline, server down, Nexudus away) → 202 "queued": sent with the same clientId when
 * the connection is back, and the host is told then. Without IndexedDB: straight to the network.
 */
export async function handleWalkIn(request: Request, deps: CheckinRouteDeps): Promise<Response> {
  const fallback = request.clone();
  const submission = await readSubmission(request, WalkInRequestSchema, deps);
  if (!submission) return fetch(fallback);
  const { body: walkIn, store, replayer, token } = submission;
  const entries = await store.all();
  const existing = entries.find((e) => e.clientId === walkIn.clientId);
  const waiting = entries.filter(isWalkIn).filter((e) => e.state !== 'rejected');
  const lately = waiting.filter((e) => Date.parse(e.queuedAt) > Date.now() - WALK_IN_WINDOW_MS);
  if (!existing && (waiting.length >= WALK_IN_OUTBOX_LIMIT || lately.length >= WALK_IN_WINDOW_LIMIT)) {
    // Bounded here too: while the server cannot count them (offline, or Nexudus away), someone at the
    // desk cannot queue a flood of e-mails to members, nor fill the tablet's storage with visitors.
    return json(429, {
      error: { code: 'RATE_LIMITED', message: 'Many visitor registrations are waiting to be sent from this tablet. Please see reception.' },
    });
  }
  const entry: WalkInEntry =
    existing && isWalkIn(existing)
      ? existing
      : {
          kind: 'walk-in',
          clientId: walkIn.clientId,
          seq: deps.nextSeq(),
          walkIn,
          token,
          memberName: walkIn.fullName,
          state: 'pending',
          attempts: 0,
          queuedAt: new Date().toISOString(),
          nextAttemptAt: 0,
          lastError: null,
          rejection: null,
        };
  const answered = await queueAndAwait(store, replayer, entry, deps);
  if (answered === null) return fetch(fallback);
  if (answered?.kind === 'registered') return json(200, answered.status);
  if (answered?.kind === 'rejected') return refusedLive(store, entry.clientId, deps, answered.status, answered.code, answered.message);
  // Throttled while the visitor stands here: they are told, as online; a resend later is theirs to make.
  if (answered?.kind === 'pending' && answered.status === 429) {
    return refusedLive(store, entry.clientId, deps, 429, 'RATE_LIMITED', 'Many visitors registered here just now. Please see reception.');
  }
  const queued: WalkInQueued = { status: 'queued', clientId: entry.clientId, queuedAt: entry.queuedAt };
  return json(202, queued);
}
