import { useMutation } from '@tanstack/react-query';
import { IdentifyResponseSchema, type IdentifyRequest } from '../../../contract/kiosk-api';
import { kioskRequest } from '../../lib/api-client';

/** PIN and card values go to the server and are compared there only. */
export function identify(request: IdentifyRequest) {
  return kioskRequest('/identify', IdentifyResponseSchema, { method: 'POST', body: request });
}

export const useIdentify = () => useMutation({ mutationKey: ['identify'], mutationFn: identify });
