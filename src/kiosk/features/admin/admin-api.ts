import { queryOptions } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { AdminDeviceSchema, AdminLocationSchema, PairingCodeSchema } from '../../../contract/kiosk-api';
import { adminRequest } from './admin-session';

export const adminKeys = {
  all: ['admin'] as const,
  locations: ['admin', 'locations'] as const,
  devices: ['admin', 'devices'] as const,
  lockouts: ['admin', 'lockouts'] as const,
  upstream: ['admin', 'upstream'] as const,
  sync: ['admin', 'sync'] as const,
  visitors: ['admin', 'visitors'] as const,
  onSite: (businessId: number) => ['admin', 'on-site', businessId] as const,
};

export const locationsQuery = () =>
  queryOptions({ queryKey: adminKeys.locations, queryFn: () => adminRequest('/admin/locations', z.array(AdminLocationSchema)) });

export const devicesQuery = () =>
  queryOptions({
    queryKey: adminKeys.devices,
    queryFn: () => adminRequest('/admin/devices', z.array(AdminDeviceSchema)),
    refetchInterval: 15_000,
  });

export const createPairingCode = (businessId: number) =>
  adminRequest('/admin/pairing-codes', PairingCodeSchema, { method: 'POST', body: { businessId } });

export const revokeDevice = (id: number, confirm: boolean) =>
  adminRequest(`/admin/devices/${id}/revoke`, z.null(), { method: 'POST', body: { confirm } });
