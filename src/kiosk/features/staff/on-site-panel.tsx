import { errorText } from '../../lib/error-text';
import { time, until } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { Button } from '../../ui/button';
import { OnSiteList } from '../../ui/on-site-list';
import { Notice } from '../../ui/screen';
import { useOnSite, type TabletCopy } from './staff-api';
import { useStaffMessages } from '../../lib/messages-staff';

/**
 * Says the list is the tablet's copy and how old each part is. Not `print:hidden`: a printed
 * roll-call must say so too. The members' copy may be of an earlier day (with the date then).
 */
function TabletCopyNotice({ copy, timeZone }: { copy: TabletCopy; timeZone: string }) {
  const { locale } = useI18n();
  const st = useStaffMessages();
  return (
    <Notice tone="warn" title={copy.offline ? st.offlineCopy : st.serverCopy}>
      <p>{st.membersAsOf(until(copy.membersAsOf, new Date(), locale, { timeZone }))}</p>
      <p>{copy.visitorsAsOf ? st.visitorsAsOf(time(copy.visitorsAsOf, timeZone, locale)) : st.visitorsUnknown}</p>
      {copy.unsentVisitors > 0 ? <p>{st.unsentVisitors(copy.unsentVisitors)}</p> : null}
    </Notice>
  );
}

/**
 * "Who is in now" on the staff panel: read from the server with the staff PIN that opened the
 * panel; when the server cannot answer, the tablet's own copy, saying so.
 */
export function OnSitePanel({ staffPin, timeZone }: { staffPin: string; timeZone: string }) {
  const { t } = useI18n();
  const onSite = useOnSite();
  const error = errorText(onSite.error, t, { NETWORK: t.onSite.needsConnection, UNKNOWN_CREDENTIAL: 'server', LOCKED_OUT: 'server' });
  const view = onSite.data;
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
      {view?.tabletCopy ? <TabletCopyNotice copy={view.tabletCopy} timeZone={timeZone} /> : null}
      {view ? <OnSiteList onSite={view.onSite} timeZone={timeZone} /> : null}
    </div>
  );
}
