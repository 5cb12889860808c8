import { useAdminI18n } from '../../lib/messages-admin';
import { AdminSection } from './admin-section';
import { OnSiteAdmin } from './on-site-admin';
import { PendingVisitors } from './pending-visitors';

/** Visitors: walk-ins waiting for their host (staff may answer for the host), and who is in the building now. */
export function VisitorsSection() {
  const { t } = useAdminI18n();
  return (
    <AdminSection headingId="visitors-heading" title={t.admin.visitorsTitle}>
      <PendingVisitors />
      <OnSiteAdmin />
    </AdminSection>
  );
}
