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

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

export interface CheckinRouteDeps {
  store: () => Promise<OutboxStore | null>;
  replayer: () => Promise<Replayer | null>;
  /**
   * Taps a member is waiting at the screen for, by clientId: the replayer's onOutcome fills in the
   * ones listed here (and no others), and each waiting request removes its own.
   */
  awaited: Map<string, EntryOutcome | undefined>;
  nextSeq: () => number;
  changed: () => void;
}

/**
 * POST /kiosk/v1/checkins as the tablet makes it. The tap is written to the outbox first, then
 * sent through the replay (so it never overtakes an older queued tap of the same member):
 * recorded or refused → that answer, now; anything else → 202 "queued", sent later.
 * Without IndexedDB the request goes straight to the network: online-only, as before.
 */
export async function handleCheckin(request: Request, deps: CheckinRouteDeps): Promise<Response> {
  const fallback = request.clone();
  const parsed = SubmitCheckinSchema.safeParse(
    await request
      .clone()
      .json()
      .catch(() => null),
  );
  const token = (request.headers.get('authorization') ?? '').replace(/^Bearer /i, '');
  const [store, replayer] = await Promise.all([deps.store(), deps.replayer()]);
  if (!parsed.success || !token || !store || !replayer) return fetch(fallback);

  const { deviceNow: _deviceNow, ...tap } = parsed.data;
  const queuedAt = new Date().toISOString();
  const existing = await store.get(tap.clientId);
  const entry: OutboxEntry = existing ?? {
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
  try {
    await store.put(entry);
  } catch {
    return fetch(fallback); // storage full or gone: online-only for this tap
  }
  deps.changed();

  deps.awaited.set(tap.clientId, undefined);
  const answered = await Promise.race([
    replayer.replay().then(() => deps.awaited.get(tap.clientId)),
    new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), LIVE_ANSWER_MS)),
  ]).finally(() => deps.awaited.delete(tap.clientId));
  deps.changed();
  if (answered?.kind === 'done') return json(200, answered.result);
  if (answered?.kind === 'rejected') {
    // The member is standing here and sees the refusal: it need not wait for staff.
    await store.delete(tap.clientId);
    deps.changed();
    return answered.result
      ? json(200, answered.result)
      : json(answered.status, { error: { code: answered.code, message: answered.message } });
  }
  const queued: SubmitResult = { status: 'queued', clientId: tap.clientId, queuedAt: entry.queuedAt };
  return json(202, queued);
}
