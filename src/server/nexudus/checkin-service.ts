import type { CheckinCreate, CheckinUpdate } from '../../contract/nexudus-checkins';
import { NO_VALID_PASS_MESSAGE, decideCheckin, type CheckinDecision } from '../../domain/decide';
import type { Location } from '../../domain/model';
import { paygSessionCharge, paygTerms } from '../../domain/payg';
import { dayAt, sameDay } from '../../domain/check-in-day';
import { toLocalDateTime } from '../../domain/time';
import type { CheckinsRepository } from '../db/checkins-repository';
import type { Db } from '../db/database';
import type { RulesRepository } from '../db/rules-repository';
import { failure, type Outcome } from './envelopes';

/** How far ahead of the server's clock a FromTime may be (tablet clocks drift). */
const FUTURE_TOLERANCE_MS = 5 * 60_000;

const minutesBetween = (from: string, to: string) => Math.max(0, Math.ceil((Date.parse(to) - Date.parse(from)) / 60_000));

function refusal(decision: CheckinDecision): { property: string; message: string } | undefined {
  switch (decision.kind) {
    case 'checked-in':
      return {
        property: 'CoworkerId',
        message: `is already checked in at this location (check-in ${decision.openCheckin.id}); check out first by setting its ToTime`,
      };
    case 'inactive':
      return { property: 'CoworkerId', message: 'is not an active customer' };
    case 'requested-pass-invalid':
      return { property: 'CoworkerTimePassGuid', message: "is not one of this customer's passes valid for this location and time" };
    case 'no-valid-pass':
      return { property: 'CoworkerId', message: `The customer ${NO_VALID_PASS_MESSAGE}` };
    default:
      return undefined;
  }
}

/**
 * The check-in rule of the Nexudus create endpoint, applied in one transaction so that parallel
 * creates never share a pass or sell two PAYG passes for one visit.
 */
