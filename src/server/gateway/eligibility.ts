import type { Eligibility, PassSummary } from '../../contract/kiosk-api';
import type { CheckinDecision } from '../../domain/decide';
import { describePass, eligibilityFor } from '../../domain/eligibility';
import type { HeldPass } from '../../domain/model';
import type { MemberFacts } from './member-facts';

export const passSummary = (pass: HeldPass, facts: MemberFacts): PassSummary => describePass(pass, facts.input);

export function eligibilityOf(facts: MemberFacts): { decision: CheckinDecision; eligibility: Eligibility } {
  return eligibilityFor(facts.input);
}
