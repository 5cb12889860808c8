import {
  UNDO_WINDOW_SECONDS,
  type Eligibility,
  type PassSummary,
  type PaygOffer,
  type RefusalCode,
  type SubmitCheckin,
  type SubmitResult,
  type UndoResult,
} from '../../contract/kiosk-api';
import { checkoutEnd, lateTapClosure } from '../../domain/check-in-day';
import { toMinor } from '../../domain/money';
import type { Device } from '../db/devices-repository';
import type { LedgerEntry, LedgerRepository } from '../db/ledger-repository';
import type { Guard } from '../lib/guard';
import { createChargeConsent } from './charge-consent';
import { eligibilityOf, passSummary } from './eligibility';
import type { IdentitySigner } from './identity';
import type { MemberFacts, MemberFactsReader } from './member-facts';
import type { MemberLookup } from './member-lookup';
import { createNexudusWrites } from './nexudus-writes';
import { correctedTiming, SKEW_FLAG_SECONDS, type Timing } from './tap-timing';
import { UpstreamUnavailable, type UpstreamClient } from './upstream-client';
import type { CheckinRecord } from '../../contract/nexudus-checkins';
import { toNexudusInstant } from '../../contract/nexudus-fields';
import type { MirrorWrite } from './mirror-sync';

/**
 * The oldest tap the gateway records: a tablet that was off over a long weekend still sends its
 * taps, but nobody can date a visit (and its charge) further back. Older taps are refused, kept on
 * the tablet and shown to staff.
 */
export const MAX_TAP_AGE_MS = 96 * 3600_000;
/** A claim left `processing` longer than this was abandoned (a crash or timeout) and may be taken over. */
const STALE_CLAIM_MS = 30_000;

