import { useMutation, useQueryClient } from '@tanstack/react-query';
import { SubmitResultSchema, UndoResultSchema, type SubmitCheckin } from '../../../contract/kiosk-api';
import { MEMBER_NAME_HEADER } from '../../../contract/outbox';
import { kioskRequest } from '../../lib/api-client';
import { memberKeys } from '../../lib/query-keys';

export type Tap = Omit<SubmitCheckin, 'deviceNow'>;

/** Made at the moment of the tap: its id and time travel with it however late it is sent. */
export function newTap(fields: Omit<Tap, 'clientId' | 'tappedAt'>): Tap {
  return { clientId: crypto.randomUUID(), tappedAt: new Date().toISOString(), ...fields };
}

/** The member's name travels in a header so staff can see whose tap waits in the outbox. */
export function submitTap({ tap, memberName }: { tap: Tap; memberName: string }) {
  return kioskRequest('/checkins', SubmitResultSchema, {
    method: 'POST',
    body: { ...tap, deviceNow: new Date().toISOString() },
    headers: { [MEMBER_NAME_HEADER]: encodeURIComponent(memberName) },
  });
}

export function undoTap(clientId: string) {
  return kioskRequest(`/checkins/${encodeURIComponent(clientId)}/undo`, UndoResultSchema, { method: 'POST' });
}

export function useUndoTap() {
  const client = useQueryClient();
  return useMutation({
    mutationKey: ['undo'],
    mutationFn: undoTap,
    onSettled: () => client.invalidateQueries({ queryKey: memberKeys.all }),
  });
}

/**
 * Submissions run with networkMode 'always': TanStack's default would hold the request while the
 * browser says it is offline, and it would never reach the service worker's outbox.
 */
export function useSubmitTap() {
  const client = useQueryClient();
  return useMutation({
    mutationKey: ['checkin'],
    mutationFn: submitTap,
    networkMode: 'always',
    retry: false,
    onSuccess: (result, { tap }) => {
      // Best effort, and not awaited: the member sees the result at once; the tablet's copy of
      // their record (one IndexedDB record) is updated meanwhile, long before they could come back.
      const applied =
        result.status === 'refused'
          ? Promise.resolve()
          : import('../../lib/offline-decide').then((m) => m.applyTapToSnapshot(tap)).catch(() => undefined);
      void applied.then(() => client.invalidateQueries({ queryKey: memberKeys.status(tap.coworkerId) }));
    },
    onError: (_error, { tap }) => client.invalidateQueries({ queryKey: memberKeys.status(tap.coworkerId) }),
  });
}
