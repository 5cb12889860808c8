import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DeviceInfo, Lockout } from '../../../contract/kiosk-api';
import type { Language } from '../../lib/messages';
import { buildLockout, LONDON, renderScreen } from '../../testing/render';
import { StaffScreen } from './staff-screen';

const device: DeviceInfo = { id: 1, name: 'Front desk', location: LONDON };

function openPanel(lockouts: Lockout[], language: Language = 'en') {
  renderScreen(<StaffScreen device={device} onClose={vi.fn()} />, {
    language,
    handler: (path) => (path === '/device/staff-check' ? { status: 200, body: { lockouts } } : { status: 404, body: null }),
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
      buildLockout({ id: 'staff-pin:tablet:9', kind: 'staff-pin', scope: 'tablet', label: 'Side door', lockedUntil: '2026-11-24T09:00:00.000Z' }),
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
    openPanel([buildLockout({ kind: 'charge-pin', scope: 'member', label: 'Amélie Laurent' })], 'de');
    expect(await screen.findByText('Mitglieds-PIN vor einer Berechnung für Mitglied Amélie Laurent — gesperrt bis 14:32')).toBeTruthy();
  });
});
