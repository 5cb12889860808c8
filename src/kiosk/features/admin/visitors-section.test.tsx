import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { OnSiteSchema, PendingVisitorSchema, type OnSite, type PendingVisitor } from '../../../contract/visitors-api';
import { renderScreen } from '../../testing/render';
import { VisitorsSection } from './visitors-section';

const LOCATIONS = [
  { id: 2, name: 'London Shoreditch', timeZone: 'Europe/London', currency: 'GBP' },
  { id: 3, name: 'Berlin Mitte', timeZone: 'Europe/Berlin', currency: 'EUR' },
];
const DEVICE = {
  id: 1,
  name: 'Front desk',
  location: { id: 2, name: 'London Shoreditch' },
  pairedAt: '2026-11-23T08:00:00.000Z',
  lastSeenAt: null,
  revokedAt: null,
  outboxPending: 0,
  outboxRejected: 0,
  outboxOldestAt: null,
  appVersion: null,
  wakeLock: null,
};
const pendingVisitor = (overrides: Partial<PendingVisitor> = {}) =>
  PendingVisitorSchema.parse({
    visitorId: 41,
    businessId: 2,
    visitorName: 'Grace Hopper',
    companyName: 'Navy Labs',
    hostName: 'Ana María Gómez',
    requestedAt: '2026-11-23T13:52:00.000Z',
    notice: 'staff',
    ...overrides,
  });
const onSiteAt = (businessId: number, overrides: Partial<OnSite> = {}) =>
  OnSiteSchema.parse({
    businessId,
    locationName: LOCATIONS.find((l) => l.id === businessId)?.name,
    at: '2026-11-23T14:05:00.000Z',
    members: [
      { id: 1, name: 'Amélie Laurent', company: 'Lumen Studio', since: '2026-11-23T09:02:00.000Z' },
      { id: 4, name: 'Dmitri Ivanov', company: null, since: '2026-11-23T10:15:00.000Z' },
    ],
    visitors: [{ id: 9, name: 'Linus Pauling', company: 'Caltech', hostName: 'Dmitri Ivanov', since: '2026-11-23T13:40:00.000Z' }],
    ...overrides,
  });

/** The staff API for visitors: waiting walk-ins (answered ones leave the list) and who is in at each location. */
function fakeGateway(pending: PendingVisitor[]) {
  const state = { pending, answers: [] as { visitorId: number; answer: string }[] };
  const handler = (path: string, init: RequestInit | undefined) => {
    if (new Headers(init?.headers).get('authorization') !== 'Bearer token-1')
      return { status: 401, body: { error: { code: 'UNAUTHORIZED', message: 'Sign in again.' } } };
    if (path === '/admin/locations') return { status: 200, body: LOCATIONS };
    // One tablet, at London Shoreditch: who is in starts there.
    if (path === '/admin/devices') return { status: 200, body: [DEVICE] };
    if (path === '/admin/visitors/pending') return { status: 200, body: { visitors: state.pending } };
    const answered = /^\/admin\/visitors\/(\d+)\/answer$/.exec(path);
    if (answered && init?.method === 'POST') {
      const visitorId = Number(answered[1]);
      if (!state.pending.some((v) => v.visitorId === visitorId))
        return { status: 409, body: { error: { code: 'ALREADY_ANSWERED', message: 'This visitor has already been answered.' } } };
      const { answer } = JSON.parse(String(init.body)) as { answer: string };
      state.answers.push({ visitorId, answer });
      state.pending = state.pending.filter((v) => v.visitorId !== visitorId);
      return { status: 204, body: null };
    }
    const onSite = /^\/admin\/on-site\?location=(\d+)$/.exec(path);
    if (onSite) return { status: 200, body: onSiteAt(Number(onSite[1])) };
    return { status: 404, body: { error: { code: 'NOT_FOUND', message: 'Not found.' } } };
  };
  return { state, handler };
}

