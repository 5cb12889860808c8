import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DeviceInfo, Lockout, UpstreamStatus } from '../../../contract/kiosk-api';
import type { OnSite } from '../../../contract/visitors-api';
import type { Language } from '../../lib/messages';
import { buildLockout, buildUpstreamStatus, LONDON, renderScreen } from '../../testing/render';
import { StaffScreen } from './staff-screen';

const device: DeviceInfo = { id: 1, name: 'Front desk', location: LONDON };

const ON_SITE: OnSite = {
  businessId: 2,
  locationName: 'London Shoreditch',
  at: '2026-11-23T13:58:00.000Z',
  members: [{ id: 1, name: 'Amélie Laurent', company: 'Lumen Studio', since: '2026-11-23T09:02:00.000Z' }],
  visitors: [{ id: 9, name: 'Grace Hopper', company: null, hostName: 'Ana María Gómez', since: '2026-11-23T13:40:00.000Z' }],
};
type Answer = { status: number; body: unknown };

/** Enters the right staff PIN; the server answers the lockouts here and its connection to Nexudus. */
function openPanel(lockouts: Lockout[], options: { language?: Language; upstream?: UpstreamStatus; onSite?: () => Answer } = {}) {
  const { language = 'en', upstream = buildUpstreamStatus(), onSite } = options;
  const utils = renderScreen(<StaffScreen device={device} onClose={vi.fn()} />, {
    language,
    handler: (path, init) => {
      if (path === '/device/staff-check') return { status: 200, body: { lockouts, upstream } };
      if (path === '/device/on-site' && onSite) {
        const { staffPin } = JSON.parse(String(init?.body)) as { staffPin: string };
        return staffPin === '2468'
          ? onSite()
          : { status: 404, body: { error: { code: 'UNKNOWN_CREDENTIAL', message: 'That staff PIN is not right.' } } };
      }
      return { status: 404, body: null };
    },
  });
  fireEvent.change(screen.getByLabelText(language === 'en' ? 'Staff PIN' : 'Personal-PIN', { selector: 'input' }), {
    target: { value: '2468' },
  });
  fireEvent.click(screen.getByRole('button', { name: 'OK' }));
  return utils;
}

describe('StaffScreen', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-23T14:00:00.000Z'));
  });
  afterEach(() => vi.useRealTimers());

  it('lists the lockouts in force at this location once the staff PIN is right', async () => {
    openPanel([
      buildLockout(),
      buildLockout({
        id: 'staff-pin:tablet:9',
        kind: 'staff-pin',
        scope: 'tablet',
        label: 'Side door',
        lockedUntil: '2026-11-24T09:00:00.000Z',
      }),
    ]);
    const section = within(await screen.findByRole('region', { name: 'Lockouts' }));
    expect(section.getByText('Member PIN and card entry at this location — locked until 14:32')).toBeTruthy();
    expect(section.getByText('Staff PIN entry on the tablet Side door — locked until 24 Nov, 09:00')).toBeTruthy();
  });

  it('says so when nothing is locked', async () => {
    openPanel([]);
    expect(await screen.findByText('No lockouts')).toBeTruthy();
    expect(screen.queryByRole('list')).toBeNull();
  });

  it('words the lockouts in the visit’s language', async () => {
    openPanel([buildLockout({ kind: 'charge-pin', scope: 'member', label: 'Amélie Laurent' })], { language: 'de' });
    expect(await screen.findByText('Mitglieds-PIN vor einer Berechnung für Mitglied Amélie Laurent — gesperrt bis 14:32')).toBeTruthy();
  });

  it('says the server is signed in to Nexudus, and since when, without a notice', async () => {
    openPanel([]);
    const section = within(await screen.findByRole('region', { name: 'Connection to Nexudus' }));
    expect(section.getByText('Signed in to Nexudus')).toBeTruthy();
    expect(section.getByText('Since 13:55')).toBeTruthy();
    expect(section.queryByRole('alert')).toBeNull();
    expect(section.queryByRole('status')).toBeNull();
  });

  it('calls the embedded upstream the built-in demo Nexudus', async () => {
    openPanel([], { upstream: buildUpstreamStatus({ mode: 'embedded', budget: null }) });
    const section = within(await screen.findByRole('region', { name: 'Connection to Nexudus' }));
    expect(section.getByText('Built-in Nexudus (demo)')).toBeTruthy();
  });

  it('warns that the server is signed out of Nexudus and shows the server’s advice as it is', async () => {
    const message = 'Nexudus refused the gateway’s user: check NEXUDUS_USERNAME and NEXUDUS_PASSWORD, then restart the server.';
    openPanel([], { upstream: buildUpstreamStatus({ state: 'signed-out', since: '2026-11-23T13:40:00.000Z', message }) });
    const section = within(await screen.findByRole('region', { name: 'Connection to Nexudus' }));
    const notice = within(section.getByRole('alert'));
    expect(notice.getByText('Signed out of Nexudus')).toBeTruthy();
    expect(notice.getByText(message)).toBeTruthy();
    expect(notice.getByText('Since 13:40')).toBeTruthy();
  });

  it('words the connection in the visit’s language and keeps the server’s message in English', async () => {
    const message = 'Nexudus cannot be reached. Tablets keep check-ins in their outbox and send them when it is back.';
    openPanel([], { language: 'de', upstream: buildUpstreamStatus({ state: 'unreachable', message }) });
    const section = within(await screen.findByRole('region', { name: 'Verbindung zu Nexudus' }));
    const notice = within(section.getByRole('status'));
    expect(notice.getByText('Nexudus ist nicht erreichbar')).toBeTruthy();
    expect(notice.getByText(message).getAttribute('lang')).toBe('en');
    expect(notice.getByText('Seit 13:55')).toBeTruthy();
  });

  it('shows who is in now, asked with the staff PIN that opened the panel', async () => {
    const { calls } = openPanel([], { onSite: () => ({ status: 200, body: ON_SITE }) });
    fireEvent.click(await screen.findByRole('button', { name: 'Who is in now' }));
    const table = within(await screen.findByRole('table', { name: 'Who is in now' }));
    expect(table.getByRole('rowheader', { name: 'Amélie Laurent' })).toBeTruthy();
    expect(within(table.getByRole('row', { name: /Grace Hopper/ })).getByText('Ana María Gómez')).toBeTruthy();
    expect(screen.getByText(/1 member, 1 visitor/)).toBeTruthy();
    expect(screen.getByText('as of 13:58')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Print roll-call' })).toBeTruthy();
    expect(calls.find((c) => c.path === '/device/on-site')?.body).toEqual({ staffPin: '2468' });
  });

  it('says who is in needs a connection when the server cannot be reached', async () => {
    openPanel([], {
      onSite: () => {
        throw new TypeError('Failed to fetch');
      },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Who is in now' }));
    expect(await screen.findByText('Who is in needs a connection right now.')).toBeTruthy();
    expect(screen.queryByRole('table', { name: 'Who is in now' })).toBeNull();
  });
});
