import { createHmac, timingSafeEqual } from 'node:crypto';
import { HOST_ANSWERS, type HostAnswer } from '../../contract/visitors-api';

/** How long a host's e-mailed links work. */
export const HOST_LINK_TTL_MS = 4 * 3600_000;

export interface HostLink {
  visitorId: number;
  answer: HostAnswer;
  expiresAt: number;
}

/**
 * The three links in a host's e-mail: each names one visitor and one answer, is signed with a
 * server-held key and expires. Single use is kept by the walk-in's row (the first answer closes
 * every link of that visitor). The token travels in the link's fragment, so it never reaches a
 * server log, and opening the link only shows the answer: a mail scanner following it answers nothing.
 */
export function createHostLinkSigner(key: string, clock: () => Date = () => new Date()) {
  const sign = (payload: string) => createHmac('sha256', key).update(payload).digest('base64url');
  return {
    issue(visitorId: number, answer: HostAnswer): string {
      const payload = `${visitorId}.${answer}.${clock().getTime() + HOST_LINK_TTL_MS}`;
      return `${payload}.${sign(payload)}`;
    },
    /** The link's contents, `expired`, or undefined for a token this server did not sign. */
    verify(token: string): HostLink | 'expired' | undefined {
      const parts = token.split('.');
      if (parts.length !== 4) return undefined;
      const payload = parts.slice(0, 3).join('.');
      const expected = Buffer.from(sign(payload));
      const given = Buffer.from(parts[3] ?? '');
      if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
      const [visitorId, answer, expiresAt] = [Number(parts[0]), parts[1], Number(parts[2])];
      if (!Number.isSafeInteger(visitorId) || !HOST_ANSWERS.includes(answer as HostAnswer) || !Number.isFinite(expiresAt)) return undefined;
      if (expiresAt < clock().getTime()) return 'expired';
      return { visitorId, answer: answer as HostAnswer, expiresAt };
    },
  };
}
export type HostLinkSigner = ReturnType<typeof createHostLinkSigner>;
