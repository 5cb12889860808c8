import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Lockout, MirrorSyncState, UpstreamStatus } from '../../../contract/kiosk-api';
import { buildLockout, buildSyncState, buildUpstreamStatus, renderScreen } from '../../testing/render';
import { AdminPage } from './admin-page';

const LOCATIONS = [
  { id: 2, name: 'London Shoreditch', timeZone: 'Europe/London', currency: 'GBP' },
  { id: 3, name: 'Berlin Mitte', timeZone: 'Europe/Berlin', currency: 'EUR' },
];
const unauthorized = { status: 401, body: { error: { code: 'UNAUTHORIZED', message: 'Sign in again.' } } };

/**
 * The admin API as the gateway answers it: staff sessions by token, the lockouts in force, the connection to Nexudus,
 * and its mirror of each location. "Sync now" reads `members[businessId]` from Nexudus, or fails with `syncFails` (kept
 * in the location's state, as the gateway does).
 */
function fakeGateway(
  options: {
    lockouts?: Lockout[];
    upstream?: UpstreamStatus;
    sync?: MirrorSyncState[];
    members?: Record<number, number>;
    syncFails?: string;
  } = {},
) {
  const { upstream = buildUpstreamStatus(), members = {}, syncFails } = options;
  const state = { sessions: new Set(['token-1']), lockouts: options.lockouts ?? [], sync: options.sync ?? [] };
  const handler = (path: string, init: RequestInit | undefined) => {
    const method = init?.method ?? 'GET';
    const token = new Headers(init?.headers).get('authorization')?.replace('Bearer ', '') ?? '';
    if (path === '/admin/session' && method === 'DELETE') return state.sessions.delete(token) ? { status: 204, body: null } : unauthorized;
    if (!state.sessions.has(token)) return unauthorized;
    if (path === '/admin/locations') return { status: 200, body: LOCATIONS };
    if (path === '/admin/devices') return { status: 200, body: [] };
    if (path === '/admin/lockouts') return { status: 200, body: state.lockouts };
    if (path === '/admin/upstream') return { status: 200, body: upstream };
    if (path === '/admin/sync' && method === 'GET') return { status: 200, body: state.sync };
    if (path === '/admin/sync' && method === 'POST') {
      const { businessId } = JSON.parse(String(init?.body)) as { businessId: number };
      const at = new Date().toISOString();
      const update = (change: Partial<MirrorSyncState>) =>
        (state.sync = state.sync.map((s) => (s.businessId === businessId ? { ...s, ...change } : s)));
      if (syncFails) {
        update({ lastError: syncFails, lastErrorAt: at });
        return { status: 503, body: { error: { code: 'UPSTREAM_UNAVAILABLE', message: syncFails } } };
      }
      update({ records: members[businessId] ?? 0, fullAt: at, syncedAt: at, lastError: null, lastErrorAt: null });
      return { status: 200, body: state.sync };
    }
    if (path === '/admin/lockouts/clear' && method === 'POST') {
      const { id } = JSON.parse(String(init?.body)) as { id: string };
      state.lockouts = state.lockouts.filter((l) => l.id !== id);
      return { status: 204, body: null };
    }
    return { status: 404, body: { error: { code: 'NOT_FOUND', message: 'Not found.' } } };
  };
  return { state, handler };
}

