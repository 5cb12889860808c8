import { numberFormat } from '../../../domain/intl';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { MirrorSyncState } from '../../../contract/kiosk-api';
import { KioskApiError } from '../../lib/api-client';
import { until } from '../../lib/format';
import { useAdminI18n } from '../../lib/messages-admin';
import { Button } from '../../ui/button';
import { StatusIcon } from '../../ui/status-icon';
import { AdminSection, TableHead } from './admin-section';
import { agoOrTime, serverMessage } from './admin-text';
import { syncStatesQuery, useSyncNow } from './sync-api';

const When = ({ iso, now }: { iso: string | null; now: Date }) => {
  const { t, locale } = useAdminI18n();
  const text = agoOrTime(iso, now, t, locale);
  return iso ? <time dateTime={iso}>{text}</time> : <>{text}</>;
};

/** In words and a shape, never colour alone: up to date, not synced yet, or the server's reason (English) and when. */
function SyncStatus({ state, now }: { state: MirrorSyncState; now: Date }) {
  const { t, locale } = useAdminI18n();
  if (state.lastError !== null) {
    return (
      <div className="flex flex-col gap-1">
        <p className="flex items-center gap-2 font-semibold text-danger-700">
          <StatusIcon shape="warning" className="size-6" />
          <span>{t.admin.syncFailed}</span>
        </p>
        {/* The server writes it for staff, in English. */}
        <p lang="en">{state.lastError}</p>
        {state.lastErrorAt ? (
          <p>
            <time dateTime={state.lastErrorAt}>{t.admin.failedAt(until(state.lastErrorAt, now, locale, { showZone: true }))}</time>
          </p>
        ) : null}
      </div>
    );
  }
  const synced = state.syncedAt !== null;
  return (
    <p className="flex items-center gap-2">
      <StatusIcon shape={synced ? 'tick' : 'ring'} className="size-6" />
      <span>{synced ? t.admin.upToDate : t.admin.notSyncedYet}</span>
    </p>
  );
}

function SyncRow({ state, now, announce }: { state: MirrorSyncState; now: Date; announce: (text: string) => void }) {
  const { t, locale } = useAdminI18n();
  const count = numberFormat(locale);
  const sync = useSyncNow(state.businessId);
  const start = () => {
    announce(t.admin.syncingLocation(state.name));
    sync.mutate(undefined, {
      onSuccess: (states) => {
        const updated = states.find((s) => s.businessId === state.businessId);
        announce(updated ? t.admin.syncedLocation(state.name, updated.records, count.format(updated.records)) : '');
      },
      // The row's alert says what went wrong.
      onError: () => announce(''),
    });
  };
  return (
    <tr className="border-t border-slate-200 align-top">
      <th scope="row" className="p-3 font-semibold">
        {state.name}
      </th>
      <td className="p-3 tabular-nums">{count.format(state.records)}</td>
      <td className="p-3">
        <When iso={state.syncedAt} now={now} />
      </td>
      <td className="p-3">
        <When iso={state.fullAt} now={now} />
      </td>
      <td className="p-3">
        <SyncStatus state={state} now={now} />
      </td>
      <td className="p-3">
        <div className="flex flex-col gap-2">
          {sync.error ? (
            <p role="alert" lang={sync.error instanceof KioskApiError ? 'en' : undefined} className="font-semibold text-danger-700">
              {serverMessage(sync.error, t)}
            </p>
          ) : null}
          <Button
            variant="secondary"
            aria-label={sync.isPending ? t.admin.syncingFor(state.name) : t.admin.syncNowFor(state.name)}
            disabled={sync.isPending}
            onClick={start}
          >
            {sync.isPending ? t.admin.syncing : t.admin.syncNow}
          </Button>
        </div>
      </td>
    </tr>
  );
}

/** The gateway's copy of each location's members and passes (refreshed every 15 s); staff can run a full sync now. */
export function SyncSection() {
  const { t } = useAdminI18n();
  const states = useQuery(syncStatesQuery());
  const [announcement, setAnnouncement] = useState('');
  const now = new Date();
  return (
    <AdminSection
      headingId="sync-heading"
      title={t.admin.syncTitle}
      error={states.error}
      empty={states.data?.length === 0}
      emptyText={t.admin.noSyncs}
    >
      {states.data && states.data.length > 0 ? (
        <div className="overflow-x-auto">
          <table aria-labelledby="sync-heading" className="w-full text-left text-lg">
            <TableHead
              labels={[t.admin.location, t.admin.members, t.admin.lastSynced, t.admin.lastFullSync, t.admin.syncStatus, t.admin.actions]}
              hideLast
            />
            <tbody>
              {states.data.map((state) => (
                <SyncRow key={state.businessId} state={state} now={now} announce={setAnnouncement} />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <p role="status" className="sr-only">
        {announcement}
      </p>
    </AdminSection>
  );
}
