import { queryOptions, useQuery } from '@tanstack/react-query';
import { loadDirectory, refreshSnapshot } from '../../lib/offline-data';
import { directoryKeys } from '../../lib/query-keys';

/** The directory, from the server when it answers, else from the tablet's copy with its age. */
export const directoryQueryOptions = () =>
  queryOptions({
    queryKey: directoryKeys.all,
    queryFn: async () => {
      const view = await loadDirectory();
      // The offline snapshot (passes, open check-ins) follows the directory, in the background.
      if (!view.fromCache) void refreshSnapshot().catch(() => undefined);
      return view;
    },
    networkMode: 'always',
    // 50,000 members: a deep comparison of every refetch costs more than it saves (the version says what changed).
    structuralSharing: false,
    staleTime: 30_000,
    refetchInterval: 2 * 60_000,
  });

export const useDirectory = () => useQuery(directoryQueryOptions());
