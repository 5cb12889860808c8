import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { LockoutSchema, type ClearLockoutSchema } from '../../../contract/kiosk-api';
import { adminKeys } from './admin-api';
import { adminRequest } from './admin-session';

/** The guessing lockouts in force at every location. */
export const lockoutsQuery = () =>
  queryOptions({
    queryKey: adminKeys.lockouts,
    queryFn: () => adminRequest('/admin/lockouts', z.array(LockoutSchema)),
    refetchInterval: 15_000,
  });

export const clearLockout = (id: string) =>
  adminRequest('/admin/lockouts/clear', z.null(), { method: 'POST', body: { id } satisfies z.input<typeof ClearLockoutSchema> });

/** Clears one lockout, then reads the list again (also when it had already ended). */
export function useClearLockout(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => clearLockout(id),
    onSettled: () => client.invalidateQueries({ queryKey: adminKeys.lockouts }),
  });
}