export class SubmissionInProgress extends Error {
  constructor(
    message: string,
    /** When an abandoned claim may be taken over. */
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}
export class MemberNotFound extends Error {}
/** An undo that cannot be done: unknown tap, another tablet's, not a check-in, or too late. */
export class UndoRefused extends Error {}
/** Nexudus cannot take this tap now: the gateway holds it in its ledger and sends it later, in order. */
export class TapHeld extends UpstreamUnavailable {
  constructor(retryAfterSeconds: number) {
    super('Nexudus cannot take this tap now; Tapdesk holds it and sends it in order.', retryAfterSeconds);
  }
}
/** A held tap that fails this often for a reason other than Nexudus being away is refused, for staff. */
export const MAX_ATTEMPTS = 5;
/** How soon a tablet should ask again about a tap held behind an earlier one. */
const HELD_RETRY_SECONDS = 5;

/** What the gateway's upstream outbox tells the submission service (see upstream-outbox.ts). */
export interface HoldPolicy {
  /** Seconds until Nexudus may be tried again (0: now). */
  pausedForSeconds(now: Date): number;
  noteUnavailable(retryAfterSeconds: number, now: Date): void;
}

const NO_PASS = { name: null, summary: null };
interface Settled {
  result: SubmitResult;
  checkinId: number | null;
}

export interface SubmissionDeps {
  upstream: UpstreamClient;
  facts: MemberFactsReader;
  ledger: LedgerRepository;
  identity: IdentitySigner;
  guard: Guard;
  findMember: MemberLookup;
  /** Keeps the mirror true after a write: the check-in as Nexudus recorded it and the member's passes. */
  noteWrite?: (records: MirrorWrite) => void;
  /** The gateway's upstream outbox; without one a held tap is sent again only when the tablet resends it. */
  outbox?: HoldPolicy;
}

/** Check-in and check-out submissions: idempotent by clientId, exactly one upstream write per tap. */
export function createSubmissionService(deps: SubmissionDeps) {
  const { upstream, facts, ledger } = deps;
  const writes = createNexudusWrites(upstream, ledger);
  const consentRefusal = createChargeConsent({ ...deps, ledger });

  const refused = (
    input: Pick<SubmitCheckin, 'clientId'>,
    code: RefusalCode,
    message: string,
    eligibility: Eligibility | null = null,
  ): SubmitResult => ({
    status: 'refused',
    clientId: input.clientId,
    code,
    message,
    eligibility,
    duplicate: false,
  });

  const success = (
    input: SubmitCheckin,
    status: 'checked-in' | 'checked-out',
    checkinId: number,
    timing: Timing,
    closedAt: Date | null,
    payg: PaygOffer | null,
    pass: { name: string | null; summary: PassSummary | null },
  ): SubmitResult => ({
    status,
    clientId: input.clientId,
    checkinId,
    at: timing.effectiveAt.toISOString(),
    closedAt: closedAt?.toISOString() ?? null,
    passName: pass.name,
    pass: pass.summary,
    payg,
    duplicate: false,
    clockSkewSeconds: timing.skewSeconds,
    clockSkewFlagged: Math.abs(timing.skewSeconds) > SKEW_FLAG_SECONDS,
  });

  /** The mirror learns of our own check-in at once: the record, and the pass it used (re-read when Nexudus made a new one). */
  async function noteCheckin(recorded: CheckinRecord | undefined, facts: MemberFacts) {
    if (!recorded || !deps.noteWrite) return;
    const held = facts.heldRecords.find((h) => h.UniqueId === recorded.CoworkerTimePassGuid);
    if (held) {
      const used = { ...held, Used: true, UsedDate: held.UsedDate ?? recorded.FromTime, CheckedIn: recorded.ToTime === null };
      deps.noteWrite({ checkin: recorded, passes: [used] });
    } else if (recorded.CoworkerTimePassGuid && recorded.CoworkerId !== null) {
      deps.noteWrite({ checkin: recorded, passes: await writes.passesOf(recorded.CoworkerId), passesOf: recorded.CoworkerId });
    } else {
      deps.noteWrite({ checkin: recorded });
    }
  }

  async function checkIn(input: SubmitCheckin, device: Device, timing: Timing, facts: MemberFacts): Promise<Settled> {
    const { decision, eligibility } = eligibilityOf(facts);
    const location = facts.input.location;
    const refusal = await consentRefusal(input, device, timing.effectiveAt, facts, decision);
    if (refusal) return { result: refused(input, refusal.code, refusal.message, eligibility), checkinId: null };
    const closedAt = lateTapClosure(location, timing.effectiveAt, timing.receivedAt);
    const written = await writes.checkIn(input.clientId, {
      businessId: location.id,
      coworkerId: input.coworkerId,
      from: timing.effectiveAt,
      closedAt,
    });
    if ('refused' in written) {
      const code: RefusalCode = /valid time pass/.test(written.refused) ? 'NO_VALID_PASS' : 'UPSTREAM_REFUSED';
      const message = code === 'NO_VALID_PASS' ? 'You have no valid pass for this location right now.' : written.refused;
      return { result: refused(input, code, message, eligibility), checkinId: null };
    }
    // Answer with what Nexudus recorded: the preview stands only when Nexudus used the pass it named.
    const recorded = await writes.readBack(written.id);
    const previewHolds =
      recorded !== undefined &&
      (decision.kind === 'pass'
        ? recorded.CoworkerTimePassGuid === decision.pass.uniqueId
        : decision.kind === 'payg' && !facts.heldRecords.some((h) => h.UniqueId === recorded.CoworkerTimePassGuid));
    const known = !previewHolds
      ? undefined
      : decision.kind === 'pass'
        ? { name: decision.pass.product.name, summary: passSummary({ ...decision.pass, used: true }, facts) }
        : { name: decision.kind === 'payg' ? decision.product.name : null, summary: null };
    const payg = decision.kind === 'payg' && previewHolds && eligibility.kind === 'payg' ? eligibility.payg : null;
    await noteCheckin(recorded, facts);
    const pass = known ?? (recorded ? await writes.passOf(recorded, facts) : NO_PASS);
    return { result: success(input, 'checked-in', written.id, timing, closedAt, payg, pass), checkinId: written.id };
  }

  async function checkOut(input: SubmitCheckin, timing: Timing, facts: MemberFacts): Promise<Settled> {
    const open = facts.openRecord;
    const location = facts.input.location;
    if (!open) return { result: refused(input, 'NOT_CHECKED_IN', 'You are not checked in here.'), checkinId: null };
    const { end, stale } = checkoutEnd(location, open.FromTime, timing.effectiveAt);
    await writes.checkOut(input.clientId, open, end, stale);
    const passes = await writes.passesOf(input.coworkerId);
    deps.noteWrite?.({ checkin: { ...open, ToTime: toNexudusInstant(end), AutoCheckout: stale }, passes, passesOf: input.coworkerId });
    const pass = passes.find((p) => p.UniqueId === open.CoworkerTimePassGuid);
    const payg: PaygOffer | null = pass?.IsPayAsYouGo
      ? {
          name: pass.TimePassName,
          terms: { kind: 'day', currency: location.currency, dayPriceMinor: 0 },
          chargedTodayMinor: toMinor(pass.Price ?? 0, location.currency),
          firstChargeMinor: 0,
        }
      : null;
    const result = success(input, 'checked-out', open.Id, { ...timing, effectiveAt: end }, null, payg, {
      name: pass?.TimePassName ?? null,
      summary: null,
    });
    return { result, checkinId: open.Id };
  }

  /** Taps being sent right now (by a tablet's request or the outbox), so no tap is ever sent twice at once. */
  const inFlight = new Set<string>();
  const service = {
    /** Removes a check-in this tablet made moments ago; Nexudus gives back the pass it consumed. */
    async undo(clientId: string, device: Device, now: Date = new Date()): Promise<UndoResult> {
      const entry = ledger.get(clientId);
      if (!entry || entry.DeviceId !== device.Id || entry.State !== 'done' || entry.Action !== 'in' || entry.CheckinId === null) {
        throw new UndoRefused('There is no check-in from this tablet to undo.');
      }
      if (entry.UndoneAt) return { status: 'undone', clientId };
      if (now.getTime() - Date.parse(entry.ReceivedAt) > UNDO_WINDOW_SECONDS * 1000)
        throw new UndoRefused('It is too late to undo this check-in here; please see the front desk.');
      // Only the very check-in this tap made, still open: never a record that has changed since.
      const record = await writes.readBack(entry.CheckinId);
      const made = entry.IntentFromTime ?? entry.EffectiveAt;
      if (
        !record ||
        record.ToTime !== null ||
        record.CoworkerId !== entry.CoworkerId ||
        record.BusinessId !== entry.BusinessId ||
        Date.parse(record.FromTime) !== Date.parse(made)
      ) {
        throw new UndoRefused('This check-in has changed since; please see the front desk.');
      }
      await upstream.remove('/api/spaces/checkins', entry.CheckinId);
      ledger.markUndone(clientId);
      // Nexudus gave back the pass (or removed the PAYG one): the mirror reads this member's passes again.
      deps.noteWrite?.({ removedCheckin: entry.CheckinId, passes: await writes.passesOf(entry.CoworkerId), passesOf: entry.CoworkerId });
      return { status: 'undone', clientId };
    },

    /** A tap from a tablet (live or replayed from its outbox). */
    async submit(input: SubmitCheckin, device: Device, now: Date = new Date()): Promise<SubmitResult> {
      const timing = correctedTiming(input, now);
      if (now.getTime() - timing.effectiveAt.getTime() > MAX_TAP_AGE_MS) {
        return refused(input, 'TAP_REJECTED', 'This tap is more than four days old; staff can record the visit in Nexudus.');
      }
      const claim = ledger.claim({
        clientId: input.clientId,
        deviceId: device.Id,
        businessId: device.BusinessId,
        coworkerId: input.coworkerId,
        action: input.action,
        tappedAt: input.tappedAt,
        deviceNow: input.deviceNow,
        receivedAt: now.toISOString(),
        effectiveAt: timing.effectiveAt.toISOString(),
        skewSeconds: timing.skewSeconds,
        request: input,
      });
      if (claim.claimed) {
        // While Nexudus is away, or while an earlier tap of this member waits, a new tap queues behind.
        const wait = mustWait(device.BusinessId, input.coworkerId, input.clientId, now);
        if (wait > 0) throw holdTap(input.clientId, null, wait, now);
        return run(input, device, timing, undefined, now);
      }
      const existing = claim.existing;
      // A tap is this tablet's, and a client id names one tap: the same id with another member,
      // action or tap time is refused, never run (it would act on the first tap's record).
      if (existing.DeviceId !== device.Id) throw new MemberNotFound('This tap belongs to another tablet.');
      if (existing.CoworkerId !== input.coworkerId || existing.Action !== input.action || existing.TappedAt !== input.tappedAt) {
        return refused(input, 'TAP_REJECTED', 'This client id was already used for another tap.');
      }
      const stored = ledger.result(existing);
      if (stored) return stored.status === 'queued' ? stored : { ...stored, duplicate: true };
      if (existing.WaitingSince !== null) {
        // Held for Nexudus: the tablet's resend sends it now only when nothing stands before it.
        const wait = mustWait(existing.BusinessId, existing.CoworkerId, existing.ClientId, now);
        if (wait > 0) throw new TapHeld(wait);
      } else {
        const age = now.getTime() - Date.parse(existing.UpdatedAt);
        if (age < STALE_CLAIM_MS)
          throw new SubmissionInProgress('This tap is being recorded; try again shortly.', Math.ceil((STALE_CLAIM_MS - age) / 1000) + 1);
      }
      return run(input, device, timing, existing, now);
    },

    /** A held (or abandoned) tap from the gateway's outbox, sent again as the tablet sent it. */
    async resume(entry: LedgerEntry, device: Device, now: Date = new Date()): Promise<SubmitResult> {
      const input = ledger.request(entry) ?? undefined;
      if (!input || entry.Attempts >= MAX_ATTEMPTS) {
        const why = input ? (entry.LastError ?? 'unknown error') : 'its stored copy cannot be read';
        const result = refused(
          input ?? { clientId: entry.ClientId },
          'UPSTREAM_REFUSED',
          `Tapdesk could not record this tap (${why}); staff can check Nexudus and record the visit there.`,
        );
        ledger.settle(entry.ClientId, result, null);
        return result;
      }
      return run(input, device, correctedTiming(input, new Date(entry.ReceivedAt)), entry, now);
    },
  };

  /** Seconds a tap must wait before it may be sent: Nexudus is away, or this member has an earlier held tap. */
  function mustWait(businessId: number, coworkerId: number, clientId: string, now: Date): number {
    const paused = deps.outbox?.pausedForSeconds(now) ?? 0;
    if (paused > 0) return paused;
    return ledger.memberHasWaiting(businessId, coworkerId, clientId) ? HELD_RETRY_SECONDS : 0;
  }

  /** `reason`: why Nexudus did not take it (null when it only queues behind an earlier tap). */
  function holdTap(clientId: string, reason: string | null, retryAfterSeconds: number, now: Date): TapHeld {
    ledger.hold(clientId, reason, now);
    return new TapHeld(retryAfterSeconds);
  }

  /**
   * One attempt at a tap, exactly one upstream write: an earlier attempt's write is looked for
   * first. Nexudus away → the tap is held in the ledger (the gateway's outbox) and sent later.
   */
  async function run(
    input: SubmitCheckin,
    device: Device,
    timing: Timing,
    existing: LedgerEntry | undefined,
    now: Date,
  ): Promise<SubmitResult> {
    if (inFlight.has(input.clientId)) throw new SubmissionInProgress('This tap is being recorded; try again shortly.', 2);
    inFlight.add(input.clientId);
    try {
      // The caller's copy of the row may be old (an outbox round reads many at once): a tap settled
      // meanwhile (by the tablet's resend) is answered as settled, never sent again.
      if (existing) {
        const latest = ledger.get(input.clientId);
        const settled = latest && ledger.result(latest);
        if (settled) return settled.status === 'queued' ? settled : { ...settled, duplicate: true };
        if (!latest) throw new MemberNotFound('This tap is no longer known.');
        ledger.reclaim(input.clientId);
        // An earlier attempt may have reached Nexudus before it failed: find that write, never make a second.
        const recorded = await writes.findRecorded(latest);
        if (recorded) {
          deps.noteWrite?.({ checkin: recorded });
          const result = success(
            input,
            input.action === 'in' ? 'checked-in' : 'checked-out',
            recorded.Id,
            { ...timing, effectiveAt: new Date(latest.EffectiveAt) },
            null,
            null,
            await writes.passOf(recorded, undefined),
          );
          ledger.settle(input.clientId, result, recorded.Id);
          return result;
        }
        timing = { ...timing, receivedAt: now, effectiveAt: new Date(latest.EffectiveAt) };
      }
      const memberFacts = await facts.read(device.BusinessId, input.coworkerId, timing.effectiveAt);
      if (!memberFacts) {
        // Nothing was written for this tap: forget the claim, so a resend is answered the same way.
        ledger.release(input.clientId);
        throw new MemberNotFound(`No member ${input.coworkerId} at this location.`);
      }
      const { result, checkinId } =
        input.action === 'in' ? await checkIn(input, device, timing, memberFacts) : await checkOut(input, timing, memberFacts);
      ledger.settle(input.clientId, result, checkinId);
      return result;
    } catch (error) {
      if (error instanceof MemberNotFound) throw error;
      if (error instanceof UpstreamUnavailable && error.away) {
        deps.outbox?.noteUnavailable(error.retryAfterSeconds ?? HELD_RETRY_SECONDS, now);
        throw holdTap(input.clientId, error.message, error.retryAfterSeconds ?? HELD_RETRY_SECONDS, now);
      }
      // A failure of this tap alone (an answer Tapdesk cannot read, say): held, counted, backed off, refused after a few.
      if (error instanceof UpstreamUnavailable) ledger.hold(input.clientId, error.message, now);
      // Not Nexudus being away: the claim is marked stale, so the next attempt reconciles first.
      ledger.markStale(input.clientId);
      throw error;
    } finally {
      inFlight.delete(input.clientId);
    }
  }
  return service;
}
export type SubmissionService = ReturnType<typeof createSubmissionService>;
