import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { DeviceInfoSchema } from '../../contract/kiosk-api';
import { useDirectory } from '../features/lookup/directory-api';
import { warmSearchIndex } from '../features/lookup/search-cache';
import { kioskRequest } from '../lib/api-client';
import { updateDeviceInfo } from '../lib/device-store';
import { deviceKeys } from '../lib/query-keys';
// Loaded with the refresh, after the first screen: the screen's wake lock.
export { WakeLock } from '../lib/use-wake-lock';

/**
 * What the tablet keeps fresh in the background, also while it rests: what it is paired to (a
 * revoked token sends it back to setup), and the member directory with the offline snapshot.
 * Not part of the first load: the kiosk mounts it once the page has loaded.
 */
export function KeepFresh() {
  useQuery({
    queryKey: deviceKeys.info,
    queryFn: async () => {
      const info = await kioskRequest('/device', DeviceInfoSchema);
      updateDeviceInfo(info);
      return info;
    },
    staleTime: 5 * 60_000,
    refetchInterval: 5 * 60_000,
  });
  const directory = useDirectory().data?.directory;
  // The search index of a new directory version is built while the tablet rests, not when a member opens search.
  useEffect(() => {
    if (!directory) return;
    const idle = typeof requestIdleCallback === 'function' ? requestIdleCallback : (fn: () => void) => setTimeout(fn, 50);
    idle(() => warmSearchIndex(directory));
  }, [directory]);
  return null;
}
