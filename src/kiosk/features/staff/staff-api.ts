import { useMutation } from '@tanstack/react-query';
import { StaffCheckResultSchema } from '../../../contract/kiosk-api';
import { OnSiteSchema } from '../../../contract/visitors-api';
import { kioskRequest } from '../../lib/api-client';

/** The staff PIN is checked by the server, never on the tablet; a right PIN answers the lockouts in force here and how the server's connection to Nexudus is doing. */
export const useStaffCheck = () =>
  useMutation({
    mutationKey: ['staff-check'],
    mutationFn: (staffPin: string) => kioskRequest('/device/staff-check', StaffCheckResultSchema, { method: 'POST', body: { staffPin } }),
  });

/** Who is in now at this tablet's location: asked with the staff PIN just entered (the device token alone is not enough). Online only. */
export const useOnSite = () =>
  useMutation({
    mutationKey: ['on-site'],
    mutationFn: (staffPin: string) => kioskRequest('/device/on-site', OnSiteSchema, { method: 'POST', body: { staffPin } }),
    networkMode: 'always',
    retry: false,
  });
