import { isWalkInView as isWalkIn, type OutboxEntryView, type OutboxSummary } from '../../../contract/outbox';
import { time } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useStaffMessages } from '../../lib/messages-staff';
import { discardRejected, requestReplay } from '../../lib/outbox-client';
import { useOutbox } from '../../lib/outbox-summary';
import { Button } from '../../ui/button';
import { Notice } from '../../ui/screen';

function minutesAgo(iso: string | null): string {
  return iso ? `${Math.max(0, Math.round((Date.now() - Date.parse(iso)) / 60_000))} min` : '—';
}

function exportJson(summary: OutboxSummary) {
  const blob = new Blob([JSON.stringify({ exportedAt: new Date().toISOString(), entries: summary.entries }, null, 2)], {
    type: 'application/json',
  });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = `tapdesk-outbox-${new Date().toISOString().slice(0, 19).replace(/:/g, '')}.json`;
  link.click();
  URL.revokeObjectURL(url);
}

function Row({ entry, timeZone }: { entry: OutboxEntryView; timeZone: string }) {
  const { t, locale } = useI18n();
  const s = useStaffMessages();
  return (
    <tr className="border-t border-slate-200 align-top">
      <td className="p-2 font-semibold">
        {entry.memberName ?? (isWalkIn(entry) ? `#${entry.clientId.slice(0, 8)}` : `#${entry.tap.coworkerId}`)}
      </td>
      <td className="p-2">{isWalkIn(entry) ? s.outboxWalkIn : entry.tap.action === 'in' ? t.checkIn : t.checkOut}</td>
      <td className="p-2">{time(isWalkIn(entry) ? entry.queuedAt : entry.tap.tappedAt, timeZone, locale)}</td>
      <td className="p-2">{s.outboxStates[entry.state]}</td>
      <td className="p-2">{entry.rejection?.message ?? entry.lastError ?? ''}</td>
      <td className="p-2">
        {entry.state === 'rejected' ? (
          <Button variant="quiet" onClick={() => discardRejected(entry.clientId)}>
            {s.outboxClear}
          </Button>
        ) : null}
      </td>
    </tr>
  );
}

/** Staff see what waits on this tablet, send it now, and export it. */
export function OutboxPanel({ timeZone }: { timeZone: string }) {
  const { t } = useI18n();
  const s = useStaffMessages();
  const outbox = useOutbox();
  if (!outbox) return <Notice tone="info">{s.outboxUnknown}</Notice>;
  if (!outbox.available) return <Notice tone="warn">{t.storageUnavailable}</Notice>;
  return (
    <section aria-labelledby="outbox-heading" className="flex flex-col gap-4">
      <h2 id="outbox-heading" className="text-2xl font-bold">
        {s.outboxTitle}
      </h2>
      <p className="text-xl">{s.outboxCounts(outbox.pending, outbox.sending, outbox.rejected, minutesAgo(outbox.oldestQueuedAt))}</p>
      <div className="flex flex-wrap gap-4">
        <Button onClick={() => requestReplay()}>{s.outboxSendNow}</Button>
        <Button variant="secondary" onClick={() => exportJson(outbox)} disabled={outbox.entries.length === 0}>
          {s.outboxExport}
        </Button>
      </div>
      {outbox.entries.length > 0 ? (
        <table className="w-full text-left text-lg">
          <thead>
            <tr>
              <th className="p-2">{s.outboxMember}</th>
              <th className="p-2">{s.outboxAction}</th>
              <th className="p-2">{s.outboxTapped}</th>
              <th className="p-2">{s.outboxState}</th>
              <th className="p-2">{s.outboxReason}</th>
              <th className="p-2">
                <span className="sr-only">{s.outboxClear}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {outbox.entries.map((entry) => (
              <Row key={entry.clientId} entry={entry} timeZone={timeZone} />
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
