import { queryOptions, useQuery } from '@tanstack/react-query';
import { DirectorySchema } from '../../../contract/kiosk-api';
import { kioskRequest } from '../../lib/api-client';
import { directoryKeys } from '../../lib/query-keys';

export const directoryQueryOptions = () =>
  queryOptions({
    queryKey: directoryKeys.all,
    queryFn: () => kioskRequest('/directory', DirectorySchema),
    staleTime: 60_000,
    refetchInterval: 5 * 60_000,
  });

export const useDirectory = () => useQuery(directoryQueryOptions());
