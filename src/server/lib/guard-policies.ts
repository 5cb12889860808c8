import type { LOCKOUT_KINDS, LOCKOUT_SCOPES } from '../../contract/kiosk-api';

export interface GuardPolicy {
  kind: (typeof LOCKOUT_KINDS)[number];
  scope: (typeof LOCKOUT_SCOPES)[number];
  /** Failures that lock the key when they fall within one window. */
  failures: number;
  windowSeconds: number;
  /** The first lockout; each further one within a week doubles, up to the maximum. */
  baseLockSeconds: number;
  maxLockSeconds: number;
}

const MIN = 60;
const HOUR = 3600;

/**
 * Every guessing limit, with the figures the README states. A PIN or card tried at a tablet counts
 * on that tablet and on its location (every tablet there together); a PIN typed to agree to a
 * charge also counts on the member. Passwords count per account from one address and per address,
 * so a stranger cannot lock a legitimate sign-in from elsewhere.
 */
export const GUARD_POLICIES = {
  'identify:tablet': {
    kind: 'identify',
    scope: 'tablet',
    failures: 5,
    windowSeconds: 15 * MIN,
    baseLockSeconds: MIN,
    maxLockSeconds: HOUR,
  },
  'identify:location': {
    kind: 'identify',
    scope: 'location',
    failures: 40,
    windowSeconds: 10 * HOUR,
    baseLockSeconds: 30 * MIN,
    maxLockSeconds: 24 * HOUR,
  },
  'charge-pin:member': {
    kind: 'charge-pin',
    scope: 'member',
    failures: 5,
    windowSeconds: HOUR,
    baseLockSeconds: 15 * MIN,
    maxLockSeconds: 24 * HOUR,
  },
  'staff-pin:tablet': {
    kind: 'staff-pin',
    scope: 'tablet',
    failures: 5,
    windowSeconds: 15 * MIN,
    baseLockSeconds: 5 * MIN,
    maxLockSeconds: 24 * HOUR,
  },
  'staff-pin:location': {
    kind: 'staff-pin',
    scope: 'location',
    failures: 10,
    windowSeconds: 24 * HOUR,
    baseLockSeconds: 2 * HOUR,
    maxLockSeconds: 24 * HOUR,
  },
  'pairing:client': {
    kind: 'pairing',
    scope: 'client',
    failures: 10,
    windowSeconds: 10 * MIN,
    baseLockSeconds: 10 * MIN,
    maxLockSeconds: 24 * HOUR,
  },
  'password:account-client': {
    kind: 'password',
    scope: 'account-client',
    failures: 10,
    windowSeconds: HOUR,
    baseLockSeconds: 5 * MIN,
    maxLockSeconds: 24 * HOUR,
  },
  'password:client': {
    kind: 'password',
    scope: 'client',
    failures: 30,
    windowSeconds: HOUR,
    baseLockSeconds: 5 * MIN,
    maxLockSeconds: 24 * HOUR,
  },
  // Not a secret but a cost: each walk-in e-mails a member and spends Nexudus requests, so a
  // tablet registers at most this many in a window (counted whether or not they are answered).
  'walk-in:tablet': {
    kind: 'walk-in',
    scope: 'tablet',
    failures: 10,
    windowSeconds: 15 * MIN,
    baseLockSeconds: 15 * MIN,
    maxLockSeconds: 2 * HOUR,
  },
  'secret-lookup:account': {
    kind: 'secret-lookup',
    scope: 'account',
    failures: 10,
    windowSeconds: HOUR,
    baseLockSeconds: 30 * MIN,
    maxLockSeconds: 24 * HOUR,
  },
} as const satisfies Record<string, GuardPolicy>;
export type GuardPolicyName = keyof typeof GUARD_POLICIES;

const WEEK = 7 * 24 * HOUR;

/**
 * The most failures one key can take in a week, whatever the attacker's timing: k lockouts
 * (each worth `failures` tries and the lock it earns) plus, in the time left unlocked, every
 * window filled to one short of a lockout. Back-off resets a week after the first lockout.
 */
export function worstCaseFailuresPerWeek(policy: GuardPolicy): number {
  let best = 0;
  let locked = 0;
  for (let k = 0; locked <= WEEK; k += 1) {
    const unlocked = WEEK - locked;
    best = Math.max(best, k * policy.failures + Math.ceil(unlocked / policy.windowSeconds) * (policy.failures - 1));
    locked += Math.min(policy.maxLockSeconds, policy.baseLockSeconds * 2 ** k);
  }
  return best;
}

/** Years to try `guesses` wrong values against one key (e.g. every PIN nobody holds). */
export function yearsToTry(policy: GuardPolicy, guesses: number): number {
  return guesses / worstCaseFailuresPerWeek(policy) / (365.25 / 7);
}
