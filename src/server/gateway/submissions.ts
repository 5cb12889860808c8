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
import { CheckinRecordSchema, CheckinSource, type CheckinRecord } from '../../contract/nexudus-checkins';
import { toNexudusInstant } from '../../contract/nexudus-fields';
import { CoworkerTimePassRecordSchema } from '../../contract/nexudus-passes';
import type { Location } from '../../domain/model';
import { toMinor } from '../../domain/money';
import { checkoutEnd, lateTapClosure } from '../../domain/check-in-day';
import type { Device } from '../db/devices-repository';
import type { LedgerEntry, LedgerRepository } from '../db/ledger-repository';
import type { Guard } from '../lib/guard';
import { eligibilityOf, passSummary } from './eligibility';
import type { IdentitySigner } from './identity';
import type { MemberFacts, MemberFactsReader } from './member-facts';
import { deskGuessKeys, type MemberLookup } from './member-lookup';
import { UpstreamRefused, type UpstreamClient } from './upstream-client';

/** Clock skew beyond which a submission is flagged for staff. */
export const SKEW_FLAG_SECONDS = 5 * 60;
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

interface Timing {
  receivedAt: Date;
  effectiveAt: Date;
  skewSeconds: number;
}

/**
 * The tablet's clock may be wrong: `deviceNow - receivedAt` is its skew, and the tap happened at
 * `tappedAt - skew` on the server's clock (never later than now).
 */
export function correctedTiming(input: Pick<SubmitCheckin, 'tappedAt' | 'deviceNow'>, receivedAt: Date): Timing {
  const skewMs = Date.parse(input.deviceNow) - receivedAt.getTime();
  const effective = Math.min(Date.parse(input.tappedAt) - skewMs, receivedAt.getTime());
  return { receivedAt, effectiveAt: new Date(Math.floor(effective / 1000) * 1000), skewSeconds: Math.round(skewMs / 1000) };
}

export interface SubmissionDeps {
  upstream: UpstreamClient;
  facts: MemberFactsReader;
  ledger: LedgerRepository;
  identity: IdentitySigner;
  guard: Guard;
  findMember: MemberLookup;
}

