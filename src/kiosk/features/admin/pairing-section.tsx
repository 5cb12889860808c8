import { LocationSelect } from './location-select';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useAdminI18n } from '../../lib/messages-admin';
import { Button } from '../../ui/button';
import { Notice } from '../../ui/screen';
import { createPairingCode, locationsQuery } from './admin-api';
import { serverMessage } from './admin-text';

/** Staff choose a location and get a one-time code to enter on a new tablet. */
export function PairingSection() {
  const { t } = useAdminI18n();
  const locations = useQuery(locationsQuery());
  const [businessId, setBusinessId] = useState<number | null>(null);
  const selectId = useId();
  const create = useMutation({ mutationFn: createPairingCode });
  const chosen = businessId ?? locations.data?.[0]?.id ?? null;
  return (
    <section aria-labelledby="pair-heading" className="flex flex-col gap-4 rounded-2xl bg-white p-6 ring-1 ring-slate-200">
      <h2 id="pair-heading" className="text-2xl font-bold">
        {t.admin.pairTitle}
      </h2>
      <LocationSelect id={selectId} label={t.admin.location} locations={locations.data} value={chosen} onChange={setBusinessId} />
      <Button disabled={chosen === null || create.isPending} onClick={() => chosen !== null && create.mutate(chosen)}>
        {t.admin.createPairingCode}
      </Button>
      {create.data ? (
        <Notice tone="success" title={t.admin.pairingCode}>
          <p className="font-mono text-4xl font-bold tracking-widest">{create.data.code}</p>
          <p>{t.admin.pairingCodeNote}</p>
        </Notice>
      ) : null}
      {create.error ? <Notice tone="error">{serverMessage(create.error, t)}</Notice> : null}
    </section>
  );
}
