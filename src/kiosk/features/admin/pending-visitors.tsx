import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type * as z from 'zod/mini';
import type { AdminLocationSchema } from '../../../contract/kiosk-api';
import { HOST_ANSWERS, type PendingVisitor } from '../../../contract/visitors-api';
import { until } from '../../lib/format';
import { useAdminI18n } from '../../lib/messages-admin';
import { Button } from '../../ui/button';
import { Notice } from '../../ui/screen';
import { locationsQuery } from './admin-api';
import { TableHead } from './admin-section';
import { serverMessage } from './admin-text';
import { pendingVisitorsQuery, useAnswerVisitor } from './visitors-api';

type AdminLocation = z.infer<typeof AdminLocationSchema>;

function PendingRow({
  visitor,
  location,
  now,
  announce,
}: {
  visitor: PendingVisitor;
  location: AdminLocation | undefined;
  now: Date;
  announce: (text: string) => void;
}) {
  const { t, locale } = useAdminI18n();
  const answer = useAnswerVisitor(visitor.visitorId);
  return (
    <tr className="border-t border-slate-200 align-top">
      <th scope="row" className="p-3 font-semibold">
        {visitor.visitorName}
      </th>
      <td className="p-3">{visitor.companyName ?? <span aria-hidden="true">—</span>}</td>
      <td className="p-3">{visitor.hostName}</td>
      <td className="p-3">{location?.name ?? `#${visitor.businessId}`}</td>
      <td className="p-3">
        <time dateTime={visitor.requestedAt}>
          {until(visitor.requestedAt, now, locale, { timeZone: location?.timeZone, showZone: true })}
        </time>
      </td>
      <td className="p-3">{t.admin.notices[visitor.notice]}</td>
      <td className="p-3">
        <div className="flex flex-col gap-2">
          {HOST_ANSWERS.map((choice) => (
            <Button
              key={choice}
              variant={choice === 'decline' ? 'secondary' : 'primary'}
              aria-label={t.admin.answerFor(t.admin.staffAnswers[choice], visitor.visitorName)}
              disabled={answer.isPending}
              onClick={() =>
                answer.mutate(choice, {
                  onSuccess: () => announce(t.admin.answeredVisitor(visitor.visitorName)),
                  // The row may go with the next read (someone answered first): the section says why.
                  onError: (error) => announce(serverMessage(error, t) ?? ''),
                })
              }
            >
              {t.admin.staffAnswers[choice]}
            </Button>
          ))}
        </div>
      </td>
    </tr>
  );
}

/** Walk-ins waiting for their host (read every 5 s), each with the host's three answers for staff to give. */
export function PendingVisitors() {
  const { t } = useAdminI18n();
  const pending = useQuery(pendingVisitorsQuery());
  const locations = useQuery(locationsQuery());
  const [announcement, setAnnouncement] = useState('');
  const now = new Date();
  return (
    <div className="flex flex-col gap-4 print:hidden">
      <h3 id="pending-visitors-heading" className="text-xl font-bold">
        {t.admin.waitingTitle}
      </h3>
      <p className="text-lg">{t.admin.waitingNote}</p>
      {pending.error ? <Notice tone="error">{serverMessage(pending.error, t)}</Notice> : null}
      {pending.data?.length === 0 ? <p>{t.admin.noneWaiting}</p> : null}
      {pending.data && pending.data.length > 0 ? (
        <div className="overflow-x-auto">
          <table aria-labelledby="pending-visitors-heading" className="w-full text-left text-lg">
            <TableHead
              labels={[t.admin.visitor, t.admin.company, t.admin.host, t.admin.location, t.admin.since, t.admin.told, t.admin.actions]}
              hideLast
            />
            <tbody>
              {pending.data.map((visitor) => (
                <PendingRow
                  key={visitor.visitorId}
                  visitor={visitor}
                  location={locations.data?.find((l) => l.id === visitor.businessId)}
                  now={now}
                  announce={setAnnouncement}
                />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <p role="status" className="font-semibold">
        {announcement}
      </p>
    </div>
  );
}