/** Check-in and check-out submissions: idempotent by clientId, exactly one upstream write per tap. */
export function createSubmissionService(deps: SubmissionDeps) {
  const { upstream, facts, ledger } = deps;

  const refused = (input: SubmitCheckin, code: RefusalCode, message: string, eligibility: Eligibility | null = null): SubmitResult => ({
    status: 'refused',
    clientId: input.clientId,
    code,
    message,
    eligibility,
    duplicate: false,
  });

  /**
   * A PIN typed to agree to a charge: a guess at this member's PIN, counted on the member, the
   * tablet and the location before it is checked.
   */
  async function chargePinMatches(device: Device, coworkerId: number, pin: string): Promise<boolean> {
    const attempt = await deps.guard.attempt([
      { policy: 'charge-pin:member', subject: String(coworkerId), businessId: device.BusinessId, label: `#${coworkerId}` },
      ...deskGuessKeys(device),
    ]);
    if (!attempt.allowed) return false;
    const matches = (await deps.findMember('pin', pin, device.BusinessId))?.Id === coworkerId;
    await (matches ? attempt.succeed() : attempt.fail());
    return matches;
  }

  /**
   * The one upstream write an earlier attempt at this tap may have made, read back exactly as the
   * ledger recorded it before the call: the check-in a check-out closed (with that ToTime), or the
   * check-in made at that exact FromTime. No intent recorded means the write was never sent.
   */
  async function findRecorded(entry: LedgerEntry): Promise<CheckinRecord | undefined> {
    if (entry.IntentCheckinId !== null) {
      const closed = await upstream.get('/api/spaces/checkins', entry.IntentCheckinId, CheckinRecordSchema);
      return closed && closed.ToTime !== null && entry.IntentToTime !== null && Date.parse(closed.ToTime) === Date.parse(entry.IntentToTime)
        ? closed
        : undefined;
    }
    if (entry.IntentFromTime === null) return undefined;
    const found = await upstream.firstPage('/api/spaces/checkins', CheckinRecordSchema, {
      Checkin_Coworker: entry.CoworkerId,
      Checkin_Business: entry.BusinessId,
      Checkin_FromTime: entry.IntentFromTime,
    });
    return found.find((c) => c.CoworkerId === entry.CoworkerId && Date.parse(c.FromTime) === Date.parse(entry.IntentFromTime ?? ''));
  }

  async function passOf(
    record: CheckinRecord,
    memberFacts: MemberFacts | undefined,
  ): Promise<{ name: string | null; summary: PassSummary | null; payg: boolean }> {
    if (!record.CoworkerTimePassGuid || !record.CoworkerId) return { name: null, summary: null, payg: false };
    const passes = await upstream.list('/api/billing/coworkertimepasses', CoworkerTimePassRecordSchema, {
      CoworkerTimePass_Coworker: record.CoworkerId,
    });
    const pass = passes.find((p) => p.UniqueId === record.CoworkerTimePassGuid);
    const held = memberFacts?.input.heldPasses.find((p) => p.uniqueId === record.CoworkerTimePassGuid);
    const summary =
      held && memberFacts && !pass?.IsPayAsYouGo
        ? passSummary({ ...held, used: true, remainingMinutes: pass?.RemainingUses ?? held.remainingMinutes }, memberFacts)
        : null;
    return {
      name: pass?.TimePassName ?? null,
      summary: summary ? { ...summary, passesLeft: passes.filter((p) => p.TimePassId === pass?.TimePassId && !p.Used).length } : null,
      payg: pass?.IsPayAsYouGo ?? false,
    };
  }

  async function checkIn(
    input: SubmitCheckin,
    device: Device,
    timing: Timing,
    location: Location,
    memberFacts: MemberFacts,
  ): Promise<{ result: SubmitResult; checkinId: number | null }> {
    const { decision, eligibility } = eligibilityOf(memberFacts);
    if (decision.kind === 'checked-in')
      return { result: refused(input, 'ALREADY_CHECKED_IN', 'You are already checked in here.', eligibility), checkinId: null };
    if (decision.kind === 'inactive')
      return { result: refused(input, 'INACTIVE', 'Your account is not active. Please see the front desk.', eligibility), checkinId: null };
    if (decision.kind === 'payg') {
      if (!input.acceptedCharge)
        return {
          result: refused(input, 'CHARGE_NOT_ACCEPTED', 'A Pay As You Go charge applies and was not accepted.', eligibility),
          checkinId: null,
        };
      if (
        memberFacts.business.KioskPinBeforeCharge &&
        !(input.identityToken && deps.identity.verifiesPin(input.identityToken, device.Id, input.coworkerId, timing.effectiveAt))
      ) {
        if (!input.pin)
          return { result: refused(input, 'PIN_REQUIRED', 'Enter your PIN to agree to the charge.', eligibility), checkinId: null };
        if (!(await chargePinMatches(device, input.coworkerId, input.pin))) {
          return {
            result: refused(input, 'WRONG_PIN', 'That PIN is not right. Please try again or see the front desk.', eligibility),
            checkinId: null,
          };
        }
      }
    }
    const closedAt = lateTapClosure(location, timing.effectiveAt, timing.receivedAt);
    let checkinId: number;
    const fromTime = toNexudusInstant(timing.effectiveAt);
    const toTime = closedAt ? toNexudusInstant(closedAt) : null;
    ledger.intend(input.clientId, { checkinId: null, fromTime, toTime });
    try {
      checkinId = await upstream.create('/api/spaces/checkins', {
        BusinessId: location.id,
        CoworkerId: input.coworkerId,
        FromTime: fromTime,
        ...(toTime ? { ToTime: toTime } : {}),
        Source: CheckinSource.Tile,
      });
    } catch (error) {
      if (!(error instanceof UpstreamRefused)) throw error;
      const code: RefusalCode = /valid time pass/.test(error.message) ? 'NO_VALID_PASS' : 'UPSTREAM_REFUSED';
      const message = code === 'NO_VALID_PASS' ? 'You have no valid pass for this location right now.' : error.message;
      return { result: refused(input, code, message, eligibility), checkinId: null };
    }
    // Answer with what Nexudus recorded: the preview stands only when Nexudus used the pass it named.
    const recorded = await upstream.get('/api/spaces/checkins', checkinId, CheckinRecordSchema);
    const previewHolds =
      recorded !== undefined &&
      (decision.kind === 'pass'
        ? recorded.CoworkerTimePassGuid === decision.pass.uniqueId
        : decision.kind === 'payg' && !memberFacts.heldRecords.some((h) => h.UniqueId === recorded.CoworkerTimePassGuid));
    const known = !previewHolds
      ? undefined
      : decision.kind === 'pass'
        ? { name: decision.pass.product.name, summary: passSummary({ ...decision.pass, used: true }, memberFacts) }
        : { name: decision.kind === 'payg' ? decision.product.name : null, summary: null };
    const paygRecorded = decision.kind === 'payg' && previewHolds;
    return {
      result: await successResult(
        input,
        'checked-in',
        checkinId,
        timing,
        closedAt,
        memberFacts,
        paygRecorded && eligibility.kind === 'payg' ? eligibility.payg : null,
        known,
        recorded,
      ),
      checkinId,
    };
  }

  async function successResult(
    input: SubmitCheckin,
    status: 'checked-in' | 'checked-out',
    checkinId: number,
    timing: Timing,
    closedAt: Date | null,
    memberFacts: MemberFacts | undefined,
    payg: PaygOffer | null,
    known?: { name: string | null; summary: PassSummary | null },
    readBack?: CheckinRecord,
  ): Promise<SubmitResult> {
    // Known when Nexudus recorded what this request previewed; otherwise read from the record.
    let pass = known;
    if (!pass) {
      const record = readBack ?? (await upstream.get('/api/spaces/checkins', checkinId, CheckinRecordSchema));
      pass = record ? await passOf(record, memberFacts) : { name: null, summary: null };
    }
    return {
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
    };
  }

  async function checkOut(
    input: SubmitCheckin,
    timing: Timing,
    location: Location,
    memberFacts: MemberFacts,
  ): Promise<{ result: SubmitResult; checkinId: number | null }> {
    const open = memberFacts.openRecord;
    if (!open) return { result: refused(input, 'NOT_CHECKED_IN', 'You are not checked in here.'), checkinId: null };
    const { end, stale } = checkoutEnd(location, open.FromTime, timing.effectiveAt);
    const toTime = toNexudusInstant(end);
    ledger.intend(input.clientId, { checkinId: open.Id, fromTime: null, toTime });
    await upstream.update('/api/spaces/checkins', { ...open, ToTime: toTime, AutoCheckout: stale });
    const passes = await upstream.list('/api/billing/coworkertimepasses', CoworkerTimePassRecordSchema, {
      CoworkerTimePass_Coworker: input.coworkerId,
    });
    const pass = passes.find((p) => p.UniqueId === open.CoworkerTimePassGuid);
    const result = await successResult(input, 'checked-out', open.Id, { ...timing, effectiveAt: end }, null, memberFacts, null, {
      name: pass?.TimePassName ?? null,
      summary: null,
    });
    if (result.status !== 'checked-out' || !pass?.IsPayAsYouGo) return { result, checkinId: open.Id };
    return {
      result: {
        ...result,
        payg: {
          name: pass.TimePassName,
          terms: { kind: 'day', currency: location.currency, dayPriceMinor: 0 },
          chargedTodayMinor: toMinor(pass.Price ?? 0, location.currency),
          firstChargeMinor: 0,
        },
      },
      checkinId: open.Id,
    };
  }

  return {
    /** Removes a check-in this tablet made moments ago; Nexudus gives back the pass it consumed. */
    async undo(clientId: string, device: Device, now: Date = new Date()): Promise<UndoResult> {
      const entry = ledger.get(clientId);
      if (!entry || entry.DeviceId !== device.Id || entry.State !== 'done' || entry.Action !== 'in' || entry.CheckinId === null) {
        throw new UndoRefused('There is no check-in from this tablet to undo.');
      }
      if (entry.UndoneAt) return { status: 'undone', clientId };
      if (now.getTime() - Date.parse(entry.ReceivedAt) > UNDO_WINDOW_SECONDS * 1000)
        throw new UndoRefused('It is too late to undo this check-in here; please see the front desk.');
      await upstream.remove('/api/spaces/checkins', entry.CheckinId);
      ledger.markUndone(clientId);
      return { status: 'undone', clientId };
    },

    async submit(input: SubmitCheckin, device: Device, now: Date = new Date()): Promise<SubmitResult> {
      // A tap is this tablet's: another tablet cannot reuse its client id to read or replay it.
      const timing = correctedTiming(input, now);
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
      });
      if (!claim.claimed) {
        const existing = claim.existing;
        if (existing.DeviceId !== device.Id) throw new MemberNotFound('This tap belongs to another tablet.');
        const stored = ledger.result(existing);
        if (stored) return stored.status === 'queued' ? stored : { ...stored, duplicate: true };
        const age = now.getTime() - Date.parse(existing.UpdatedAt);
        if (age < STALE_CLAIM_MS)
          throw new SubmissionInProgress('This tap is being recorded; try again shortly.', Math.ceil((STALE_CLAIM_MS - age) / 1000) + 1);
        ledger.reclaim(input.clientId);
        // An earlier attempt may have reached Nexudus before it failed: find that write, never make a second.
        const recorded = await findRecorded(existing);
        if (recorded) {
          const result = await successResult(
            input,
            input.action === 'in' ? 'checked-in' : 'checked-out',
            recorded.Id,
            { ...timing, effectiveAt: new Date(existing.EffectiveAt) },
            null,
            undefined,
            null,
          );
          ledger.settle(input.clientId, result, recorded.Id);
          return result;
        }
        timing.effectiveAt = new Date(existing.EffectiveAt);
      }
      try {
        const memberFacts = await facts.read(device.BusinessId, input.coworkerId, timing.effectiveAt);
        if (!memberFacts) throw new MemberNotFound(`No member ${input.coworkerId} at this location.`);
        const location = memberFacts.input.location;
        const { result, checkinId } =
          input.action === 'in'
            ? await checkIn(input, device, timing, location, memberFacts)
            : await checkOut(input, timing, location, memberFacts);
        ledger.settle(input.clientId, result, checkinId);
        return result;
      } catch (error) {
        // The claim stays `processing` but is marked stale, so the next attempt reconciles first.
        ledger.markStale(input.clientId);
        throw error;
      }
    },
  };
}
export type SubmissionService = ReturnType<typeof createSubmissionService>;
