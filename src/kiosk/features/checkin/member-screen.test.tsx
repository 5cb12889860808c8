import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { MemberStatusSchema, type MemberStatus } from '../../../contract/kiosk-api';
import { buildStatus, HOURLY_PAYG, LONDON, renderScreen } from '../../testing/render';
import { MemberScreen, type Identified } from './member-screen';

const amelie: Identified = { coworkerId: 7, displayName: 'Amélie Laurent', via: 'name' };
const hourly: MemberStatus['eligibility'] = { kind: 'payg', payg: HOURLY_PAYG };

function show(status: MemberStatus, who: Identified = amelie, onResult = vi.fn()) {
  MemberStatusSchema.parse(status);
  const utils = renderScreen(<MemberScreen who={who} onBack={vi.fn()} onResult={onResult} />, {
    handler: (path) =>
      path.endsWith('/status')
        ? { status: 200, body: status }
        : {
            status: 200,
            body: {
              status: 'checked-in',
              clientId: 'x',
              checkinId: 1,
              at: '2026-11-23T09:00:00.000Z',
              closedAt: null,
              passName: 'Day Pass',
              pass: null,
              payg: null,
              duplicate: false,
              clockSkewSeconds: 0,
              clockSkewFlagged: false,
            },
          },
  });
  return { ...utils, onResult };
}

describe('MemberScreen', () => {
  it('shows the pass today’s visit will use and offers check-in', async () => {
    show(
      buildStatus({
        kind: 'pass',
        pass: { name: 'Day Pass', kind: 'day', minutesLeft: null, passesLeft: 3, expiresAt: null, alreadyUsedToday: false },
      }),
    );
    expect(await screen.findByText('Day Pass')).toBeTruthy();
    expect(screen.getByText(/3 more left/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Check in' })).toBeTruthy();
  });

  it('offers only check-out to a member who is checked in', async () => {
    show(buildStatus({ kind: 'checked-in', since: '2026-11-23T09:02:00.000Z', passName: 'Day Pass' }));
    expect(await screen.findByText('You are checked in since 09:02. (with Day Pass)')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Check out' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Check in' })).toBeNull();
  });

  it('warns with the PAYG price and sends nothing until the charge is agreed', async () => {
    const { calls, onResult } = show(buildStatus(hourly));
    expect(await screen.findByText('£6.00 per hour, charged in 15-minute steps of £1.50.')).toBeTruthy();
    expect(screen.getByText('At most £20.00 today.')).toBeTruthy();
    fireEvent.click(await screen.findByRole('button', { name: 'Check in and agree to pay' }));
    expect(await screen.findByText('Please agree to the charge to check in.')).toBeTruthy();
    expect(calls.filter((c) => c.path === '/checkins')).toHaveLength(0);
    fireEvent.click(screen.getByLabelText('I agree to be charged'));
    fireEvent.click(screen.getByRole('button', { name: 'Check in and agree to pay' }));
    await waitFor(() => expect(onResult).toHaveBeenCalled());
    expect(calls.find((c) => c.path === '/checkins')?.body).toMatchObject({ coworkerId: 7, action: 'in', acceptedCharge: true });
  });

  it('asks a member found by name for their PIN before a charge where the location wants it', async () => {
    show(buildStatus(hourly, { location: { ...LONDON, pinBeforeCharge: true } }));
    fireEvent.click(await screen.findByLabelText('I agree to be charged'));
    expect(screen.getByRole('group', { name: 'Enter your PIN to agree to the charge' })).toBeTruthy();
  });

  it('does not ask again for the PIN of a member who identified with it', async () => {
    show(buildStatus(hourly, { location: { ...LONDON, pinBeforeCharge: true } }), { ...amelie, via: 'pin', identityToken: 'token' });
    fireEvent.click(await screen.findByLabelText('I agree to be charged'));
    expect(screen.queryByRole('group', { name: 'Enter your PIN to agree to the charge' })).toBeNull();
  });

  it('explains that there is no valid pass and no PAYG, with no action to take', async () => {
    show(buildStatus({ kind: 'no-valid-pass' }));
    expect(await screen.findByText(/don’t have a valid pass/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Check in/ })).toBeNull();
  });

  it('says when the check-in service is unreachable', async () => {
    renderScreen(<MemberScreen who={amelie} onBack={vi.fn()} onResult={vi.fn()} />);
    expect(await screen.findByText(/unreachable/)).toBeTruthy();
  });
});
