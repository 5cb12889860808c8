import * as z from 'zod/mini';
import { AdminDeviceSchema, AdminLocationSchema, PairingCodeSchema, StaffSessionSchema } from '../../../contract/kiosk-api';
import { kioskRequest } from '../../lib/api-client';

const KEY = 'tapdesk.staff';

export const staffToken = () => sessionStorage.getItem(KEY);
export const signOut = () => sessionStorage.removeItem(KEY);

export async function signIn(email: string, password: string) {
  const session = await kioskRequest('/admin/session', StaffSessionSchema, { method: 'POST', body: { email, password }, token: null });
  sessionStorage.setItem(KEY, session.staffToken);
  return session;
}

export const adminKeys = { locations: ['admin', 'locations'] as const, devices: ['admin', 'devices'] as const };
export const fetchLocations = () => kioskRequest('/admin/locations', z.array(AdminLocationSchema), { token: staffToken() });
export const fetchDevices = () => kioskRequest('/admin/devices', z.array(AdminDeviceSchema), { token: staffToken() });
export const createPairingCode = (businessId: number) =>
  kioskRequest('/admin/pairing-codes', PairingCodeSchema, { method: 'POST', body: { businessId }, token: staffToken() });
export const revokeDevice = (id: number, confirm: boolean) =>
  kioskRequest(`/admin/devices/${id}/revoke`, z.null(), { method: 'POST', body: { confirm }, token: staffToken() });
