import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useAdminI18n } from '../../lib/messages-admin';
import { Button } from '../../ui/button';
import { Notice, Screen } from '../../ui/screen';
import { adminKeys } from './admin-api';
import { signOut, useAdminSession } from './admin-session';
import { serverMessage } from './admin-text';
import { DevicesSection } from './devices-section';
import { LockoutsSection } from './lockouts-section';
import { LookSection } from './look-section';
import { PairingSection } from './pairing-section';
import { SignInForm } from './sign-in-form';
import { SyncSection } from './sync-section';
import { UpstreamSection } from './upstream-section';
import { VisitorsSection } from './visitors-section';

function SignOutButton() {
  const { t } = useAdminI18n();
  const mutation = useMutation({ mutationFn: signOut });
  return (
    <>
      {mutation.error ? (
        <div className="w-full">
          <Notice tone="error">{serverMessage(mutation.error, t)}</Notice>
        </div>
      ) : null}
      <Button variant="secondary" disabled={mutation.isPending} onClick={() => mutation.mutate()}>
        {t.admin.signOut}
      </Button>
    </>
  );
}

/**
 * Staff: sign in, see the connection to Nexudus and the member lists read from it, create pairing codes, see each
 * tablet's health and the lockouts in force, answer for hosts and see who is in.
 */
export function AdminPage() {
  const { t } = useAdminI18n();
  const session = useAdminSession();
  const client = useQueryClient();
  useEffect(() => {
    // Nothing read in one session is shown in the next.
    if (session !== 'signed-in') client.removeQueries({ queryKey: adminKeys.all });
    document.getElementById('screen-title')?.focus();
  }, [session, client]);
  if (session !== 'signed-in') return <SignInForm ended={session === 'ended'} />;
  return (
    <Screen title={t.admin.title} actions={<SignOutButton />}>
      {/* Printing the roll-call (Visitors) prints it alone. */}
      <div className="contents print:hidden">
        <UpstreamSection />
      </div>
      <VisitorsSection />
      <div className="contents print:hidden">
        <SyncSection />
        <PairingSection />
        <LookSection />
        <DevicesSection />
        <LockoutsSection />
      </div>
    </Screen>
  );
}
