import type { RefusalCode, SubmitCheckin } from '../../contract/kiosk-api';
import type { CheckinDecision } from '../../domain/decide';
import type { Device } from '../db/devices-repository';
import type { LedgerRepository } from '../db/ledger-repository';
import type { Guard } from '../lib/guard';
import { hashSecret } from '../lib/passwords';
import type { IdentitySigner } from './identity';
import type { MemberFacts } from './member-facts';
import { deskGuessKeys, type MemberLookup } from './member-lookup';

export type Refusal = { code: RefusalCode; message: string };

/**
 * Consent before a charge: a PAYG check-in needs the member's explicit agreement and, where the
 * location asks for it, their PIN (typed now, or proven by a PIN identify moments before). A PIN
 * typed here is a guess at this member's PIN, counted on the member, the tablet and the location.
 */
export function createChargeConsent(deps: { identity: IdentitySigner; guard: Guard; findMember: MemberLookup; ledger: LedgerRepository }) {
  async function pinCheck(device: Device, coworkerId: number, pin: string): Promise<'right' | 'wrong' | 'locked'> {
    const attempt = await deps.guard.attempt([
      { policy: 'charge-pin:member', subject: String(coworkerId), businessId: device.BusinessId, label: `#${coworkerId}` },
      ...deskGuessKeys(device),
    ]);
    if (!attempt.allowed) return 'locked';
    const found = await deps.findMember('pin', pin, device.BusinessId).catch(async (error: unknown) => {
      await attempt.succeed(); // Nexudus did not answer: this try was not a guess
      throw error;
    });
    const matches = found?.Id === coworkerId;
    await (matches ? attempt.succeed() : attempt.fail());
    return matches ? 'right' : 'wrong';
  }

  /** Why this check-in may not go ahead as the member stands, or null when it may. */
  return async function refusalFor(
    input: SubmitCheckin,
    device: Device,
    tappedAt: Date,
    facts: MemberFacts,
    decision: CheckinDecision,
  ): Promise<Refusal | null> {
    if (decision.kind === 'checked-in') return { code: 'ALREADY_CHECKED_IN', message: 'You are already checked in here.' };
    if (decision.kind === 'inactive') return { code: 'INACTIVE', message: 'Your account is not active. Please see the front desk.' };
    if (decision.kind !== 'payg') return null;
    if (!input.acceptedCharge) return { code: 'CHARGE_NOT_ACCEPTED', message: 'A Pay As You Go charge applies and was not accepted.' };
    if (!facts.business.KioskPinBeforeCharge) return null;
    // A PIN proof from moments before agrees to one charge: the first tap that spends it.
    const proof = input.identityToken;
    if (proof && deps.identity.verifiesPin(proof, device.Id, input.coworkerId, tappedAt)) {
      if (deps.ledger.spendIdentityToken(hashSecret(proof), input.clientId)) return null;
    }
    if (!input.pin) return { code: 'PIN_REQUIRED', message: 'Enter your PIN to agree to the charge.' };
    const pin = await pinCheck(device, input.coworkerId, input.pin);
    if (pin === 'right') return null;
    if (pin === 'locked') return { code: 'PIN_LOCKED', message: 'Too many wrong PINs. Please wait a while or see the front desk.' };
    return { code: 'WRONG_PIN', message: 'That PIN is not right. Please try again or see the front desk.' };
  };
}
