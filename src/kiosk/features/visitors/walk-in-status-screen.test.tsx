import { act, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WalkInStatus } from '../../../contract/visitors-api';
import { renderScreen } from '../../testing/render';
import { RESULT_SECONDS } from '../../lib/use-countdown';
import { WALK_IN_POLL_MS } from './visitors-api';
import { WalkInStatusScreen } from './walk-in-status-screen';

const WAITING: WalkInStatus = { clientId: 'c-1', visitorId: 41, outcome: 'waiting', hostFirstName: 'Ana', notice: 'email' };

/** The gateway answers each poll with the next status in `answers` (the last one again after that). */
function serving(answers: WalkInStatus[]) {
  let asked = 0;
  return (path: string) => {
    if (path !== '/visitors/c-1') return { status: 404, body: null };
    const answer = answers[Math.min(asked, answers.length - 1)];
    asked += 1;
    return { status: 200, body: answer };
  };
}

const poll = () => act(() => vi.advanceTimersByTimeAsync(WALK_IN_POLL_MS));

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('WalkInStatusScreen', () => {
  it('says the host was told, asks every 3 s, and announces the answer', async () => {
    const onDone = vi.fn();
    const { calls } = renderScreen(<WalkInStatusScreen status={WAITING} visitorName="Grace Hopper" gaveUp={false} onDone={onDone} />, {
      handler: serving([WAITING, { ...WAITING, outcome: 'collect' }]),
    });
    expect(screen.getByRole('heading', { name: 'Thank you, Grace' })).toBeTruthy();
    const live = screen.getByRole('status');
    expect(live.getAttribute('aria-live')).toBe('polite');
    expect(live.textContent).toContain("We've told Ana you're here");
    expect(live.textContent).toContain('Please take a seat. This screen will tell you when Ana answers.');
    expect(calls).toHaveLength(0);

    await poll();
    expect(calls).toHaveLength(1);
    expect(live.textContent).toContain("We've told Ana you're here");
    await poll();
    expect(calls).toHaveLength(2);
    await act(() => vi.waitFor(() => expect(live.textContent).toContain('Ana is on the way to collect you')));

    // Answered: no more questions, and back to the start after the result time.
    await poll();
    expect(calls).toHaveLength(2);
    await act(() => vi.advanceTimersByTimeAsync(RESULT_SECONDS * 1000));
    expect(onDone).toHaveBeenCalled();
  });

  it('says reception will tell the host when nobody e-mailed them', () => {
    renderScreen(
      <WalkInStatusScreen status={{ ...WAITING, notice: 'staff' }} visitorName="Grace Hopper" gaveUp={false} onDone={vi.fn()} />,
    );
    const live = screen.getByRole('status');
    expect(live.textContent).toContain('Reception will let Ana know.');
    expect(live.textContent).not.toContain("We've told");
  });

  it.each([
    ['desk', "Go up to Ana's desk"],
    ['declined', 'Please see reception'],
    ['checked-in', "You're checked in. Ana knows you're here"],
  ] as const)('words the outcome %s', (outcome, words) => {
    renderScreen(<WalkInStatusScreen status={{ ...WAITING, outcome }} visitorName="Grace Hopper" gaveUp={false} onDone={vi.fn()} />);
    expect(screen.getByRole('status').textContent).toContain(words);
  });

  it('stops asking when the wait is over, says reception can see the request, then leaves', async () => {
    const onDone = vi.fn();
    const { calls } = renderScreen(<WalkInStatusScreen status={WAITING} visitorName="Grace Hopper" gaveUp onDone={onDone} />, {
      handler: serving([WAITING]),
    });
    const live = screen.getByRole('status');
    expect(live.textContent).toContain("Ana hasn't answered yet");
    expect(live.textContent).toContain('Reception can see your request.');
    await act(() => vi.advanceTimersByTimeAsync(RESULT_SECONDS * 1000));
    expect(calls).toHaveLength(0);
    expect(onDone).toHaveBeenCalled();
  });

  it('waits in German too', () => {
    renderScreen(<WalkInStatusScreen status={WAITING} visitorName="Grace Hopper" gaveUp={false} onDone={vi.fn()} />, { language: 'de' });
    expect(screen.getByRole('status').textContent).toContain('Wir haben Ana Bescheid gegeben, dass Sie da sind');
  });

  it('says a registration still on the tablet will reach the host, and follows it once the server has it', async () => {
    const onDone = vi.fn();
    let sent = false;
    const { calls } = renderScreen(
      <WalkInStatusScreen
        status={{ status: 'queued', clientId: 'c-1', queuedAt: '2026-12-02T09:00:00Z' }}
        visitorName="Grace Hopper"
        hostName="Ana María Gómez"
        gaveUp={false}
        onDone={onDone}
      />,
      {
        handler: (path) =>
          path === '/visitors/c-1' && sent
            ? { status: 200, body: WAITING }
            : { status: 404, body: { error: { code: 'NOT_FOUND', message: 'no such walk-in' } } },
      },
    );
    const live = screen.getByRole('status');
    expect(live.textContent).toContain("We'll tell Ana you're here as soon as the connection is back");
    expect(live.textContent).toContain('Your registration is saved on this tablet.');
    expect(screen.getByRole('button', { name: 'Done' })).toBeTruthy();

    await poll();
    expect(calls).toHaveLength(1);
    expect(live.textContent).toContain('as soon as the connection is back');
    sent = true;
    await poll();
    await act(() => vi.waitFor(() => expect(live.textContent).toContain("We've told Ana you're here")));
    expect(onDone).not.toHaveBeenCalled();
  });
});
