import type * as z from 'zod/mini';
import { PairRequestSchema } from '../../../contract/kiosk-api';
import { errorText } from '../../lib/error-text';
import { unpairReason } from '../../lib/device-store';
import { useI18n } from '../../lib/i18n';
import { Button } from '../../ui/button';
import { Notice, Screen } from '../../ui/screen';
import { TextField } from '../../ui/text-field';
import { useZodForm } from '../../ui/use-zod-form';
import { usePairDevice } from './pair-api';

type PairForm = z.input<typeof PairRequestSchema>;

/** First run: staff pair the tablet to a location with a one-time code. */
export function SetupScreen() {
  const { t } = useI18n();
  const pair = usePairDevice();
  const reason = unpairReason();
  const form = useZodForm(PairRequestSchema, { code: '', deviceName: 'Reception tablet', staffPin: '' } satisfies PairForm);
  const { errors } = form.formState;
  const failure = errorText(pair.error, t, { UNKNOWN_CREDENTIAL: 'server', RATE_LIMITED: 'server' });
  return (
    <Screen title={t.setupTitle}>
      {reason ? <Notice tone="warn">{t.errors[reason]}</Notice> : null}
      <p className="text-xl text-slate-800">{t.setupIntro}</p>
      <form className="flex max-w-xl flex-col gap-5" noValidate onSubmit={form.handleSubmit((values) => pair.mutate(values))}>
        <TextField
          label={t.pairingCode}
          autoComplete="off"
          autoCapitalize="characters"
          placeholder="ABCD-2345"
          error={errors.code?.message}
          {...form.register('code')}
        />
        <TextField label={t.deviceName} error={errors.deviceName?.message} {...form.register('deviceName')} />
        <TextField
          label={t.staffPin}
          type="password"
          inputMode="numeric"
          autoComplete="off"
          error={errors.staffPin?.message}
          {...form.register('staffPin')}
        />
        {failure ? <Notice tone="error">{failure}</Notice> : null}
        <Button type="submit" disabled={pair.isPending}>
          {t.pair}
        </Button>
      </form>
    </Screen>
  );
}
