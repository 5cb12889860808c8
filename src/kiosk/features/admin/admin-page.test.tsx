import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Lockout, UpstreamStatus } from '../../../contract/kiosk-api';
import { buildLockout, buildUpstreamStatus, renderScreen } from '../../testing/render';
import { AdminPage } from './admin-page';

const LOCATIONS = [
  { id: 2, name: 'London Shoreditch', timeZone: 'Europe/London', currency: 'GBP' },
  { id: 3, name: 'Berlin Mitte', timeZone: 'Europe/Berlin', currency: 'EUR' },
];
const unauthorized = { status: 401, body: { error: { code: 'UNAUTHORIZED', message: 'Sign in again.' } } };

/** The admin API as the gateway answers it: staff sessions by token, the lockouts in force, the connection to Nexudus. */
function fakeGateway(lockouts: Lockout[] = [], upstream: UpstreamStatus = buildUpstreamStatus()) {
  const state = { sessions: new Set(['token-1']), lockouts };
  const handler = (path: string, init: RequestInit | undefined) => {
    const method = init?.method ?? 'GET';
    const token = new Headers(init?.headers).get('authorization')?.replace('Bearer ', '') ?? '';
    if (path === '/admin/session' && method === 'DELETE') return state.sessions.delete(token) ? { status: 204, body: null } : unauthorized;
    if (!state.sessions.has(token)) return unauthorized;
    if (path === '/admin/locations') return { status: 200, body: LOCATIONS };
    if (path === '/admin/devices') return { status: 200, body: [] };
    if (path === '/admin/lockouts') return { status: 200, body: state.lockouts };
    if (path === '/admin/upstream') return { status: 200, body: upstream };
    if (path === '/admin/lockouts/clear' && method === 'POST') {
      const { id } = JSON.parse(String(init?.body)) as { id: string };
      state.lockouts = state.lockouts.filter((l) => l.id !== id);
      return { status: 204, body: null };
    }
    return { status: 404, body: { error: { code: 'NOT_FOUND', message: 'Not found.' } } };
  };
  return { state, handler };
}

