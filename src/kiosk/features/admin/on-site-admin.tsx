import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useI18n } from '../../lib/i18n';
import { OnSiteList } from '../../ui/on-site-list';
import { Notice } from '../../ui/screen';
import { locationsQuery } from './admin-api';
import { serverMessage } from './admin-text';
import { onSiteQuery } from './visitors-api';

/** Who is in now at the chosen location (read every 30 s), with its CSV and printed roll-call. */
export function OnSiteAdmin() {
  const { t } = useI18n();
  const locations = useQuery(locationsQuery());
  const [businessId, setBusinessId] = useState<number | null>(null);
  const chosen = businessId ?? locations.data?.[0]?.id ?? null;
  const location = locations.data?.find((l) => l.id === chosen);
  const onSite = useQuery({ ...onSiteQuery(chosen ?? 0), enabled: chosen !== null });
  const selectId = useId();
  return (
    <div className="flex flex-col gap-4">
      <h3 id="on-site-heading" className="text-xl font-bold print:text-2xl">
        {t.onSite.title}
      </h3>
      <div className="flex flex-col gap-2 print:hidden">
        <label htmlFor={selectId} className="text-lg font-semibold">
          {t.admin.onSiteAt}
        </label>
        <select
          id={selectId}
          className="min-h-14 rounded-xl border-2 border-slate-500 px-3 text-xl"
          value={chosen ?? ''}
          onChange={(e) => setBusinessId(Number(e.target.value))}
        >
          {locations.data?.map((l) => (
            <option key={l.id} value={l.id}>
              {l.name}
            </option>
          ))}
        </select>
      </div>
      {onSite.error ? <Notice tone="error">{serverMessage(onSite.error, t)}</Notice> : null}
      {onSite.data ? <OnSiteList onSite={onSite.data} timeZone={location?.timeZone} labelledBy="on-site-heading" /> : null}
    </div>
  );
}
