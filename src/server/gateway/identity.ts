import { createHmac, timingSafeEqual } from 'node:crypto';

const TTL_MS = 10 * 60_000;
/** A tablet's clock may be a little behind the server's when it stamps a tap. */
const ISSUE_GRACE_MS = 60_000;

/**
 * Short-lived proof that a member identified with their PIN or card on a device. Signed with a
 * server-held key; checked against the tap time, so a tap queued offline stays valid when it is
 * sent later. Only a PIN proof agrees to a charge where the location asks for the PIN: a found
 * card is not the member's consent.
 */
export function createIdentitySigner(key: string) {
  const sign = (payload: string) => createHmac('sha256', key).update(payload).digest('base64url');
  return {
    issue(deviceId: number, coworkerId: number, method: 'pin' | 'card', now: Date): string {
      const payload = `${deviceId}.${coworkerId}.${method}.${now.getTime() + TTL_MS}`;
      return `${payload}.${sign(payload)}`;
    },
    /**
     * Whether the token proves this member typed their PIN on this device within the few minutes
     * around the tap: a tap dated before the PIN was typed (a made-up earlier visit) is not covered.
     */
    verifiesPin(token: string, deviceId: number, coworkerId: number, tappedAt: Date): boolean {
      const parts = token.split('.');
      if (parts.length !== 5) return false;
      const payload = parts.slice(0, 4).join('.');
      const expected = Buffer.from(sign(payload));
      const given = Buffer.from(parts[4] ?? '');
      if (expected.length !== given.length || !timingSafeEqual(expected, given)) return false;
      const expires = Number(parts[3]);
      const tapped = tappedAt.getTime();
      return (
        Number(parts[0]) === deviceId &&
        Number(parts[1]) === coworkerId &&
        parts[2] === 'pin' &&
        tapped <= expires &&
        tapped >= expires - TTL_MS - ISSUE_GRACE_MS
      );
    },
  };
}
export type IdentitySigner = ReturnType<typeof createIdentitySigner>;
