import { useState } from 'react';
import type { IdentifyResponse } from '../../../contract/kiosk-api';
import { errorText } from '../../lib/error-text';
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
  const error = errorText(identify.error, t, { UNKNOWN_CREDENTIAL: t.unknownPin });
  return (
    <Screen
      title={t.enterPin}
      centre
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
