import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useSyncExternalStore } from 'react';
import { HostAnswerTokenSchema, type HostAnswer } from '../../../contract/visitors-api';
import { KioskApiError } from '../../lib/api-client';
import { useVisitorMessages, type VisitorMessages } from '../../lib/messages-visitors';
import { Button } from '../../ui/button';
import { Notice, Screen } from '../../ui/screen';
import { previewHostAnswer, readHostToken, sendHostAnswer } from './host-answer-api';

const onHashChange = (listener: () => void) => {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
};

/** Why a link cannot answer, in the host's words; null when trying again may help. */
function refusal(error: unknown, vt: VisitorMessages): string | null {
  if (!(error instanceof KioskApiError)) return null;
  switch (error.code) {
    case 'ALREADY_ANSWERED':
      return vt.hostAnswer.alreadyAnswered;
    case 'EXPIRED':
      return vt.hostAnswer.expired;
    case 'NOT_FOUND':
    case 'VALIDATION':
      return vt.hostAnswer.invalid;
    default:
      return null;
  }
}

function Confirm({ token, answer }: { token: string; answer: HostAnswer }) {
  const vt = useVisitorMessages();
  const send = useMutation({ mutationFn: () => sendHostAnswer(token) });
  const refused = refusal(send.error, vt);
  return (
    <>
      <div role="status" aria-live="polite">
        {send.data ? (
          <Notice tone="success">
            <p className="text-2xl font-bold">{vt.hostAnswer.done[send.data.answer](send.data.visitorName)}</p>
          </Notice>
        ) : null}
      </div>
      {refused ? <Notice tone="warn">{refused}</Notice> : null}
      {send.isError && !refused ? <Notice tone="error">{vt.hostAnswer.failed}</Notice> : null}
      {!send.data && !refused ? (
        <>
          <p className="text-lg text-slate-700">{vt.hostAnswer.confirmNote}</p>
          <Button size="lg" variant={answer === 'decline' ? 'danger' : 'primary'} disabled={send.isPending} onClick={() => send.mutate()}>
            {vt.hostAnswer.answers[answer]}
          </Button>
        </>
      ) : null}
    </>
  );
}

/**
 * The page a host opens from the e-mail about a walk-in (`/host-answer#<token>`): who is waiting
 * and where, and one button that gives the link's answer. Opening it only reads (a mail scanner
 * following the link answers nothing); the answer is sent when the host presses the button.
 */
export function HostAnswerPage() {
  const vt = useVisitorMessages();
  const token = useSyncExternalStore(onHashChange, readHostToken, () => '');
  const wellFormed = HostAnswerTokenSchema.safeParse({ token }).success;
  const preview = useQuery({
    queryKey: ['host-answer', token],
    queryFn: () => previewHostAnswer(token),
    enabled: wellFormed,
    retry: false,
    staleTime: Infinity,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
  useEffect(() => {
    document.getElementById('screen-title')?.focus();
  }, []);
  const refused = wellFormed ? refusal(preview.error, vt) : vt.hostAnswer.invalid;
  const data = preview.data;
  return (
    <Screen title={vt.hostAnswer.title}>
      {wellFormed && preview.isPending ? <p className="text-xl">{vt.hostAnswer.checking}</p> : null}
      {refused ? <Notice tone="warn">{refused}</Notice> : null}
      {preview.isError && !refused ? (
        <Notice tone="error">
          <p>{vt.hostAnswer.failed}</p>
          <div className="mt-3">
            <Button variant="secondary" onClick={() => void preview.refetch()}>
              {vt.hostAnswer.tryAgain}
            </Button>
          </div>
        </Notice>
      ) : null}
      {data ? (
        <>
          {data.state === 'open' ? (
            <p className="text-2xl font-semibold">{vt.hostAnswer.atReception(data.visitorName, data.locationName)}</p>
          ) : null}
          {data.state === 'answered' ? (
            <Notice tone="info">{vt.hostAnswer.alreadyAnswered}</Notice>
          ) : (
            <Confirm token={token} answer={data.answer} />
          )}
        </>
      ) : null}
    </Screen>
  );
}
