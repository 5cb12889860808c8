import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { MirrorSyncStateSchema, type SyncRequestSchema } from '../../../contract/kiosk-api';
import { adminKeys } from './admin-api';
import { adminRequest } from './admin-session';

const SyncStatesSchema = z.array(MirrorSyncStateSchema);

/** How far the gateway's mirror of each paired location has got. */
export const syncStatesQuery = () =>
  queryOptions({
    queryKey: adminKeys.sync,
    queryFn: () => adminRequest('/admin/sync', SyncStatesSchema),
    refetchInterval: 15_000,
  });

/** A full sync of one location, now (many seconds for a large one); answers every location's state. */
export const syncLocation = (businessId: number) =>
  adminRequest('/admin/sync', SyncStatesSchema, {
    method: 'POST',
    body: { businessId } satisfies z.input<typeof SyncRequestSchema>,
  });

/**
 * "Sync now" for one location. The answer replaces the table (a poll that started before it would
 * be older, so it is cancelled); after a failure, which the server keeps in the state, the table is read again.
 */
export function useSyncNow(businessId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => syncLocation(businessId),
    onSuccess: async (states) => {
      await client.cancelQueries({ queryKey: adminKeys.sync });
      client.setQueryData(adminKeys.sync, states);
    },
    onError: () => client.invalidateQueries({ queryKey: adminKeys.sync }),
  });
}