export function createCheckinService(db: Db, rules: RulesRepository, writes: CheckinsRepository, clock: () => Date = () => new Date()) {
  function localTimes(location: Location, from: string, to: string | null | undefined) {
    return {
      FromTimeLocal: toLocalDateTime(new Date(from), location.timeZone),
      ToTimeLocal: to ? toLocalDateTime(new Date(to), location.timeZone) : null,
    };
  }

  function recordFailure(input: CheckinCreate, location: Location, description: string, actor: string) {
    writes.insertFailedCheckin(
      {
        BusinessId: input.BusinessId,
        CoworkerId: input.CoworkerId,
        CheckinAttemptTime: input.FromTime,
        Source: input.Source,
        Description: description,
      },
      actor,
      { CheckinAttemptTimeLocal: toLocalDateTime(new Date(input.FromTime), location.timeZone) },
    );
  }

  const create = db.transaction((input: CheckinCreate, actor: string): Outcome => {
    const now = clock();
    const location = rules.location(input.BusinessId);
    if (!location) return failure(400, 'BusinessId', 'does not exist', input.BusinessId);
    if (Date.parse(input.FromTime) > now.getTime() + FUTURE_TOLERANCE_MS)
      return failure(400, 'FromTime', 'must not be in the future', input.FromTime);
    const open = !input.ToTime;
    const day = dayAt(location, new Date(input.FromTime));
    if (open && !sameDay(location, new Date(input.FromTime), now)) {
      return failure(
        400,
        'FromTime',
        "an open check-in must start on the location's current day; set ToTime for an earlier visit",
        input.FromTime,
      );
    }
    const extra = localTimes(location, input.FromTime, input.ToTime);
    if (input.CoworkerId == null) return { ok: true, id: writes.insertCheckin(input, actor, extra) };

    const customer = rules.customer(input.CoworkerId);
    if (!customer) return failure(400, 'CoworkerId', 'does not exist', input.CoworkerId);
    const decision = decideCheckin({
      customer,
      location,
      locations: rules.locations(),
      heldPasses: rules.heldPasses(customer.id),
      products: rules.paygProducts(),
      openCheckin: open ? rules.openCheckin(customer.id, location.id) : null,
      paygChargedTodayMinor: rules.paygChargedOn(customer.id, location.id, day),
      at: new Date(input.FromTime),
      requestedPassGuid: input.CoworkerTimePassGuid ?? null,
    });
    const refused = refusal(decision);
    if (refused) {
      if (decision.kind !== 'checked-in') recordFailure(input, location, `${refused.property}: ${refused.message}`, actor);
      return failure(
        400,
        refused.property,
        refused.message,
        refused.property === 'CoworkerId' ? input.CoworkerId : input.CoworkerTimePassGuid,
      );
    }

    const minutes = input.ToTime ? minutesBetween(input.FromTime, input.ToTime) : 0;
    if (decision.kind === 'pass') {
      writes.markPassUsed(decision.pass.id, input.FromTime, open, actor);
      const id = writes.insertCheckin({ ...input, CoworkerTimePassGuid: decision.pass.uniqueId }, actor, extra);
      if (!open) writes.checkOutPass(decision.pass.uniqueId, decision.pass.product.minutesIncluded === null ? 0 : minutes, actor);
      return { ok: true, id };
    }
    if (decision.kind !== 'payg') return failure(400, 'CoworkerId', 'cannot be checked in');
    const pass = decision.reuse
      ? (writes.markPassUsed(decision.reuse.id, input.FromTime, open, actor), { id: decision.reuse.id, uniqueId: decision.reuse.uniqueId })
      : writes.insertPaygPass(customer.id, location.id, decision.product.id, input.FromTime, open, actor);
    const id = writes.insertCheckin({ ...input, CoworkerTimePassGuid: pass.uniqueId }, actor, extra);
    writes.recordCharge({
      checkinId: id,
      passId: pass.id,
      coworkerId: customer.id,
      businessId: location.id,
      day,
      amount: paygSessionCharge(decision.terms, minutes, decision.chargedTodayMinor),
      currency: location.currency,
    });
    if (!open) writes.checkOutPass(pass.uniqueId, 0, actor);
    return { ok: true, id };
  });

  /** PUT: the whole record. Setting ToTime on an open check-in is the check-out. */
  const update = db.transaction(
    (input: CheckinUpdate, before: { ToTime: string | null; CoworkerTimePassGuid: string | null }, actor: string): Outcome => {
      const location = rules.location(input.BusinessId);
      if (!location) return failure(400, 'BusinessId', 'does not exist', input.BusinessId);
      writes.updateCheckin(input.Id, input, actor, localTimes(location, input.FromTime, input.ToTime));
      const guid = input.CoworkerTimePassGuid ?? before.CoworkerTimePassGuid;
      if (before.ToTime !== null || !input.ToTime || !guid) return { ok: true, id: input.Id };
      const minutes = minutesBetween(input.FromTime, input.ToTime);
      const pass = writes.passByGuid(guid);
      writes.checkOutPass(guid, pass?.IsPayAsYouGo ? 0 : minutes, actor);
      const charge = writes.chargeOf(input.Id);
      if (pass?.IsPayAsYouGo && charge && input.CoworkerId) {
        const held = rules.heldPasses(input.CoworkerId).find((p) => p.id === pass.Id);
        if (held) {
          const terms = paygTerms(held.product, location);
          const chargedToday = rules.paygChargedOn(input.CoworkerId, location.id, charge.CheckinDay, input.Id);
          writes.recordCharge({
            checkinId: input.Id,
            passId: pass.Id,
            coworkerId: input.CoworkerId,
            businessId: location.id,
            day: charge.CheckinDay,
            amount: paygSessionCharge(terms, minutes, chargedToday),
            currency: location.currency,
          });
        }
      }
      return { ok: true, id: input.Id };
    },
  );

  return {
    create: (input: CheckinCreate, actor: string) => create.immediate(input, actor),
    update: (input: CheckinUpdate, before: { ToTime: string | null; CoworkerTimePassGuid: string | null }, actor: string) =>
      update.immediate(input, before, actor),
  };
}
