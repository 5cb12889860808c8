import type * as z from 'zod/mini';
import { SubmitCheckinSchema, type SubmitResult } from '../contract/kiosk-api';
import { MEMBER_NAME_HEADER, type OutboxEntry } from '../contract/outbox';
import type { OutboxStore } from './outbox-store';
import type { EntryOutcome, Replayer } from './replay';

/** How long a member waits for a live answer before being told the tap is safely queued. */
const LIVE_ANSWER_MS = 6_000;

function memberName(request: Request): string | null {
  try {
    const raw = request.headers.get(MEMBER_NAME_HEADER);
    return raw ? decodeURIComponent(raw).slice(0, 200) : null;
  } catch {
    return null;
  }
}

export const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

export interface CheckinRouteDeps {
  store: () => Promise<OutboxStore | null>;
  replayer: () => Promise<Replayer | null>;
  /**
   * Taps a member is waiting at the screen for, by clientId: the replayer's onOutcome hands each
   * listed one its outcome (and no others), and each waiting request removes its own.
   */
  awaited: Map<string, (outcome: EntryOutcome) => void>;
  nextSeq: () => number;
  changed: () => void;
  /** Keeps the worker alive for work that goes on after the answer (the fetch event's waitUntil). */
  keepAlive?: (work: Promise<unknown>) => void;
}

/**
 * Writes an entry to the outbox and sends it through the replay (so it never overtakes an older
 * queued entry of the same member), waiting a few seconds for its own outcome. Undefined: no
 * answer yet (the entry stays queued); null: the outbox could not take it (send it straight).
 */
export async function queueAndAwait(store: OutboxStore, replayer: Replayer, entry: OutboxEntry, deps: CheckinRouteDeps) {
  try {
    await store.put(entry);
  } catch {
    return null; // storage full or gone: online-only for this one
  }
  // No report to the pages yet: the member is watching this tap's own answer, and a report now
  // (every entry read and parsed, and the page re-rendering) would only compete with it.
  // Answered by its own outcome, as soon as the replay has it (not when the whole pass is over); no
  // outcome when the pass ends (an older tap of the member waits) or in time: it stays queued.
  const answered = await new Promise<EntryOutcome | undefined>((resolve) => {
    deps.awaited.set(entry.clientId, resolve);
    setTimeout(() => resolve(undefined), LIVE_ANSWER_MS);
    const pass = replayer.replay().then(
      () => resolve(undefined),
      () => resolve(undefined),
    );
    deps.keepAlive?.(pass);
  }).finally(() => deps.awaited.delete(entry.clientId));
  deps.changed();
  return answered;
}

/** The person is standing here and sees the refusal: it leaves the outbox, it need not wait for staff. */
export async function refusedLive(
  store: OutboxStore,
  clientId: string,
  deps: CheckinRouteDeps,
  status: number,
  code: string,
  message: string,
) {
  await store.delete(clientId);
  deps.changed();
  return json(status, { error: { code, message } });
}

/**
 * What a queued route needs from the page's request: its body as the contract reads it, the device
 * token, and the outbox. Undefined: send the request on as it is (a body the contract refuses gets
 * the gateway's own answer; without IndexedDB the tablet is online-only).
 */
export async function readSubmission<S extends z.ZodMiniType>(request: Request, schema: S, deps: CheckinRouteDeps) {
  const parsed = schema.safeParse(
    await request
      .clone()
      .json()
      .catch(() => null),
  );
  const token = (request.headers.get('authorization') ?? '').replace(/^Bearer /i, '');
  const [store, replayer] = await Promise.all([deps.store(), deps.replayer()]);
  if (!parsed.success || !token || !store || !replayer) return undefined;
  return { body: parsed.data, token, store, replayer };
}

/**
 * POST /kiosk/v1/checkins as the tablet makes it. The tap is written to the outbox first, then
 * sent through the replay (so it never overtakes an older queued tap of the same member):
 * recorded or refused → that answer, now; anything else → 202 "queued", sent later.
 * Without IndexedDB the request goes straight to the network: online-only, as before.
 */
export async function handleCheckin(request: Request, deps: CheckinRouteDeps): Promise<Response> {
  const fallback = request.clone();
  const submission = await readSubmission(request, SubmitCheckinSchema, deps);
  if (!submission) return fetch(fallback);
  const { store, replayer, token } = submission;
  const { deviceNow: _deviceNow, ...tap } = submission.body;
  const queuedAt = new Date().toISOString();
  const existing = await store.get(tap.clientId);
  const entry: OutboxEntry = existing ?? {
    kind: 'tap',
    clientId: tap.clientId,
    seq: deps.nextSeq(),
    tap,
    token,
    memberName: memberName(request),
    state: 'pending',
    attempts: 0,
    queuedAt,
    nextAttemptAt: 0,
    lastError: null,
    rejection: null,
  };
  const answered = await queueAndAwait(store, replayer, entry, deps);
  if (answered === null) return fetch(fallback);
  if (answered?.kind === 'done') return json(200, answered.result);
  if (answered?.kind === 'rejected') {
    if (!answered.result) return refusedLive(store, tap.clientId, deps, answered.status, answered.code, answered.message);
    await store.delete(tap.clientId);
    deps.changed();
    return json(200, answered.result);
  }
  const queued: SubmitResult = { status: 'queued', clientId: tap.clientId, queuedAt: entry.queuedAt };
  return json(202, queued);
}
