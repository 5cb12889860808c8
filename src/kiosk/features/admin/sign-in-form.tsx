import { useMutation } from '@tanstack/react-query';
import type * as z from 'zod/mini';
import { StaffSignInSchema } from '../../../contract/kiosk-api';
import { useAdminI18n } from '../../lib/messages-admin';
import { Button } from '../../ui/button';
import { Notice, Screen } from '../../ui/screen';
import { TextField } from '../../ui/text-field';
import { useZodForm } from '../../ui/use-zod-form';
import { signIn } from './admin-session';
import { retryHint, serverMessage } from './admin-text';

/** Sign-in with an API user; `ended` says the previous session expired or was revoked. */
export function SignInForm({ ended }: { ended: boolean }) {
  const { t } = useAdminI18n();
  const form = useZodForm(StaffSignInSchema, { email: '', password: '' } satisfies z.input<typeof StaffSignInSchema>);
  const mutation = useMutation({ mutationFn: (v: z.output<typeof StaffSignInSchema>) => signIn(v.email, v.password) });
  const hint = retryHint(mutation.error, t);
  return (
    <Screen title={t.admin.signInTitle}>
      {ended ? <Notice tone="warn">{t.admin.sessionEnded}</Notice> : null}
      <p className="text-lg">{t.admin.signInIntro}</p>
      <form noValidate className="flex max-w-lg flex-col gap-4" onSubmit={form.handleSubmit((v) => mutation.mutate(v))}>
        <TextField
          label={t.admin.email}
          type="email"
          autoComplete="username"
          error={form.formState.errors.email?.message}
          {...form.register('email')}
        />
        <TextField
          label={t.admin.password}
          type="password"
          autoComplete="current-password"
          error={form.formState.errors.password?.message}
          {...form.register('password')}
        />
        {mutation.error ? (
          <Notice tone="error">
            <p>{serverMessage(mutation.error, t)}</p>
            {hint ? <p>{hint}</p> : null}
          </Notice>
        ) : null}
        <Button type="submit" disabled={mutation.isPending}>
          {t.admin.signIn}
        </Button>
      </form>
    </Screen>
  );
}
