import type { UpstreamStatus } from '../../contract/kiosk-api';
import { until } from '../lib/format';
import { useI18n } from '../lib/i18n';
import { Notice } from './screen';

type State = UpstreamStatus['state'];

/** States staff must act on or know about; `ok` and `unknown` are a plain line. */
const NOTICE_TONE: Partial<Record<State, 'warn' | 'error'>> = {
  'signed-out': 'error',
  unreachable: 'warn',
  throttled: 'warn',
};

/** A shape per kind of state, so it never rests on colour: a tick, a dashed ring, a warning triangle. */
function StateIcon({ state }: { state: State }) {
  const shape =
    state === 'ok' ? (
      <>
        <circle cx="12" cy="12" r="10" />
        <path d="m7 12.5 3.5 3.5L17 9" />
      </>
    ) : state === 'unknown' ? (
      <circle cx="12" cy="12" r="10" strokeDasharray="4 3" />
    ) : (
      <>
        <path d="M12 2.5 22 21H2z" />
        <path d="M12 9v5.5M12 17.5v.5" />
      </>
    );
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 24 24"
      className="size-7 shrink-0"
      fill="none"
      stroke="currentColor"
      strokeWidth="2.2"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      {shape}
    </svg>
  );
}

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
      <StateIcon state={status.state} />
      <span>{words}</span>
    </p>
  );
  const tone = NOTICE_TONE[status.state];
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
        <p lang="en">{status.message}</p>
        <p>{since}</p>
      </div>
    </Notice>
  );
}
