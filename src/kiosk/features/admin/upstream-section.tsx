import { numberFormat } from '../../../domain/intl';
import { useQuery } from '@tanstack/react-query';
import type { UpstreamStatus } from '../../../contract/kiosk-api';
import { useAdminI18n } from '../../lib/messages-admin';
import { UpstreamSummary } from '../../ui/upstream-summary';
import { AdminSection, TableHead } from './admin-section';
import { upstreamQuery } from './upstream-api';

type Budget = NonNullable<UpstreamStatus['budget']>;

/** One row per window of Nexudus's limits: all methods first, then writes. */
function BudgetTable({ budget }: { budget: Budget }) {
  const { t, locale } = useAdminI18n();
  const count = numberFormat(locale);
  const rows = [
    ...budget.all.map((window) => ({ kind: t.admin.allMethods, window })),
    ...budget.writes.map((window) => ({ kind: t.admin.writes, window })),
  ];
  return (
    <table className="w-full text-left text-lg">
      <caption className="mb-2 text-left text-xl font-bold">{t.admin.requestsTitle}</caption>
      <TableHead labels={[t.admin.period, t.admin.requests, t.admin.used]} />
      <tbody>
        {rows.map(({ kind, window }) => (
          <tr key={`${kind}-${window.seconds}`} className="border-t border-slate-200">
            <th scope="row" className="p-3 font-semibold">
              {t.admin.lastWindow(window.seconds)}
            </th>
            <td className="p-3">{kind}</td>
            <td className="p-3">{t.admin.usedOf(count.format(window.used), count.format(window.points))}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The server's connection to Nexudus (refreshed every 15 s) and, in production, its request budget. */
export function UpstreamSection() {
  const { t } = useAdminI18n();
  const upstream = useQuery(upstreamQuery());
  const budget = upstream.data?.budget;
  return (
    <AdminSection headingId="upstream-heading" title={t.admin.upstreamTitle} error={upstream.error}>
      {upstream.data ? <UpstreamSummary status={upstream.data} /> : null}
      {budget ? (
        <>
          <BudgetTable budget={budget} />
          {budget.pausedForSeconds > 0 || budget.throttledCount > 0 ? (
            <ul className="flex list-disc flex-col gap-1 pl-6 text-lg">
              {budget.pausedForSeconds > 0 ? <li>{t.admin.pausedFor(budget.pausedForSeconds)}</li> : null}
              {budget.throttledCount > 0 ? <li>{t.admin.throttledTimes(budget.throttledCount)}</li> : null}
            </ul>
          ) : null}
        </>
      ) : null}
    </AdminSection>
  );
}
