import type { UpstreamStatus } from '../../contract/kiosk-api';
import { until } from '../lib/format';
import { useI18n } from '../lib/i18n';
import { Notice } from './screen';
import { StatusIcon, type StatusShape } from './status-icon';

type State = UpstreamStatus['state'];

/** States staff must act on or know about; `ok` and `unknown` are a plain line. */
const NOTICE_TONE: Partial<Record<State, 'warn' | 'error'>> = {
  'signed-out': 'error',
  unreachable: 'warn',
  throttled: 'warn',
};

/** A tick when signed in, a dashed ring before the first answer, a warning triangle otherwise. */
const SHAPE: Record<State, StatusShape> = {
  ok: 'tick',
  unknown: 'ring',
  'signed-out': 'warning',
  unreachable: 'warning',
  throttled: 'warning',
};

/**
 * How the server's connection to Nexudus is doing, in words: the state, since when, and (when staff
 * should know) the server's own English message on what to do. `timeZone` unset: the viewer's own
 * zone, named.
 */
export function UpstreamSummary({ status, timeZone }: { status: UpstreamStatus; timeZone?: string }) {
  const { t, locale } = useI18n();
  const words = status.state === 'ok' && status.mode === 'embedded' ? t.upstream.embedded : t.upstream.states[status.state];
  const since = t.upstream.since(until(status.since, new Date(), locale, { timeZone, showZone: timeZone === undefined }));
  const label = (
    <p className="flex items-center gap-3 text-xl font-bold">
      <StatusIcon shape={SHAPE[status.state]} />
      <span>{words}</span>
    </p>
  );
  const { outbox } = status;
  const held =
    outbox.count > 0 && outbox.oldestSince ? (
      <div className="flex flex-col gap-1">
        <p className="text-lg font-bold">
          {t.upstream.held(outbox.count, until(outbox.oldestSince, new Date(), locale, { timeZone, showZone: timeZone === undefined }))}
        </p>
        <p className="text-lg">{t.upstream.heldNote}</p>
        {outbox.lastError ? (
          <p className="text-lg" lang="en">
            {outbox.lastError}
          </p>
        ) : null}
      </div>
    ) : null;
  const tone = NOTICE_TONE[status.state] ?? (held ? 'warn' : undefined);
  if (!tone) {
    return (
      <div className="flex flex-col gap-1">
        {label}
        <p className="text-lg">{since}</p>
      </div>
    );
  }
  return (
    <Notice tone={tone}>
      <div className="flex flex-col gap-2">
        {label}
        {/* The server writes it for staff, in English. */}
        {NOTICE_TONE[status.state] ? <p lang="en">{status.message}</p> : null}
        <p>{since}</p>
        {held}
      </div>
    </Notice>
  );
}
