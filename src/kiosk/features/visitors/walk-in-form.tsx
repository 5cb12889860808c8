import { useId, useState, type ReactNode } from 'react';
import { Controller } from 'react-hook-form';
import type * as z from 'zod/mini';
import { WalkInRequestSchema } from '../../../contract/visitors-api';
import { useI18n } from '../../lib/i18n';
import { useVisitorMessages } from '../../lib/messages-visitors';
import { Button } from '../../ui/button';
import { Notice, Screen } from '../../ui/screen';
import { TextField } from '../../ui/text-field';
import { useZodForm } from '../../ui/use-zod-form';
import { walkInFieldError, walkInSubmitError } from './walk-in-errors';
import { useRegisterWalkIn, type WalkInAnswer } from './visitors-api';

/** The member a walk-in visits, as the host search offers them: a name only. */
export interface HostChoice {
  id: number;
  name: string;
}

/** What the form gives the host search it is composed with (app/ passes the lookup's). */
export interface HostSearchSlot {
  chosen: HostChoice | null;
  onChoose: (host: HostChoice | null) => void;
  error?: string;
}

/**
 * A walk-in registers: name, email, company, the member they visit and the location's terms,
 * checked with the contract's schema (the server's own rules). The client id is made once per
 * form, so sending again (a double tap, a retry) registers one visitor.
 */
export function WalkInForm({
  terms,
  onRegistered,
  onBack,
  renderHostSearch,
}: {
  /** The location's visitor terms (tablets paired before they existed have none: a default is shown). */
  terms: string | undefined;
  /** The server's answer (or the outbox's "queued"), with the names the next screen says. */
  onRegistered: (status: WalkInAnswer, visitorName: string, hostName: string) => void;
  onBack: () => void;
  renderHostSearch: (slot: HostSearchSlot) => ReactNode;
}) {
  const { t } = useI18n();
  const vt = useVisitorMessages();
  const [clientId] = useState(() => crypto.randomUUID());
  const [host, setHost] = useState<HostChoice | null>(null);
  const form = useZodForm(WalkInRequestSchema, {
    clientId,
    fullName: '',
    email: '',
    companyName: '',
  } satisfies Partial<z.input<typeof WalkInRequestSchema>>);
  const registration = useRegisterWalkIn();
  const { errors } = form.formState;
  const termsId = useId();
  const acceptError = walkInFieldError('acceptedTerms', errors.acceptedTerms, t, vt);
  const submitError = walkInSubmitError(registration.error, t, vt);

  const submit = form.handleSubmit((values) =>
    registration.mutate(
      { ...values, companyName: values.companyName || undefined, registeredAt: new Date().toISOString() },
      { onSuccess: (status) => onRegistered(status, values.fullName, host?.name ?? '') },
    ),
  );

  return (
    <Screen
      title={vt.visitor.walkInTitle}
      actions={
        <Button variant="secondary" onClick={onBack}>
          {t.back}
        </Button>
      }
    >
      <p className="text-2xl">{vt.visitor.walkInIntro}</p>
      <form noValidate className="flex flex-col gap-6" onSubmit={submit}>
        <TextField
          label={vt.visitor.fullName}
          autoComplete="off"
          autoCapitalize="words"
          spellCheck={false}
          error={walkInFieldError('fullName', errors.fullName, t, vt)}
          {...form.register('fullName')}
        />
        <TextField
          label={vt.visitor.email}
          type="email"
          inputMode="email"
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          error={walkInFieldError('email', errors.email, t, vt)}
          {...form.register('email')}
        />
        <TextField
          label={vt.visitor.company}
          autoComplete="off"
          spellCheck={false}
          error={walkInFieldError('companyName', errors.companyName, t, vt)}
          {...form.register('companyName')}
        />
        <Controller
          control={form.control}
          name="hostId"
          render={({ field, fieldState }) => (
            <>
              {renderHostSearch({
                chosen: host,
                onChoose: (choice) => {
                  setHost(choice);
                  field.onChange(choice?.id);
                },
                error: walkInFieldError('hostId', fieldState.error, t, vt),
              })}
            </>
          )}
        />
        <div className="flex flex-col gap-3">
          <h2 id={termsId} className="text-xl font-semibold">
            {vt.visitor.termsTitle}
          </h2>
          {/* Focusable, so the terms scroll from a keyboard too. */}
          <div
            role="region"
            aria-labelledby={termsId}
            tabIndex={0}
            className="max-h-48 overflow-y-auto whitespace-pre-line rounded-2xl bg-white p-4 text-lg ring-2 ring-slate-300"
          >
            {terms?.trim() ? terms : vt.visitor.defaultTerms}
          </div>
          <label className="flex min-h-14 cursor-pointer items-center gap-4 rounded-2xl bg-white p-4 text-xl font-semibold ring-2 ring-brand-700">
            <input
              type="checkbox"
              className="size-8 shrink-0 accent-brand-700"
              aria-invalid={acceptError ? true : undefined}
              aria-describedby={acceptError ? `${termsId}-error` : undefined}
              {...form.register('acceptedTerms')}
            />
            {vt.visitor.acceptTerms}
          </label>
          {acceptError ? (
            <p id={`${termsId}-error`} className="text-lg font-semibold text-danger-700">
              {acceptError}
            </p>
          ) : null}
        </div>
        {submitError ? (
          <Notice tone="error">
            <p>{submitError.text}</p>
            {submitError.detail ? <p lang="en">{submitError.detail}</p> : null}
          </Notice>
        ) : null}
        <Button type="submit" size="lg" disabled={registration.isPending}>
          {vt.visitor.submit}
        </Button>
        <p role="status" className="text-lg">
          {registration.isPending ? vt.visitor.sending : ''}
        </p>
      </form>
    </Screen>
  );
}
