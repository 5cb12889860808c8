import { useMutation } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { kioskRequest } from '../../lib/api-client';

/** The staff PIN is checked by the server, never on the tablet. */
export const useStaffCheck = () =>
  useMutation({
    mutationKey: ['staff-check'],
    mutationFn: (staffPin: string) => kioskRequest('/device/staff-check', z.null(), { method: 'POST', body: { staffPin } }),
  });
