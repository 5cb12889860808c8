import { useQuery } from '@tanstack/react-query';
import type * as z from 'zod/mini';
import type { AdminLocationSchema, Lockout } from '../../../contract/kiosk-api';
import { until } from '../../lib/format';
import { useAdminI18n } from '../../lib/messages-admin';
import { lockoutWhat, lockoutWho } from '../../lib/lockout-text';
import { Button } from '../../ui/button';
import { locationsQuery } from './admin-api';
import { AdminSection, TableHead } from './admin-section';
import { serverMessage } from './admin-text';
import { lockoutsQuery, useClearLockout } from './lockouts-api';

type AdminLocation = z.infer<typeof AdminLocationSchema>;

function LockoutRow({ lockout, location, now }: { lockout: Lockout; location: AdminLocation | undefined; now: Date }) {
  const { t, locale } = useAdminI18n();
  const clear = useClearLockout(lockout.id);
  return (
    <tr className="border-t border-slate-200 align-top">
      <td className="p-3 font-semibold">{t.lockoutKinds[lockout.kind]}</td>
      <td className="p-3">{lockoutWho(lockout, t)}</td>
      <td className="p-3">
        {location ? (
          location.name
        ) : (
          <>
            <span aria-hidden="true">—</span>
            <span className="sr-only">{t.admin.noLocation}</span>
          </>
        )}
      </td>
      {/* In the location's time zone, named, since rows of several locations share the column. */}
      <td className="p-3">{until(lockout.lockedUntil, now, locale, { timeZone: location?.timeZone, showZone: true })}</td>
      <td className="p-3">
        <div className="flex flex-col gap-2">
          {clear.error ? (
            <p role="alert" className="font-semibold text-danger-700">
              {serverMessage(clear.error, t)}
            </p>
          ) : null}
          <Button
            variant="secondary"
            aria-label={t.admin.clearLockout(lockoutWhat(lockout, t))}
            disabled={clear.isPending}
            onClick={() => clear.mutate()}
          >
            {t.admin.clear}
          </Button>
        </div>
      </td>
    </tr>
  );
}

/** The guessing lockouts in force at every location (refreshed every 15 s); staff can clear one early. */
export function LockoutsSection() {
  const { t } = useAdminI18n();
  const lockouts = useQuery(lockoutsQuery());
  const locations = useQuery(locationsQuery());
  const now = new Date();
  return (
    <AdminSection
      headingId="lockouts-heading"
      title={t.admin.lockoutsTitle}
      error={lockouts.error}
      empty={lockouts.data?.length === 0}
      emptyText={t.admin.noLockouts}
    >
      {lockouts.data && lockouts.data.length > 0 ? (
        <table aria-labelledby="lockouts-heading" className="w-full text-left text-lg">
          <TableHead labels={[t.admin.what, t.admin.who, t.admin.location, t.admin.until, t.admin.actions]} hideLast />
          <tbody>
            {lockouts.data.map((lockout) => (
              <LockoutRow
                key={lockout.id}
                lockout={lockout}
                location={locations.data?.find((l) => l.id === lockout.businessId)}
                now={now}
              />
            ))}
          </tbody>
        </table>
      ) : null}
    </AdminSection>
  );
}
