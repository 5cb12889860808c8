import { HostAnswerPreviewSchema, HostAnswerResultSchema } from '../../../contract/visitors-api';
import { kioskRequest } from '../../lib/api-client';

/** The link is its own credential: no device token goes with it, and a refusal never unpairs anything. */
const ANONYMOUS = { method: 'POST', token: null } as const;

/** What the link would answer, and whether it still can. Changes nothing (mail scanners open links). */
export const previewHostAnswer = (token: string) =>
  kioskRequest('/host-answers/preview', HostAnswerPreviewSchema, { ...ANONYMOUS, body: { token } });

/** Gives the link's answer: the first answer for a visitor (a link or staff) closes every other. */
export const sendHostAnswer = (token: string) => kioskRequest('/host-answers', HostAnswerResultSchema, { ...ANONYMOUS, body: { token } });

/** The token in the link's fragment (`/host-answer#<token>`): never in a query string, so it reaches no server log. */
export function readHostToken(): string {
  return window.location.hash.replace(/^#/, '').trim();
}