describe('VisitorsSection', () => {
  beforeEach(() => {
    sessionStorage.clear();
    sessionStorage.setItem('tapdesk.staff', 'token-1');
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-23T14:06:00.000Z'));
  });
  afterEach(() => vi.useRealTimers());

  it('lists walk-ins waiting for their host and says staff answer here without e-mail', async () => {
    renderScreen(<VisitorsSection />, { handler: fakeGateway([pendingVisitor()]).handler });
    const section = within(screen.getByRole('region', { name: 'Visitors' }));
    const table = within(await section.findByRole('table', { name: 'Waiting for their host' }));
    const row = within(table.getByRole('row', { name: /Grace Hopper/ }));
    expect(row.getByText('Navy Labs')).toBeTruthy();
    expect(row.getByText('Ana María Gómez')).toBeTruthy();
    expect(row.getByText('London Shoreditch')).toBeTruthy();
    expect(row.getByText('13:52 GMT')).toBeTruthy();
    expect(row.getByText('Not told — answer here')).toBeTruthy();
    expect(section.getByText(/no e-mail \(SMTP\) configured.*answer for them here/)).toBeTruthy();
  });

  it('answers for the host with each row’s buttons', async () => {
    const gateway = fakeGateway([pendingVisitor(), pendingVisitor({ visitorId: 42, visitorName: 'Ada Lovelace', notice: 'email' })]);
    renderScreen(<VisitorsSection />, { handler: gateway.handler });
    const table = within(await screen.findByRole('table', { name: 'Waiting for their host' }));
    const grace = within(table.getByRole('row', { name: /Grace Hopper/ }));
    expect(grace.getAllByRole('button').map((b) => b.textContent)).toEqual([
      'Approve — host collects',
      'Approve — send to desk',
      'Decline',
    ]);

    fireEvent.click(grace.getByRole('button', { name: 'Approve — send to desk: Grace Hopper' }));
    await waitFor(() => expect(screen.queryByRole('row', { name: /Grace Hopper/ })).toBeNull());
    expect(await screen.findByText('Grace Hopper answered.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Decline: Ada Lovelace' }));
    expect(await screen.findByText('Nobody is waiting for their host.')).toBeTruthy();
    expect(gateway.state.answers).toEqual([
      { visitorId: 41, answer: 'desk' },
      { visitorId: 42, answer: 'decline' },
    ]);
  });

  it('says so when someone answered first', async () => {
    const gateway = fakeGateway([pendingVisitor()]);
    renderScreen(<VisitorsSection />, { handler: gateway.handler });
    const button = await screen.findByRole('button', { name: 'Approve — host collects: Grace Hopper' });
    gateway.state.pending = [];
    fireEvent.click(button);
    expect(await screen.findByText('This visitor has already been answered.')).toBeTruthy();
    expect(gateway.state.answers).toEqual([]);
  });

  it('shows who is in now at the chosen location, with counts and the time it was read', async () => {
    const { calls } = renderScreen(<VisitorsSection />, { handler: fakeGateway([]).handler });
    const table = within(await screen.findByRole('table', { name: 'Who is in now' }));
    const rows = table.getAllByRole('row').map((row) => Array.from(row.querySelectorAll('th, td'), (cell) => cell.textContent));
    expect(rows).toEqual([
      ['Name', 'Kind', 'Company', 'Host', 'Since'],
      ['Amélie Laurent', 'Member', 'Lumen Studio', '—', '09:02'],
      ['Dmitri Ivanov', 'Member', '—', '—', '10:15'],
      ['Linus Pauling', 'Visitor', 'Caltech', 'Dmitri Ivanov', '13:40'],
    ]);
    expect(screen.getByText(/2 members, 1 visitor/)).toBeTruthy();
    expect(screen.getByText('as of 14:05')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Download CSV' })).toBeTruthy();

    fireEvent.change(screen.getByLabelText('Show who is in at'), { target: { value: '3' } });
    // Berlin's list, its time read in Berlin's zone.
    expect(await screen.findByText('as of 15:05')).toBeTruthy();
    expect(screen.getByText('Berlin Mitte', { selector: 'span' })).toBeTruthy();
    expect(calls.map((c) => c.path)).toContain('/admin/on-site?location=3');
  });

  it('prints the roll-call', async () => {
    const print = vi.fn();
    vi.stubGlobal('print', print);
    renderScreen(<VisitorsSection />, { handler: fakeGateway([]).handler });
    fireEvent.click(await screen.findByRole('button', { name: 'Print roll-call' }));
    expect(print).toHaveBeenCalled();
    vi.unstubAllGlobals();
  });
});
