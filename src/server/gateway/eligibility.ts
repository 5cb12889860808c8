import type { Eligibility, PassSummary } from '../../contract/kiosk-api';
import { decideCheckin, type CheckinDecision } from '../../domain/decide';
import { locationChain, usedTodayOnly } from '../../domain/coverage';
import type { HeldPass } from '../../domain/model';
import { paygSessionCharge } from '../../domain/payg';
import type { MemberFacts } from './member-facts';

export function passSummary(pass: HeldPass, facts: MemberFacts): PassSummary {
  const { input } = facts;
  const visit = { customer: input.customer, location: input.location, chain: locationChain(input.location, input.locations), at: input.at };
  const alreadyUsedToday = usedTodayOnly(pass, visit);
  const unexpired = (p: HeldPass) => p.expireDate === null || Date.parse(p.expireDate) > input.at.getTime();
  const passesLeft = input.heldPasses.filter((p) => p.id !== pass.id && p.product.id === pass.product.id && !p.used && unexpired(p)).length;
  return {
    name: pass.product.name,
    kind: pass.product.minutesIncluded === null ? 'day' : 'time',
    minutesLeft: pass.product.minutesIncluded === null ? null : (pass.remainingMinutes ?? pass.product.minutesIncluded),
    passesLeft,
    expiresAt: pass.expireDate,
    alreadyUsedToday,
  };
}

/** The kiosk's view of a decision: what the member will see before tapping. */
export function toEligibility(decision: CheckinDecision, facts: MemberFacts): Eligibility {
  switch (decision.kind) {
    case 'checked-in': {
      const guid = decision.openCheckin.coworkerTimePassGuid;
      const pass = facts.input.heldPasses.find((p) => p.uniqueId === guid);
      return { kind: 'checked-in', since: decision.openCheckin.fromTime, passName: pass?.product.name ?? null };
    }
    case 'pass':
      return { kind: 'pass', pass: passSummary(decision.pass, facts) };
    case 'payg':
      return {
        kind: 'payg',
        payg: {
          name: decision.product.name,
          terms: decision.terms,
          chargedTodayMinor: decision.chargedTodayMinor,
          firstChargeMinor: paygSessionCharge(decision.terms, 0, decision.chargedTodayMinor),
        },
      };
    case 'inactive':
      return { kind: 'inactive' };
    default:
      return { kind: 'no-valid-pass' };
  }
}

export function eligibilityOf(facts: MemberFacts): { decision: CheckinDecision; eligibility: Eligibility } {
  const decision = decideCheckin(facts.input);
  return { decision, eligibility: toEligibility(decision, facts) };
}
