import { useSyncExternalStore } from 'react';
import * as z from 'zod/mini';
import type { core } from 'zod/mini';
import { StaffSessionSchema } from '../../../contract/kiosk-api';
import { KioskApiError, kioskRequest, type RequestOptions } from '../../lib/api-client';

const KEY = 'tapdesk.staff';
const ENDED_KEY = 'tapdesk.staff.ended';

/** `ended`: the server stopped accepting the token (expired or revoked), so staff are told why they see the sign-in form. */
export type AdminSession = 'signed-in' | 'signed-out' | 'ended';

const listeners = new Set<() => void>();

export const staffToken = () => sessionStorage.getItem(KEY);
const readSession = (): AdminSession => (staffToken() ? 'signed-in' : sessionStorage.getItem(ENDED_KEY) ? 'ended' : 'signed-out');

function store(token: string | null, endedByServer = false) {
  if (token) sessionStorage.setItem(KEY, token);
  else sessionStorage.removeItem(KEY);
  if (endedByServer) sessionStorage.setItem(ENDED_KEY, '1');
  else sessionStorage.removeItem(ENDED_KEY);
  for (const listener of listeners) listener();
}

function onSessionChange(listener: () => void) {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}

export const useAdminSession = () => useSyncExternalStore(onSessionChange, readSession, () => 'signed-out' as const);

const isUnauthorized = (error: unknown) => error instanceof KioskApiError && (error.code === 'UNAUTHORIZED' || error.status === 401);

/** Every admin request: sends the staff token; a 401 ends the session on this page too. */
export async function adminRequest<S extends core.$ZodType>(
  path: string,
  schema: S,
  options: Omit<RequestOptions, 'token'> = {},
): Promise<core.output<S>> {
  try {
    return await kioskRequest(path, schema, { ...options, token: staffToken() });
  } catch (error) {
    if (isUnauthorized(error) && staffToken()) store(null, true);
    throw error;
  }
}

export async function signIn(email: string, password: string) {
  const session = await kioskRequest('/admin/session', StaffSessionSchema, { method: 'POST', body: { email, password }, token: null });
  store(session.staffToken);
  return session;
}

/** Ends the session on the server, then here. A 401 means the server had already ended it. */
export async function signOut() {
  try {
    await kioskRequest('/admin/session', z.null(), { method: 'DELETE', token: staffToken() });
  } catch (error) {
    if (!isUnauthorized(error)) throw error;
  }
  store(null);
}
