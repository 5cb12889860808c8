import { queryOptions } from '@tanstack/react-query';
import { UpstreamStatusSchema } from '../../../contract/kiosk-api';
import { adminKeys } from './admin-api';
import { adminRequest } from './admin-session';

/** How the server's connection to Nexudus is doing, and the requests it has used against Nexudus's limits. */
export const upstreamQuery = () =>
  queryOptions({
    queryKey: adminKeys.upstream,
    queryFn: () => adminRequest('/admin/upstream', UpstreamStatusSchema),
    refetchInterval: 15_000,
  });
