import { locationChain, usedTodayOnly } from './coverage';
import { decideCheckin, type CheckinDecision, type CheckinInput } from './decide';
import type { HeldPass } from './model';
import { paygSessionCharge, type PaygTerms } from './payg';

/**
 * What a member sees before tapping, derived from a decision. The same function runs on the
 * gateway (live) and on the tablet (from its cached copy when offline); the kiosk contract's
 * `Eligibility` schema describes exactly this shape.
 */
export interface PassView {
  name: string;
  kind: 'day' | 'time';
  minutesLeft: number | null;
  passesLeft: number;
  expiresAt: string | null;
  alreadyUsedToday: boolean;
}

export interface PaygView {
  name: string;
  terms: PaygTerms;
  chargedTodayMinor: number;
  firstChargeMinor: number;
}

export type EligibilityView =
  | { kind: 'checked-in'; since: string; passName: string | null }
  | { kind: 'pass'; pass: PassView }
  | { kind: 'payg'; payg: PaygView }
  | { kind: 'no-valid-pass' }
  | { kind: 'inactive' };

export function describePass(pass: HeldPass, input: CheckinInput): PassView {
  const visit = { customer: input.customer, location: input.location, chain: locationChain(input.location, input.locations), at: input.at };
  const unexpired = (p: HeldPass) => p.expireDate === null || Date.parse(p.expireDate) > input.at.getTime();
  return {
    name: pass.product.name,
    kind: pass.product.minutesIncluded === null ? 'day' : 'time',
    minutesLeft: pass.product.minutesIncluded === null ? null : (pass.remainingMinutes ?? pass.product.minutesIncluded),
    passesLeft: input.heldPasses.filter((p) => p.id !== pass.id && p.product.id === pass.product.id && !p.used && unexpired(p)).length,
    expiresAt: pass.expireDate,
    alreadyUsedToday: usedTodayOnly(pass, visit),
  };
}

export function describeDecision(decision: CheckinDecision, input: CheckinInput): EligibilityView {
  switch (decision.kind) {
    case 'checked-in': {
      const guid = decision.openCheckin.coworkerTimePassGuid;
      const pass = input.heldPasses.find((p) => p.uniqueId === guid);
      return { kind: 'checked-in', since: decision.openCheckin.fromTime, passName: pass?.product.name ?? null };
    }
    case 'pass':
      return { kind: 'pass', pass: describePass(decision.pass, input) };
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

export function eligibilityFor(input: CheckinInput): { decision: CheckinDecision; eligibility: EligibilityView } {
  const decision = decideCheckin(input);
  return { decision, eligibility: describeDecision(decision, input) };
}
