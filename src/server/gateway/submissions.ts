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
import { CoworkerRecordSchema } from '../../contract/nexudus-coworkers';
import { toNexudusInstant } from '../../contract/nexudus-fields';
import { CoworkerTimePassRecordSchema } from '../../contract/nexudus-passes';
import type { Location } from '../../domain/model';
import { toMinor } from '../../domain/money';
import { checkinDay, checkinDayBounds } from '../../domain/time';
import type { Device } from '../db/devices-repository';
import type { LedgerEntry, LedgerRepository } from '../db/ledger-repository';
import type { RateLimiter } from '../lib/rate-limiter';
import { eligibilityOf, passSummary } from './eligibility';
import type { IdentitySigner } from './identity';
import type { MemberFacts, MemberFactsReader } from './member-facts';
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
  pinLimiter: RateLimiter;
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

  async function pinMatches(coworkerId: number, pin: string): Promise<boolean> {
    const matches = await upstream.list('/api/spaces/coworkers', CoworkerRecordSchema, { Coworker_AccessPincode: pin }, 1);
    return matches.some((c) => c.Id === coworkerId);
  }

  /** The one upstream check-in this tap made, if an earlier attempt got that far. */
  async function findRecorded(
    entry: Pick<LedgerEntry, 'CoworkerId' | 'BusinessId' | 'Action' | 'EffectiveAt'>,
  ): Promise<CheckinRecord | undefined> {
    const at = toNexudusInstant(new Date(entry.EffectiveAt));
    const field = entry.Action === 'in' ? 'FromTime' : 'ToTime';
    const found = await upstream.list(
      '/api/spaces/checkins',
      CheckinRecordSchema,
      { Checkin_Coworker: entry.CoworkerId, Checkin_Business: entry.BusinessId, [`Checkin_${field}`]: at },
      1,
    );
    return found[0];
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
        !(input.identityToken && deps.identity.verify(input.identityToken, device.Id, input.coworkerId, timing.effectiveAt))
      ) {
        if (!input.pin)
          return { result: refused(input, 'PIN_REQUIRED', 'Enter your PIN to agree to the charge.', eligibility), checkinId: null };
        const key = `charge-pin:${input.coworkerId}`;
        if (deps.pinLimiter.retryAfterMs(key, Date.now()) > 0 || !(await pinMatches(input.coworkerId, input.pin))) {
          deps.pinLimiter.fail(key, Date.now());
          return {
            result: refused(input, 'WRONG_PIN', 'That PIN is not right. Please try again or see the front desk.', eligibility),
            checkinId: null,
          };
        }
        deps.pinLimiter.succeed(key);
      }
    }
    // A tap sent after its day's cut-off is recorded as a visit that closed at the cut-off.
    const tapDay = checkinDay(timing.effectiveAt, location.timeZone, location.dailyCutoffMinutes);
    const late = tapDay !== checkinDay(timing.receivedAt, location.timeZone, location.dailyCutoffMinutes);
    const closedAt = late ? checkinDayBounds(tapDay, location.timeZone, location.dailyCutoffMinutes).end : null;
    let checkinId: number;
    try {
      checkinId = await upstream.create('/api/spaces/checkins', {
        BusinessId: location.id,
        CoworkerId: input.coworkerId,
        FromTime: toNexudusInstant(timing.effectiveAt),
        ...(closedAt ? { ToTime: toNexudusInstant(closedAt) } : {}),
        Source: CheckinSource.Tile,
      });
    } catch (error) {
      if (!(error instanceof UpstreamRefused)) throw error;
      const code: RefusalCode = /valid time pass/.test(error.message) ? 'NO_VALID_PASS' : 'UPSTREAM_REFUSED';
      const message = code === 'NO_VALID_PASS' ? 'You have no valid pass for this location right now.' : error.message;
      return { result: refused(input, code, message, eligibility), checkinId: null };
    }
    return {
      result: await successResult(
        input,
        'checked-in',
        checkinId,
        timing,
        closedAt,
        memberFacts,
        eligibility.kind === 'payg' ? eligibility.payg : null,
        decision.kind === 'pass'
          ? { name: decision.pass.product.name, summary: passSummary({ ...decision.pass, used: true }, memberFacts) }
          : { name: decision.kind === 'payg' ? decision.product.name : null, summary: null },
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
  ): Promise<SubmitResult> {
    // The pass is known when this request chose it; only a reconciled earlier attempt reads it back.
    let pass = known;
    if (!pass) {
      const record = await upstream.get('/api/spaces/checkins', checkinId, CheckinRecordSchema);
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
    const stale =
      checkinDay(new Date(open.FromTime), location.timeZone, location.dailyCutoffMinutes) !==
      checkinDay(timing.effectiveAt, location.timeZone, location.dailyCutoffMinutes);
    const end = stale
      ? checkinDayBounds(
          checkinDay(new Date(open.FromTime), location.timeZone, location.dailyCutoffMinutes),
          location.timeZone,
          location.dailyCutoffMinutes,
        ).end
      : new Date(Math.max(timing.effectiveAt.getTime(), Date.parse(open.FromTime)));
    await upstream.update('/api/spaces/checkins', { ...open, ToTime: toNexudusInstant(end), AutoCheckout: stale });
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