const cells = (row: HTMLElement) => Array.from(row.querySelectorAll('th, td'), (cell) => cell.textContent);

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
    const gateway = fakeGateway({
      lockouts: [
        buildLockout(),
        buildLockout({ id: 'password:client:x', kind: 'password', scope: 'client', label: 'sign-ins from 203.0.113.7', businessId: null }),
      ],
    });
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
    expect(table.getAllByRole('row').map(cells)).toEqual([
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
    renderScreen(<AdminPage />, { handler: fakeGateway({ upstream }).handler });
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
    renderScreen(<AdminPage />, { handler: fakeGateway({ upstream }).handler });
    const section = within(await screen.findByRole('region', { name: 'Nexudus connection' }));
    expect(await section.findByText('Built-in Nexudus (demo)')).toBeTruthy();
    expect(section.queryByRole('table')).toBeNull();
  });

  it('lists each location’s members in the mirror, and a failed sync with the server’s reason and when', async () => {
    const reason = '/api/spaces/coworkers has more than 50000 records; Tapdesk reads at most that many';
    const sync = [
      buildSyncState(),
      buildSyncState({
        businessId: 3,
        name: 'Berlin Mitte',
        records: 50_000,
        syncedAt: '2026-11-23T13:20:00.000Z',
        lastError: reason,
        lastErrorAt: '2026-11-23T13:50:00.000Z',
      }),
    ];
    renderScreen(<AdminPage />, { handler: fakeGateway({ sync }).handler });
    const section = within(await screen.findByRole('region', { name: 'Member lists from Nexudus' }));
    const table = within(await section.findByRole('table', { name: 'Member lists from Nexudus' }));
    expect(cells(table.getAllByRole('row')[0]!)).toEqual(['Location', 'Members', 'Last synced', 'Last full sync', 'Status', 'Actions']);

    const london = table.getByRole('row', { name: /London Shoreditch/ });
    expect(cells(london).slice(0, 5)).toEqual([
      'London Shoreditch',
      '1,234',
      '3 min ago',
      expect.stringMatching(/^06:00 \S+$/),
      'Up to date',
    ]);
    expect(within(london).getByRole('button', { name: 'Sync now: London Shoreditch' })).toBeTruthy();

    const berlin = within(table.getByRole('row', { name: /Berlin Mitte/ }));
    expect(berlin.getByRole('rowheader').textContent).toBe('Berlin Mitte');
    expect(berlin.getByText('50,000')).toBeTruthy();
    expect(berlin.getByText('40 min ago')).toBeTruthy();
    expect(berlin.getByText('Sync failed')).toBeTruthy();
    expect(berlin.getByText(reason).getAttribute('lang')).toBe('en');
    expect(berlin.getByText(/^Failed at 13:50 \S+$/)).toBeTruthy();
    expect(berlin.queryByText('Up to date')).toBeNull();
  });

  it('syncs a location now: the button waits, then the table shows the new count', async () => {
    const gateway = fakeGateway({
      sync: [buildSyncState(), buildSyncState({ businessId: 3, name: 'Berlin Mitte' })],
      members: { 2: 1_301 },
    });
    let answer = () => {};
    const held = new Promise<void>((resolve) => (answer = resolve));
    const { calls } = renderScreen(<AdminPage />, {
      handler: async (path, init) => {
        if (path === '/admin/sync' && init?.method === 'POST') await held;
        return gateway.handler(path, init);
      },
    });
    const table = within(await screen.findByRole('table', { name: 'Member lists from Nexudus' }));
    fireEvent.click(table.getByRole('button', { name: 'Sync now: London Shoreditch' }));

    const waiting = await table.findByRole('button', { name: 'Syncing…: London Shoreditch' });
    expect(waiting.textContent).toBe('Syncing…');
    expect((waiting as HTMLButtonElement).disabled).toBe(true);
    expect(table.getByRole('button', { name: 'Sync now: Berlin Mitte' })).toHaveProperty('disabled', false);
    expect(calls.filter((c) => c.path === '/admin/sync' && c.body !== undefined).map((c) => c.body)).toEqual([{ businessId: 2 }]);

    answer();
    const london = within(table.getByRole('row', { name: /London Shoreditch/ }));
    expect(await london.findByText('1,301')).toBeTruthy();
    expect(london.getAllByText('0 min ago')).toHaveLength(2);
    expect(london.getByRole('button', { name: 'Sync now: London Shoreditch' })).toHaveProperty('disabled', false);
    expect(within(table.getByRole('row', { name: /Berlin Mitte/ })).getByText('1,234')).toBeTruthy();
    expect(screen.getByText('London Shoreditch synced: 1,301 members.')).toBeTruthy();
  });

  it('shows in its row why a sync failed, and the failure the server keeps', async () => {
    const reason = 'Nexudus cannot be reached. Tapdesk will try again.';
    renderScreen(<AdminPage />, { handler: fakeGateway({ sync: [buildSyncState()], syncFails: reason }).handler });
    const table = within(await screen.findByRole('table', { name: 'Member lists from Nexudus' }));
    fireEvent.click(table.getByRole('button', { name: 'Sync now: London Shoreditch' }));
    const london = within(table.getByRole('row', { name: /London Shoreditch/ }));
    const alert = await london.findByRole('alert');
    expect(alert.textContent).toBe(reason);
    expect(alert.getAttribute('lang')).toBe('en');
    expect(await london.findByText('Sync failed')).toBeTruthy();
    expect(london.getByText('1,234')).toBeTruthy();
  });

  it('says when no location is synced yet', async () => {
    renderScreen(<AdminPage />, { handler: fakeGateway().handler });
    const section = within(await screen.findByRole('region', { name: 'Member lists from Nexudus' }));
    expect(await section.findByText('No location synced yet — pair a tablet first.')).toBeTruthy();
    expect(section.queryByRole('table')).toBeNull();
  });

  it('formats the member lists in German', async () => {
    renderScreen(<AdminPage />, { handler: fakeGateway({ sync: [buildSyncState()] }).handler, language: 'de' });
    const table = within(await screen.findByRole('table', { name: 'Mitgliederlisten aus Nexudus' }));
    const london = table.getByRole('row', { name: /London Shoreditch/ });
    expect(cells(london).slice(0, 5)).toEqual([
      'London Shoreditch',
      '1.234',
      'vor 3 Min.',
      expect.stringMatching(/^06:00 \S+$/),
      'Aktuell',
    ]);
    expect(within(london).getByRole('button', { name: 'Jetzt synchronisieren: London Shoreditch' })).toBeTruthy();
  });
});
