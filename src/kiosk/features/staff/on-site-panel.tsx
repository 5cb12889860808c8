import { errorText } from '../../lib/error-text';
import { useI18n } from '../../lib/i18n';
import { Button } from '../../ui/button';
import { OnSiteList } from '../../ui/on-site-list';
import { Notice } from '../../ui/screen';
import { useOnSite } from './staff-api';

/** "Who is in now" on the staff panel: read from the server with the staff PIN that opened the panel. */
export function OnSitePanel({ staffPin, timeZone }: { staffPin: string; timeZone: string }) {
  const { t } = useI18n();
  const onSite = useOnSite();
  const error = errorText(onSite.error, t, { NETWORK: t.onSite.needsConnection, UNKNOWN_CREDENTIAL: 'server', LOCKED_OUT: 'server' });
  return (
    <div className="flex flex-col gap-4">
      <div className="print:hidden">
        <Button onClick={() => onSite.mutate(staffPin)} disabled={onSite.isPending}>
          {t.onSite.title}
        </Button>
      </div>
      <p role="status" className="sr-only">
        {onSite.isPending ? t.onSite.loading : ''}
      </p>
      {error ? <Notice tone="error">{error}</Notice> : null}
      {onSite.data ? <OnSiteList onSite={onSite.data} timeZone={timeZone} /> : null}
    </div>
  );
}
