import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { OnSiteSchema, PendingVisitorsSchema, type HostAnswer, type StaffAnswerSchema } from '../../../contract/visitors-api';
import { adminKeys } from './admin-api';
import { adminRequest } from './admin-session';

/** Walk-ins waiting for their host's answer, at every location (every 5 s: a visitor stands at the desk). */
export const pendingVisitorsQuery = () =>
  queryOptions({
    queryKey: adminKeys.visitors,
    queryFn: () => adminRequest('/admin/visitors/pending', PendingVisitorsSchema).then((r) => r.visitors),
    refetchInterval: 5_000,
  });

/** Who is in now at one location. */
export const onSiteQuery = (businessId: number) =>
  queryOptions({
    queryKey: adminKeys.onSite(businessId),
    queryFn: () => adminRequest(`/admin/on-site?location=${businessId}`, OnSiteSchema),
    refetchInterval: 30_000,
  });

export const answerVisitor = (visitorId: number, answer: HostAnswer) =>
  adminRequest(`/admin/visitors/${visitorId}/answer`, z.null(), {
    method: 'POST',
    body: { answer } satisfies z.input<typeof StaffAnswerSchema>,
  });

/** Staff answer for the host; the list is read again either way (an answer someone else gave first removes the row too). */
export function useAnswerVisitor(visitorId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (answer: HostAnswer) => answerVisitor(visitorId, answer),
    onSettled: () => client.invalidateQueries({ queryKey: adminKeys.visitors }),
  });
}
