import type { FieldError } from 'react-hook-form';
import type { WalkInRequest } from '../../../contract/visitors-api';
import { KioskApiError } from '../../lib/api-client';
import { errorText } from '../../lib/error-text';
import type { Messages } from '../../lib/messages';
import type { VisitorMessages } from '../../lib/messages-visitors';

/**
 * A field's error in the visit's language. The form checks with the contract's schema (the rules
 * the server applies, whose messages are English); the code says which words to use.
 */
export function walkInFieldError(
  field: keyof WalkInRequest,
  error: FieldError | undefined,
  t: Messages,
  vt: VisitorMessages,
): string | undefined {
  if (!error) return undefined;
  const v = vt.visitor;
  if (field === 'hostId') return v.chooseHost;
  if (field === 'acceptedTerms') return v.acceptTermsRequired;
  if (error.type === 'too_big') return v.tooLong(field === 'email' ? 254 : 200);
  if (field === 'fullName') return v.fullNameRequired;
  if (field === 'email') return v.emailInvalid;
  return error.message;
}

/** What the form says when the server did not register the visitor; `detail` is the server's own (English) reason. */
export function walkInSubmitError(error: unknown, t: Messages, vt: VisitorMessages): { text: string; detail?: string } | null {
  if (!error) return null;
  if (!(error instanceof KioskApiError)) return { text: t.errors.INTERNAL };
  switch (error.code) {
    case 'VALIDATION':
      return { text: vt.visitor.notSent, detail: error.message };
    case 'IN_PROGRESS':
      return { text: vt.visitor.inProgress };
    case 'NETWORK':
    case 'UPSTREAM_UNAVAILABLE':
      return { text: vt.visitor.unreachable };
    default:
      return { text: errorText(error, t) ?? t.errors.INTERNAL };
  }
}
