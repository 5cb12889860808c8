import { useState, type ReactNode } from 'react';
import type { DeviceInfo } from '../../../contract/kiosk-api';
import { errorText } from '../../lib/error-text';
import { forgetDevice } from '../../lib/device-store';
import { useI18n } from '../../lib/i18n';
import { useOnline } from '../../lib/use-online';
import { Button } from '../../ui/button';
import { PinPad } from '../../ui/pin-pad';
import { Notice, Screen } from '../../ui/screen';
import { UpstreamSummary } from '../../ui/upstream-summary';
import { LockoutList } from './lockout-list';
import { OnSitePanel } from './on-site-panel';
import { useStaffCheck } from './staff-api';
import { useStaffMessages } from '../../lib/messages-staff';

/**
 * Behind the staff PIN: what this tablet is paired to, its connection, the server's connection to
 * Nexudus and the lockouts here (both as they were when the PIN was entered), full screen, unpair.
 * Opened offline (the PIN checked on the tablet), it has who is in from the tablet's copy and the
 * outbox, and says that the server's side is not known.
 */
export function StaffScreen({ device, onClose, children }: { device: DeviceInfo; onClose: () => void; children?: ReactNode }) {
  const { t } = useI18n();
  const st = useStaffMessages();
  const online = useOnline();
  const [pin, setPin] = useState('');
  const check = useStaffCheck();
  const error = errorText(check.error, t, { UNKNOWN_CREDENTIAL: 'server' });
  const actions = (
    <Button variant="secondary" onClick={onClose}>
      {t.close}
    </Button>
  );
  if (!check.isSuccess) {
    return (
      <Screen title={t.staffTitle} actions={actions}>
        {error ? <Notice tone="error">{error}</Notice> : null}
        <PinPad
          label={t.staffEnterPin}
          value={pin}
          maxLength={8}
          onChange={setPin}
          disabled={check.isPending}
          onSubmit={() => check.mutate(pin, { onSettled: () => setPin('') })}
        />
      </Screen>
    );
  }
  // The PIN that opened the panel asks who is in (kept only while the panel is open).
  const staffPin = check.variables ?? '';
  const server = 'offline' in check.data ? null : check.data;
  return (
    <Screen title={t.staffTitle} actions={actions}>
      {server ? null : <Notice tone="warn">{st.openedOffline}</Notice>}
      <OnSitePanel staffPin={staffPin} timeZone={device.location.timeZone} />
      <dl className="print:hidden grid grid-cols-[max-content_1fr] gap-x-6 gap-y-2 text-xl">
        <dt className="font-semibold">{t.location}</dt>
        <dd>{device.location.name}</dd>
        <dt className="font-semibold">{t.device}</dt>
        <dd>{device.name}</dd>
        <dt className="font-semibold">{t.version}</dt>
        <dd>{__APP_VERSION__}</dd>
        <dt className="font-semibold">{t.connection}</dt>
        <dd>{online ? t.online : t.offline}</dd>
      </dl>
      {server ? (
        <section aria-labelledby="upstream-heading" className="flex flex-col gap-4 print:hidden">
          <h2 id="upstream-heading" className="text-2xl font-bold">
            {t.upstream.title}
          </h2>
          <UpstreamSummary status={server.upstream} timeZone={device.location.timeZone} />
        </section>
      ) : null}
      <div className="flex flex-col gap-6 print:hidden">
        {server ? <LockoutList lockouts={server.lockouts} location={device.location} /> : null}
        {children}
      </div>
      <div className="flex flex-wrap gap-4 print:hidden">
        <Button variant="secondary" onClick={() => void document.documentElement.requestFullscreen?.().catch(() => undefined)}>
          {t.fullscreen}
        </Button>
        <Button variant="danger" onClick={() => forgetDevice()}>
          {t.unpair}
        </Button>
      </div>
    </Screen>
  );
}
