import { useI18n } from '../../lib/i18n';
import { AdminSection } from './admin-section';
import { OnSiteAdmin } from './on-site-admin';
import { PendingVisitors } from './pending-visitors';

/** Visitors: walk-ins waiting for their host (staff may answer for the host), and who is in the building now. */
export function VisitorsSection() {
  const { t } = useI18n();
  return (
    <AdminSection headingId="visitors-heading" title={t.admin.visitorsTitle}>
      <PendingVisitors />
      <OnSiteAdmin />
    </AdminSection>
  );
}
