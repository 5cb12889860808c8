import { useMutation, useQuery } from '@tanstack/react-query';
import { VisitorCodeResultSchema, WalkInStatusSchema, type WalkInRequest, type WalkInStatus } from '../../../contract/visitors-api';
import { KioskApiError, kioskRequest } from '../../lib/api-client';
import { visitorKeys } from '../../lib/query-keys';

/** How often the waiting screen asks whether the host has answered. */
export const WALK_IN_POLL_MS = 3_000;

const isInProgress = (error: unknown) => error instanceof KioskApiError && error.code === 'IN_PROGRESS';

/**
 * Registers a walk-in. networkMode 'always': the request is sent even when the browser believes it
 * is offline (it says so itself if it fails). The same clientId is sent again on a retry, so a
 * double tap or a resend registers one visitor; "still being sent" is retried a few times.
 */
export function useRegisterWalkIn() {
  return useMutation({
    mutationKey: visitorKeys.register,
    mutationFn: (body: WalkInRequest) => kioskRequest('/visitors', WalkInStatusSchema, { method: 'POST', body }),
    networkMode: 'always',
    retry: (count, error) => isInProgress(error) && count < 3,
    retryDelay: 2_000,
  });
}

/** Where a walk-in stands: asked every 3 s while the host has not answered, never once they have (or `enabled` is off). */
export function useWalkInStatus(initial: WalkInStatus, enabled: boolean) {
  return useQuery({
    queryKey: visitorKeys.walkIn(initial.clientId),
    queryFn: () => kioskRequest(`/visitors/${encodeURIComponent(initial.clientId)}`, WalkInStatusSchema),
    initialData: initial,
    // The registration's own answer is fresh: the first question is asked one interval later.
    staleTime: WALK_IN_POLL_MS,
    refetchInterval: (query) => (enabled && query.state.data?.outcome === 'waiting' ? WALK_IN_POLL_MS : false),
    enabled,
    networkMode: 'always',
    retry: false,
  });
}

/** An expected visitor's code: the server checks them in, or out when they are in. */
export function useVisitorCode() {
  return useMutation({
    mutationKey: visitorKeys.code,
    mutationFn: (code: string) => kioskRequest('/visitors/code', VisitorCodeResultSchema, { method: 'POST', body: { code } }),
    networkMode: 'always',
    retry: false,
  });
}
