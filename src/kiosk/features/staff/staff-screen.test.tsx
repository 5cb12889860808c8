import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DeviceInfo, Lockout, UpstreamStatus } from '../../../contract/kiosk-api';
import type { Language } from '../../lib/messages';
import { buildLockout, buildUpstreamStatus, LONDON, renderScreen } from '../../testing/render';
import { StaffScreen } from './staff-screen';

const device: DeviceInfo = { id: 1, name: 'Front desk', location: LONDON };

/** Enters the right staff PIN; the server answers the lockouts here and its connection to Nexudus. */
function openPanel(lockouts: Lockout[], options: { language?: Language; upstream?: UpstreamStatus } = {}) {
  const { language = 'en', upstream = buildUpstreamStatus() } = options;
  renderScreen(<StaffScreen device={device} onClose={vi.fn()} />, {
    language,
    handler: (path) => (path === '/device/staff-check' ? { status: 200, body: { lockouts, upstream } } : { status: 404, body: null }),
  });
  fireEvent.change(screen.getByLabelText(language === 'en' ? 'Staff PIN' : 'Personal-PIN', { selector: 'input' }), {
    target: { value: '2468' },
  });
  fireEvent.click(screen.getByRole('button', { name: 'OK' }));
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
});
