import type { ReactNode } from 'react';
import { useAdminI18n } from '../../lib/messages-admin';
import { Notice } from '../../ui/screen';
import { serverMessage } from './admin-text';

/**
 * One card of the admin page: a section named by its `<h2>`, the server's message when its query failed, and a line
 * of text when there is nothing to list. Tables inside may point `aria-labelledby` at `headingId` too.
 */
export function AdminSection({
  headingId,
  title,
  error,
  empty = false,
  emptyText,
  children,
}: {
  headingId: string;
  title: string;
  /** The query's error, shown (in the server's words when it gave any) above the content. */
  error?: unknown;
  /** Whether `emptyText` is shown. */
  empty?: boolean;
  emptyText?: string;
  children?: ReactNode;
}) {
  const { t } = useAdminI18n();
  return (
    <section aria-labelledby={headingId} className="flex flex-col gap-4 rounded-2xl bg-white p-6 ring-1 ring-slate-200">
      <h2 id={headingId} className="text-2xl font-bold">
        {title}
      </h2>
      {error ? <Notice tone="error">{serverMessage(error, t)}</Notice> : null}
      {empty ? <p>{emptyText}</p> : null}
      {children}
    </section>
  );
}

/** A table's column headers; with `hideLast`, the last label (say, "Actions") is read by screen readers only. */
export function TableHead({ labels, hideLast = false }: { labels: readonly string[]; hideLast?: boolean }) {
  return (
    <thead>
      <tr>
        {labels.map((label, i) => (
          <th key={label} scope="col" className="p-3">
            {hideLast && i === labels.length - 1 ? <span className="sr-only">{label}</span> : label}
          </th>
        ))}
      </tr>
    </thead>
  );
}
