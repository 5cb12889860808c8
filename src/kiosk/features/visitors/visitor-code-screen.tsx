import { useEffect, useRef } from 'react';
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
 * An expected visitor types (or scans) the six-digit code from their invitation; the server checks
 * them in or out. A wrong code is said next to the field, which stays as typed to be corrected.
 */
export function VisitorCodeScreen({ onResult, onBack }: { onResult: (result: VisitorCodeResult) => void; onBack: () => void }) {
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
      <form
        noValidate
        className="flex max-w-md flex-col gap-5"
        onSubmit={form.handleSubmit((values) => send.mutate(values.code, { onSuccess: (result) => onResult(result) }))}
      >
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
      </form>
    </Screen>
  );
}
