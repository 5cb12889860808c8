import { queryOptions, useQuery } from '@tanstack/react-query';
import { MemberStatusSchema } from '../../../contract/kiosk-api';
import { kioskRequest } from '../../lib/api-client';
import { memberKeys } from '../../lib/query-keys';

export const memberStatusQueryOptions = (id: number) =>
  queryOptions({
    queryKey: memberKeys.status(id),
    queryFn: () => kioskRequest(`/members/${id}/status`, MemberStatusSchema),
    staleTime: 0,
    gcTime: 30_000,
    retry: 1,
  });

export const useMemberStatus = (id: number) => useQuery(memberStatusQueryOptions(id));
