import { LocationSelect } from './location-select';
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useAdminI18n } from '../../lib/messages-admin';
import { OnSiteList } from '../../ui/on-site-list';
import { Notice } from '../../ui/screen';
import { devicesQuery, locationsQuery } from './admin-api';
import { serverMessage } from './admin-text';
import { onSiteQuery } from './visitors-api';

/** Who is in now at the chosen location (read every 30 s), with its CSV and printed roll-call. */
export function OnSiteAdmin() {
  const { t } = useAdminI18n();
  const locations = useQuery(locationsQuery());
  const [businessId, setBusinessId] = useState<number | null>(null);
  // At first the location of a paired tablet: who is in is kept only where Tapdesk's tablets are.
  const devices = useQuery(devicesQuery());
  const served = devices.data?.find((d) => d.revokedAt === null)?.location.id;
  const chosen = businessId ?? served ?? null;
  const location = locations.data?.find((l) => l.id === chosen);
  const onSite = useQuery({ ...onSiteQuery(chosen ?? 0), enabled: chosen !== null });
  const selectId = useId();
  return (
    <div className="flex flex-col gap-4">
      <h3 id="on-site-heading" className="text-xl font-bold print:text-2xl">
        {t.onSite.title}
      </h3>
      <div className="flex flex-col gap-2 print:hidden">
        <LocationSelect
          id={selectId}
          label={t.admin.onSiteAt}
          locations={locations.data}
          value={chosen}
          onChange={setBusinessId}
          placeholder={t.admin.chooseLocation}
        />
      </div>
      {onSite.error ? <Notice tone="error">{serverMessage(onSite.error, t)}</Notice> : null}
      {onSite.data ? <OnSiteList onSite={onSite.data} timeZone={location?.timeZone} labelledBy="on-site-heading" /> : null}
    </div>
  );
}
