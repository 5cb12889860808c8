import type { OnSite } from '../../contract/visitors-api';
import { time, until } from '../lib/format';
import { useI18n } from '../lib/i18n';
import { downloadOnSiteCsv } from '../lib/on-site-csv';
import { Button } from './button';

interface Row {
  key: string;
  kind: 'member' | 'visitor';
  name: string;
  company: string | null;
  host: string | null;
  since: string;
}

const rowsOf = (onSite: OnSite): Row[] => [
  ...onSite.members.map((m) => ({
    key: `m${m.id}`,
    kind: 'member' as const,
    name: m.name,
    company: m.company,
    host: null,
    since: m.since,
  })),
  ...onSite.visitors.map((v) => ({
    key: `v${v.id}`,
    kind: 'visitor' as const,
    name: v.name,
    company: v.company,
    host: v.hostName,
    since: v.since,
  })),
];

const Missing = () => <span aria-hidden="true">—</span>;

/**
 * Who is in the building (the roll-call): counts by kind, when it was read, members then visitors,
 * as a CSV file or on paper. When printing, the page around it hides itself with `print:hidden`.
 */
export function OnSiteList({
  onSite,
  timeZone,
  labelledBy,
}: {
  onSite: OnSite;
  timeZone?: string;
  /** A heading that already says "Who is in now" names the table; without one the table has its caption. */
  labelledBy?: string;
}) {
  const { t, locale } = useI18n();
  const rows = rowsOf(onSite);
  const at = new Date(onSite.at);
  const when = timeZone ? time(onSite.at, timeZone, locale) : until(onSite.at, at, locale, { showZone: true });
  return (
    <div className="flex flex-col gap-4">
      <p className="text-xl">
        <span className="font-semibold">{onSite.locationName}</span> · {t.onSite.counts(onSite.members.length, onSite.visitors.length)} ·{' '}
        <time dateTime={onSite.at}>{t.onSite.asOf(when)}</time>
      </p>
      <div className="flex flex-wrap gap-4 print:hidden">
        <Button variant="secondary" onClick={() => downloadOnSiteCsv(onSite)}>
          {t.onSite.downloadCsv}
        </Button>
        <Button variant="secondary" onClick={() => window.print()}>
          {t.onSite.print}
        </Button>
      </div>
      {rows.length === 0 ? (
        <p className="text-lg">{t.onSite.nobody}</p>
      ) : (
        <div className="overflow-x-auto print:overflow-visible">
          <table aria-labelledby={labelledBy} className="w-full text-left text-lg print:text-sm">
            {labelledBy ? null : <caption className="mb-2 text-left text-xl font-bold">{t.onSite.title}</caption>}
            <thead>
              <tr>
                {[t.onSite.name, t.onSite.kind, t.onSite.company, t.onSite.host, t.onSite.since].map((label) => (
                  <th key={label} scope="col" className="p-3 print:p-1">
                    {label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.key} className="border-t border-slate-200 align-top print:break-inside-avoid">
                  <th scope="row" className="p-3 font-semibold print:p-1">
                    {row.name}
                  </th>
                  <td className="p-3 print:p-1">{row.kind === 'member' ? t.onSite.member : t.onSite.visitor}</td>
                  <td className="p-3 print:p-1">{row.company ?? <Missing />}</td>
                  <td className="p-3 print:p-1">{row.host ?? <Missing />}</td>
                  <td className="p-3 print:p-1">
                    <time dateTime={row.since}>{until(row.since, at, locale, { timeZone })}</time>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