describe('AdminPage', () => {
  beforeEach(() => {
    sessionStorage.clear();
    sessionStorage.setItem('tapdesk.staff', 'token-1');
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-23T14:00:00.000Z'));
  });
  afterEach(() => vi.useRealTimers());

  it('signs out: the session ends on the server and the sign-in form returns', async () => {
    const gateway = fakeGateway();
    renderScreen(<AdminPage />, { handler: gateway.handler });
    fireEvent.click(await screen.findByRole('button', { name: 'Sign out' }));
    expect(await screen.findByRole('heading', { name: 'Tapdesk admin — sign in' })).toBeTruthy();
    expect(gateway.state.sessions.size).toBe(0);
    expect(screen.queryByText('Your session has ended. Sign in again.')).toBeNull();
  });

  it('goes back to sign-in and says why when the tablets list answers 401', async () => {
    const gateway = fakeGateway();
    renderScreen(<AdminPage />, { handler: (path, init) => (path === '/admin/devices' ? unauthorized : gateway.handler(path, init)) });
    expect(await screen.findByText('Your session has ended. Sign in again.')).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Tapdesk admin — sign in' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Sign out' })).toBeNull();
  });

  it('lists the lockouts in force and clears one', async () => {
    const gateway = fakeGateway([
      buildLockout(),
      buildLockout({ id: 'password:client:x', kind: 'password', scope: 'client', label: 'sign-ins from 203.0.113.7', businessId: null }),
    ]);
    const { calls } = renderScreen(<AdminPage />, { handler: gateway.handler });
    const table = within(await screen.findByRole('table', { name: 'Lockouts' }));
    const london = within(table.getByRole('row', { name: /Member PIN and card entry/ }));
    expect(london.getByText('Location: London Shoreditch')).toBeTruthy();
    expect(london.getByText('London Shoreditch')).toBeTruthy();
    expect(london.getByText('14:32 GMT')).toBeTruthy();
    const address = within(table.getByRole('row', { name: /Password sign-in/ }));
    expect(address.getByText('Address: sign-ins from 203.0.113.7')).toBeTruthy();
    expect(address.getByText('No location')).toBeTruthy();

    fireEvent.click(table.getByRole('button', { name: 'Clear lockout for Member PIN and card entry at London Shoreditch' }));
    await waitFor(() => expect(screen.queryByRole('row', { name: /Member PIN and card entry/ })).toBeNull());
    expect(screen.getByRole('row', { name: /Password sign-in/ })).toBeTruthy();
    expect(calls.find((c) => c.path === '/admin/lockouts/clear')?.body).toEqual({ id: 'identify:location:2' });
  });

  it('says when no lockouts are in force', async () => {
    renderScreen(<AdminPage />, { handler: fakeGateway().handler });
    const section = within(await screen.findByRole('region', { name: 'Lockouts' }));
    expect(await section.findByText('No lockouts in force.')).toBeTruthy();
  });

  it('shows the server’s message and when to try again after too many sign-ins', async () => {
    sessionStorage.clear();
    renderScreen(<AdminPage />, {
      handler: () => ({
        status: 423,
        body: { error: { code: 'LOCKED_OUT', message: 'Too many sign-in attempts for this account.', retryAfterSeconds: 840 } },
      }),
    });
    fireEvent.change(screen.getByLabelText('Email'), { target: { value: 'staff@tapdesk.local' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'wrong password' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    const alert = within(await screen.findByRole('alert'));
    expect(alert.getByText('Too many sign-in attempts for this account.')).toBeTruthy();
    expect(alert.getByText('Try again in 14 minutes.')).toBeTruthy();
  });

  it('shows the connection to Nexudus first, with the requests used against Nexudus’s limits', async () => {
    renderScreen(<AdminPage />, { handler: fakeGateway().handler });
    const section = within(await screen.findByRole('region', { name: 'Nexudus connection' }));
    expect(await section.findByText('Signed in to Nexudus')).toBeTruthy();
    expect(screen.getAllByRole('heading', { level: 2 })[0]?.textContent).toBe('Nexudus connection');
    const table = within(section.getByRole('table', { name: 'Requests to Nexudus' }));
    const rows = table.getAllByRole('row').map((row) => Array.from(row.querySelectorAll('th, td'), (cell) => cell.textContent));
    expect(rows).toEqual([
      ['Period', 'Requests', 'Used'],
      ['Last minute', 'All methods', '3 of 120'],
      ['Last hour', 'All methods', '41 of 5,000'],
      ['Last day', 'All methods', '1,250 of 200,000'],
      ['Last minute', 'Writes', '1 of 60'],
      ['Last day', 'Writes', '310 of 2,500'],
    ]);
    expect(section.queryByText(/Paused for/)).toBeNull();
    expect(section.queryByText(/Throttled/)).toBeNull();
  });

  it('warns when the server is signed out of Nexudus, with its advice, the pause and the throttling', async () => {
    const message = 'Nexudus no longer accepts the gateway’s user for this request: check its roles.';
    const upstream = buildUpstreamStatus({
      state: 'signed-out',
      message,
      budget: {
        all: [{ points: 120, seconds: 60, used: 120 }],
        writes: [{ points: 60, seconds: 300, used: 7 }],
        pausedForSeconds: 42,
        throttledCount: 3,
      },
    });
    renderScreen(<AdminPage />, { handler: fakeGateway([], upstream).handler });
    const section = within(await screen.findByRole('region', { name: 'Nexudus connection' }));
    const notice = within(await section.findByRole('alert'));
    expect(notice.getByText('Signed out of Nexudus')).toBeTruthy();
    expect(notice.getByText(message)).toBeTruthy();
    expect(notice.getByText(/^Since \d{2}:\d{2}/)).toBeTruthy();
    const table = within(section.getByRole('table', { name: 'Requests to Nexudus' }));
    expect(table.getByRole('row', { name: 'Last minute All methods 120 of 120' })).toBeTruthy();
    expect(table.getByRole('row', { name: 'Last 300 s Writes 7 of 60' })).toBeTruthy();
    expect(section.getByText('Paused for 42 s')).toBeTruthy();
    expect(section.getByText('Throttled 3 times')).toBeTruthy();
  });

  it('shows no request table for the built-in Nexudus', async () => {
    const upstream = buildUpstreamStatus({ mode: 'embedded', budget: null });
    renderScreen(<AdminPage />, { handler: fakeGateway([], upstream).handler });
    const section = within(await screen.findByRole('region', { name: 'Nexudus connection' }));
    expect(await section.findByText('Built-in Nexudus (demo)')).toBeTruthy();
    expect(section.queryByRole('table')).toBeNull();
  });
});
