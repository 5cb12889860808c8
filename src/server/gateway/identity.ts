import { createHmac, timingSafeEqual } from 'node:crypto';

const TTL_MS = 10 * 60_000;

/**
 * Short-lived proof that a member identified with their PIN or card on a device. Signed with a
 * server-held key; checked against the tap time, so a tap queued offline stays valid when it is
 * sent later.
 */
export function createIdentitySigner(key: string) {
  const sign = (payload: string) => createHmac('sha256', key).update(payload).digest('base64url');
  return {
    issue(deviceId: number, coworkerId: number, now: Date): string {
      const payload = `${deviceId}.${coworkerId}.${now.getTime() + TTL_MS}`;
      return `${payload}.${sign(payload)}`;
    },
    verify(token: string, deviceId: number, coworkerId: number, tappedAt: Date): boolean {
      const parts = token.split('.');
      if (parts.length !== 4) return false;
      const payload = parts.slice(0, 3).join('.');
      const expected = Buffer.from(sign(payload));
      const given = Buffer.from(parts[3] ?? '');
      if (expected.length !== given.length || !timingSafeEqual(expected, given)) return false;
      return Number(parts[0]) === deviceId && Number(parts[1]) === coworkerId && Number(parts[2]) >= tappedAt.getTime();
    },
  };
}
export type IdentitySigner = ReturnType<typeof createIdentitySigner>;
