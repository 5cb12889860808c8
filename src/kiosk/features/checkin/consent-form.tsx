import { useVisitMessages } from '../../lib/messages-visit';
import { useMemo } from 'react';
import { Controller } from 'react-hook-form';
import * as z from 'zod/mini';
import { useI18n } from '../../lib/i18n';
import { Button } from '../../ui/button';
import { PinPad } from '../../ui/pin-pad';
import { useZodForm } from '../../ui/use-zod-form';

export interface Consent {
  acceptedCharge: true;
  pin?: string;
}

/** The explicit "I agree to be charged" step, with the member's PIN where the location asks for it. */
export function ConsentForm({
  pinRequired,
  pending,
  onSubmit,
}: {
  pinRequired: boolean;
  pending: boolean;
  onSubmit: (consent: Consent) => void;
}) {
  const { t } = useI18n();
  const v = useVisitMessages();
  const schema = useMemo(
    () =>
      z.object({
        acceptedCharge: z.boolean().check(z.refine((v) => v, { error: v.agreeRequired })),
        pin: pinRequired ? z.string().check(z.regex(/^\d{4,12}$/, { error: v.pinBeforeCharge })) : z.optional(z.string()),
      }),
    [t, pinRequired],
  );
  const form = useZodForm(schema, { acceptedCharge: false, pin: '' });
  const accepted = form.watch('acceptedCharge');
  const error = form.formState.errors.acceptedCharge?.message;
  return (
    <form
      noValidate
      className="flex flex-col gap-5"
      onSubmit={form.handleSubmit((values) => onSubmit({ acceptedCharge: true, pin: values.pin || undefined }))}
    >
      <label className="flex min-h-14 cursor-pointer items-center gap-4 rounded-2xl bg-white p-4 text-xl font-semibold ring-2 ring-warn-700">
        <input
          type="checkbox"
          className="size-8 accent-brand-700"
          aria-describedby={error ? 'consent-error' : undefined}
          {...form.register('acceptedCharge')}
        />
        {v.agreeToCharge}
      </label>
      {error ? (
        <p id="consent-error" className="text-lg font-semibold text-danger-700">
          {error}
        </p>
      ) : null}
      {pinRequired && accepted ? (
        <Controller
          control={form.control}
          name="pin"
          render={({ field, fieldState }) => (
            <div>
              <PinPad
                label={v.pinBeforeCharge}
                value={field.value ?? ''}
                onChange={field.onChange}
                onSubmit={() => void form.handleSubmit((values) => onSubmit({ acceptedCharge: true, pin: values.pin || undefined }))()}
              />
              {fieldState.error ? (
                <p className="mt-2 text-center text-lg font-semibold text-danger-700">{fieldState.error.message}</p>
              ) : null}
            </div>
          )}
        />
      ) : null}
      {!(pinRequired && accepted) ? (
        <Button type="submit" disabled={pending}>
          {v.checkInAndPay}
        </Button>
      ) : null}
    </form>
  );
}
