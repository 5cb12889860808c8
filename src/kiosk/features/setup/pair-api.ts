import { useMutation } from '@tanstack/react-query';
import { PairResponseSchema, type PairRequest } from '../../../contract/kiosk-api';
import { kioskRequest } from '../../lib/api-client';
import { saveDevice } from '../../lib/device-store';

export function pairDevice(request: PairRequest) {
  return kioskRequest('/pair', PairResponseSchema, { method: 'POST', body: request, token: null });
}

export function usePairDevice() {
  return useMutation({
    mutationKey: ['pair'],
    mutationFn: pairDevice,
    onSuccess: (paired) => saveDevice(paired.deviceToken, paired.device),
  });
}
