import { useMutation, useQuery } from '@tanstack/react-query';
import * as z from 'zod/mini';
import {
  VisitorCodeResultSchema,
  WalkInQueuedSchema,
  WalkInStatusSchema,
  type WalkInQueued,
  type WalkInRequest,
  type WalkInStatus,
} from '../../../contract/visitors-api';
import { KioskApiError, kioskRequest } from '../../lib/api-client';
import { visitorKeys } from '../../lib/query-keys';

/** How often the waiting screen asks whether the host has answered. */
export const WALK_IN_POLL_MS = 3_000;

const isInProgress = (error: unknown) => error instanceof KioskApiError && error.code === 'IN_PROGRESS';

/** The server's answer, or the tablet's outbox holding the registration until the connection is back. */
export type WalkInAnswer = WalkInStatus | WalkInQueued;
const WalkInAnswerSchema = z.union([WalkInStatusSchema, WalkInQueuedSchema]);
export const isQueued = (answer: WalkInAnswer): answer is WalkInQueued => 'status' in answer && answer.status === 'queued';

/**
 * Registers a walk-in. networkMode 'always': the request reaches the service worker even when the
 * browser believes it is offline; the worker keeps it in the outbox and answers "queued" (202). The same clientId is sent again on a retry, so a
 * double tap or a resend registers one visitor; "still being sent" is retried a few times.
 */
export function useRegisterWalkIn() {
  return useMutation({
    mutationKey: visitorKeys.register,
    mutationFn: (body: WalkInRequest): Promise<WalkInAnswer> => kioskRequest('/visitors', WalkInAnswerSchema, { method: 'POST', body }),
    networkMode: 'always',
    retry: (count, error) => isInProgress(error) && count < 3,
    retryDelay: 2_000,
  });
}

/**
 * Where a walk-in stands: asked every 3 s while it is still on the tablet (null: the server does not
 * know it yet) or the host has not answered, never once they have (or `enabled` is off).
 */
export function useWalkInStatus(initial: WalkInAnswer, enabled: boolean) {
  return useQuery({
    queryKey: visitorKeys.walkIn(initial.clientId),
    queryFn: (): Promise<WalkInStatus | null> =>
      kioskRequest(`/visitors/${encodeURIComponent(initial.clientId)}`, WalkInStatusSchema).catch((error: unknown) => {
        if (error instanceof KioskApiError && error.code === 'NOT_FOUND') return null;
        throw error;
      }),
    initialData: isQueued(initial) ? null : initial,
    // The registration's own answer is fresh: the first question is asked one interval later.
    staleTime: WALK_IN_POLL_MS,
    refetchInterval: (query) => {
      const data = query.state.data;
      return enabled && (data === null || data?.outcome === 'waiting') ? WALK_IN_POLL_MS : false;
    },
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
