import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { DeviceInfo } from '../../contract/kiosk-api';
import { buildStatus, LONDON, renderScreen } from '../testing/render';
import { Kiosk } from './kiosk';

const device: DeviceInfo = { id: 1, name: 'Front desk', location: LONDON };

// The first import of the visit's screens is compiled on the spot by the test runner: allow it time.
const LOAD = { timeout: 10_000 };

describe('Kiosk', { timeout: 15_000 }, () => {
  // First in the file: the visit's screens are not loaded yet when the member taps.
  it('keeps the attract screen up while the visit’s screens load, then shows the search', async () => {
    renderScreen(<Kiosk device={device} />);
    fireEvent.click(screen.getByRole('button', { name: 'Check in / out' }));
    expect(screen.getByRole('main')).toBeTruthy();
    expect(await screen.findByLabelText('Your name or company', undefined, LOAD)).toBeTruthy();
  });

  it('opens the member a card scanned on the attract screen names', async () => {
    renderScreen(<Kiosk device={device} />, {
      handler: (path) => {
        if (path === '/identify') return { status: 200, body: { coworkerId: 7, displayName: 'Amélie Laurent', identityToken: 'token' } };
        if (path === '/members/7/status') return { status: 200, body: buildStatus({ kind: 'inactive' }) };
        return { status: 503, body: { error: { code: 'UPSTREAM_UNAVAILABLE', message: 'down' } } };
      },
    });
    // A scanner's keys come milliseconds apart by their time stamps, however busy the machine running the test.
    vi.useFakeTimers({ toFake: ['Date'] });
    for (const key of [...'CARD-AMELIE', 'Enter']) fireEvent.keyDown(window, { key });
    vi.useRealTimers();
    expect(await screen.findByRole('heading', { name: 'Hello, Amélie' }, LOAD)).toBeTruthy();
    expect(await screen.findByText('Your account is not active. Please see the front desk.')).toBeTruthy();
  });
});
