import { useState } from 'react';
import type { IdentifyResponse } from '../../../contract/kiosk-api';
import { KioskApiError } from '../../lib/api-client';
import { useI18n } from '../../lib/i18n';
import { Button } from '../../ui/button';
import { PinPad } from '../../ui/pin-pad';
import { Notice, Screen } from '../../ui/screen';
import { useIdentify } from './identify-api';

/** Identify with the member's PIN; the server compares it and rate-limits wrong tries. */
export function PinScreen({ onIdentified, onBack }: { onIdentified: (who: IdentifyResponse) => void; onBack: () => void }) {
  const { t } = useI18n();
  const [pin, setPin] = useState('');
  const identify = useIdentify();
  const error =
    identify.error instanceof KioskApiError
      ? identify.error.code === 'UNKNOWN_CREDENTIAL'
        ? t.unknownPin
        : t.errors[identify.error.code]
      : identify.error
        ? t.errors.INTERNAL
        : null;
  return (
    <Screen
      title={t.enterPin}
      actions={
        <Button variant="secondary" onClick={onBack}>
          {t.back}
        </Button>
      }
    >
      {error ? <Notice tone="error">{error}</Notice> : null}
      <PinPad
        label={t.pinLabel}
        value={pin}
        onChange={setPin}
        disabled={identify.isPending}
        onSubmit={() => identify.mutate({ method: 'pin', value: pin }, { onSuccess: onIdentified, onSettled: () => setPin('') })}
      />
    </Screen>
  );
}
