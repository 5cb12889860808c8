import { useMutation } from '@tanstack/react-query';
import { StaffCheckResultSchema } from '../../../contract/kiosk-api';
import { kioskRequest } from '../../lib/api-client';

/** The staff PIN is checked by the server, never on the tablet; a right PIN answers the lockouts in force here and how the server's connection to Nexudus is doing. */
export const useStaffCheck = () =>
  useMutation({
    mutationKey: ['staff-check'],
    mutationFn: (staffPin: string) => kioskRequest('/device/staff-check', StaffCheckResultSchema, { method: 'POST', body: { staffPin } }),
  });
