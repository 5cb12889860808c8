import { queryOptions, useQuery } from '@tanstack/react-query';
import { MemberStatusSchema, type MemberStatus } from '../../../contract/kiosk-api';
import { isUnreachable, kioskRequest } from '../../lib/api-client';
import { memberKeys } from '../../lib/query-keys';

export interface MemberView {
  status: MemberStatus;
  /** Set when the server could not be reached: the status was decided on the tablet from its copy of this age. */
  offlineAsOf: string | null;
}

export const memberStatusQueryOptions = (id: number) =>
  queryOptions({
    queryKey: memberKeys.status(id),
    queryFn: async (): Promise<MemberView> => {
      try {
        return { status: await kioskRequest(`/members/${id}/status`, MemberStatusSchema), offlineAsOf: null };
      } catch (error) {
        const offline = isUnreachable(error) ? await import('../../lib/offline-decide').then((m) => m.offlineStatus(id)) : undefined;
        if (!offline) throw error;
        return { status: offline.status, offlineAsOf: offline.asOf };
      }
    },
    networkMode: 'always',
    staleTime: 0,
    gcTime: 30_000,
    retry: false,
  });

export const useMemberStatus = (id: number) => useQuery(memberStatusQueryOptions(id));
