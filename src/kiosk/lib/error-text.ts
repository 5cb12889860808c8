import type { KioskErrorCode } from '../../contract/kiosk-api';
import { KioskApiError } from './api-client';
import type { Messages } from './messages';

type Code = KioskErrorCode | 'NETWORK';
/** A screen's own wording for some codes; `'server'` shows the gateway's message as it is. */
export type ErrorOverrides = Partial<Record<Code, string | 'server'>>;

/** What to tell a member or staff about a failed request, in the visit's language. */
export function errorText(error: unknown, t: Messages, overrides: ErrorOverrides = {}): string | null {
  if (!error) return null;
  if (!(error instanceof KioskApiError)) return t.errors.INTERNAL;
  const override = overrides[error.code];
  if (override === 'server') return error.message;
  return override ?? t.errors[error.code];
}
