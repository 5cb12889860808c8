import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { AdminDevice } from '../../../contract/kiosk-api';
import { KioskApiError } from '../../lib/api-client';
import { useAdminI18n } from '../../lib/messages-admin';
import { Button } from '../../ui/button';
import { adminKeys, devicesQuery, revokeDevice } from './admin-api';
import { AdminSection, TableHead } from './admin-section';
import { minutesAgo, serverMessage } from './admin-text';

function DeviceRow({ device }: { device: AdminDevice }) {
  const { t } = useAdminI18n();
  const client = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const revoke = useMutation({
    mutationFn: (confirm: boolean) => revokeDevice(device.id, confirm),
    onSuccess: () => client.invalidateQueries({ queryKey: adminKeys.devices }),
    onError: (error) => error instanceof KioskApiError && error.code === 'IN_PROGRESS' && setConfirming(true),
  });
  const oldest = device.outboxOldestAt ? minutesAgo(device.outboxOldestAt, t) : null;
  return (
    <tr className="border-t border-slate-200 align-top">
      <td className="p-3">
        <span className="block font-semibold">{device.name}</span>
        <span className="block text-base text-slate-700">{t.admin.appVersion(device.appVersion)}</span>
      </td>
      <td className="p-3">{device.location.name}</td>
      <td className="p-3">{minutesAgo(device.lastSeenAt, t)}</td>
      <td className="p-3">{t.admin.outboxHealth(device.outboxPending, oldest, device.outboxRejected)}</td>
      <td className="p-3">{device.revokedAt ? '' : t.admin.wakeLock(device.wakeLock)}</td>
      <td className="p-3">
        {device.revokedAt ? (
          t.admin.unpaired
        ) : confirming ? (
          <div className="flex flex-col gap-2">
            <p className="font-semibold text-danger-700">{serverMessage(revoke.error, t)}</p>
            <Button variant="danger" onClick={() => revoke.mutate(true)}>
              {t.admin.unpairAnyway}
            </Button>
          </div>
        ) : (
          <Button variant="secondary" onClick={() => revoke.mutate(false)}>
            {t.admin.unpair}
          </Button>
        )}
      </td>
    </tr>
  );
}

/** Every tablet's health (refreshed every 15 s): last seen, app version, outbox, whether its screen is kept awake; and unpairing. */
export function DevicesSection() {
  const { t } = useAdminI18n();
  const devices = useQuery(devicesQuery());
  return (
    <AdminSection headingId="devices-heading" title={t.admin.tabletsTitle} empty={devices.data?.length === 0} emptyText={t.admin.noTablets}>
      {devices.data && devices.data.length > 0 ? (
        <table className="w-full text-left text-lg">
          <TableHead
            labels={[t.admin.name, t.admin.location, t.admin.lastSeen, t.admin.outbox, t.admin.screen, t.admin.actions]}
            hideLast
          />
          <tbody>
            {devices.data.map((d) => (
              <DeviceRow key={d.id} device={d} />
            ))}
          </tbody>
        </table>
      ) : null}
    </AdminSection>
  );
}
