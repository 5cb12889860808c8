import { act, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SubmitResult } from '../../../contract/kiosk-api';
import { buildStatus, HOURLY_PAYG, renderScreen } from '../../testing/render';
import { RESULT_SECONDS, ResultScreen } from './result-screen';

const status = buildStatus({ kind: 'no-valid-pass' });
const tap = { clientId: 'c', coworkerId: 7, action: 'in' as const, tappedAt: '2026-11-23T09:02:00.000Z', acceptedCharge: false };
const done: SubmitResult = {
  status: 'checked-in',
  clientId: 'c',
  checkinId: 1,
  at: '2026-11-23T09:02:00.000Z',
  closedAt: null,
  passName: 'Day Pass',
  pass: { name: 'Day Pass', kind: 'day', minutesLeft: null, passesLeft: 3, expiresAt: null, alreadyUsedToday: false },
  payg: null,
  duplicate: false,
  clockSkewSeconds: 0,
  clockSkewFlagged: false,
};

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('ResultScreen', () => {
  it('shows each outcome with its own mark and the member’s first name, large', () => {
    const first = status.member.displayName.split(' ')[0] ?? '';
    const mark = (container: HTMLElement) => container.querySelector('svg[data-result]')?.getAttribute('data-result');
    const cases: [SubmitResult, 'in' | 'out', string, string][] = [
      [done, 'in', 'checked-in', `Welcome, ${first}`],
      [{ ...done, status: 'checked-out' }, 'out', 'checked-out', `Goodbye, ${first}`],
      [{ status: 'queued', clientId: 'c', queuedAt: tap.tappedAt }, 'in', 'queued', `Welcome, ${first}`],
      [
        { status: 'refused', clientId: 'c', code: 'NO_VALID_PASS', message: 'x', eligibility: null, duplicate: false },
        'in',
        'refused',
        first,
      ],
    ];
    for (const [result, action, state, greeting] of cases) {
      const { container, unmount } = renderScreen(
        <ResultScreen result={result} tap={{ ...tap, action }} status={status} onDone={vi.fn()} />,
      );
      expect(mark(container)).toBe(state);
      expect(container.querySelector('svg[data-result]')?.getAttribute('aria-hidden')).toBe('true');
      expect(screen.getByText(greeting)).toBeTruthy();
      unmount();
    }
  });

  it('says when and with which pass, then returns to the start', () => {
    const onDone = vi.fn();
    renderScreen(<ResultScreen result={done} tap={tap} status={status} onDone={onDone} />);
    expect(screen.getByRole('heading', { name: 'Checked in at 09:02' })).toBeTruthy();
    expect(screen.getByText('Day Pass — 3 more left')).toBeTruthy();
    act(() => vi.advanceTimersByTime(RESULT_SECONDS * 1000));
    expect(onDone).toHaveBeenCalled();
  });

  it('tells a member a queued check-in is safe', () => {
    renderScreen(
      <ResultScreen result={{ status: 'queued', clientId: 'c', queuedAt: tap.tappedAt }} tap={tap} status={status} onDone={vi.fn()} />,
    );
    expect(screen.getByRole('heading', { name: 'You’re checked in' })).toBeTruthy();
    expect(screen.getByText(/as soon as the connection is back/)).toBeTruthy();
  });

  it('shows the PAYG rate started and a late visit closed at the cut-off', () => {
    const payg: SubmitResult = {
      ...done,
      passName: 'Pay As You Go',
      pass: null,
      closedAt: '2026-11-24T03:00:00.000Z',
      payg: HOURLY_PAYG,
    };
    renderScreen(<ResultScreen result={payg} tap={tap} status={status} onDone={vi.fn()} />);
    expect(screen.getByText('Pay As You Go started: £6.00 per hour, At most £20.00 today.')).toBeTruthy();
    expect(screen.getByText('Recorded as a visit that ended at 03:00.')).toBeTruthy();
  });

  it('explains a refusal', () => {
    renderScreen(
      <ResultScreen
        result={{ status: 'refused', clientId: 'c', code: 'NO_VALID_PASS', message: 'x', eligibility: null, duplicate: false }}
        tap={tap}
        status={status}
        onDone={vi.fn()}
      />,
      {
        language: 'de',
      },
    );
    expect(screen.getByRole('heading', { name: 'Das hat nicht geklappt' })).toBeTruthy();
  });
});
