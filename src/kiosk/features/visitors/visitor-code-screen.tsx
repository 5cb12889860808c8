import { useEffect, useRef, type ReactNode } from 'react';
import type * as z from 'zod/mini';
import { VisitorCodeRequestSchema, type VisitorCodeResult } from '../../../contract/visitors-api';
import { KioskApiError } from '../../lib/api-client';
import { errorText } from '../../lib/error-text';
import { useI18n } from '../../lib/i18n';
import { useVisitorMessages } from '../../lib/messages-visitors';
import { Button } from '../../ui/button';
import { Screen } from '../../ui/screen';
import { TextField } from '../../ui/text-field';
import { useZodForm } from '../../ui/use-zod-form';
import { useVisitorCode } from './visitors-api';

/**
 * The visitor code in what a QR code holds. Nexudus does not publish the invitation QR's payload:
 * the code alone, or a text or link carrying exactly one run of six digits, is taken; anything
 * else is not a visitor code (undefined).
 */
export function visitorCodeIn(payload: string): string | undefined {
  const runs = payload.trim().match(/\d+/g) ?? [];
  const sixes = runs.filter((run) => run.length === 6);
  return sixes.length === 1 && runs.every((run) => run.length <= 6 || run === sixes[0]) ? sixes[0] : undefined;
}

/**
 * An expected visitor types (or scans) the six-digit code from their invitation; the server checks
 * them in or out. A wrong code is said next to the field, which stays as typed to be corrected.
 */
export function VisitorCodeScreen({
  onResult,
  onBack,
  renderCameraScan,
}: {
  onResult: (result: VisitorCodeResult) => void;
  onBack: () => void;
  /** The camera's QR reader, as app/ composes it (the lookup's); it hands over what the QR holds. */
  renderCameraScan?: (onScan: (payload: string) => void) => ReactNode;
}) {
  const { t } = useI18n();
  const vt = useVisitorMessages();
  const form = useZodForm(VisitorCodeRequestSchema, { code: '' } satisfies z.input<typeof VisitorCodeRequestSchema>);
  const send = useVisitorCode();
  const field = useRef<HTMLInputElement | null>(null);
  const { ref, ...code } = form.register('code', { onChange: () => send.reset() });
  const formatError = form.formState.errors.code ? vt.visitor.codeFormat : undefined;
  // NOT_APPROVED: the server's own words ("Ana has not approved your visit yet…", "…for another day…").
  const serverError = errorText(send.error, t, { UNKNOWN_CREDENTIAL: vt.visitor.unknownCode, NOT_APPROVED: 'server' });
  const error = formatError ?? serverError ?? undefined;
  const serverWords = send.error instanceof KioskApiError && send.error.code === 'NOT_APPROVED';
  useEffect(() => {
    if (send.isError) field.current?.focus();
  }, [send.isError]);
  const submit = (value: string) => send.mutate(value, { onSuccess: (result) => onResult(result) });
  // A keyboard-wedge scanner types into the field and presses Enter; the camera's reading lands here.
  const scanned = (payload: string) => {
    const found = visitorCodeIn(payload);
    if (!found) {
      form.setError('code', { message: vt.visitor.codeFormat });
      return;
    }
    form.setValue('code', found, { shouldValidate: true });
    submit(found);
  };
  return (
    <Screen
      title={vt.visitor.codeTitle}
      typeInto={field}
      actions={
        <Button variant="secondary" onClick={onBack}>
          {t.back}
        </Button>
      }
    >
      <p className="text-2xl">{vt.visitor.codeIntro}</p>
      <form noValidate className="flex max-w-md flex-col gap-5" onSubmit={form.handleSubmit((values) => submit(values.code))}>
        <TextField
          label={vt.visitor.codeLabel}
          inputMode="numeric"
          autoComplete="off"
          autoCorrect="off"
          spellCheck={false}
          maxLength={6}
          pattern="[0-9]*"
          error={error}
          errorLang={serverWords ? 'en' : undefined}
          errorAlert={!formatError}
          className="font-mono tracking-[0.3em]"
          ref={(element) => {
            ref(element);
            field.current = element;
          }}
          {...code}
        />
        <Button type="submit" size="lg" disabled={send.isPending}>
          {t.checkInOut}
        </Button>
        {renderCameraScan?.(scanned)}
      </form>
    </Screen>
  );
}
