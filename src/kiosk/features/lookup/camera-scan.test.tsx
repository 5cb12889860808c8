import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderScreen } from '../../testing/render';
import { CameraScanButton } from './camera-scan';

afterEach(() => vi.unstubAllGlobals());

describe('CameraScanButton', () => {
  it('is absent where the browser cannot read QR codes', () => {
    renderScreen(<CameraScanButton onScan={vi.fn()} />);
    expect(screen.queryByRole('button', { name: 'Scan a QR code' })).toBeNull();
  });

  it('reads a QR code from the camera and hands its value on', async () => {
    const stop = vi.fn();
    vi.stubGlobal(
      'BarcodeDetector',
      class {
        detect = async () => [{ rawValue: 'CARD-AMELIE' }];
      },
    );
    Object.defineProperty(navigator, 'mediaDevices', {
      configurable: true,
      value: { getUserMedia: async () => ({ getTracks: () => [{ stop }] }) },
    });
    vi.spyOn(HTMLMediaElement.prototype, 'play').mockResolvedValue(undefined);
    const onScan = vi.fn();
    renderScreen(<CameraScanButton onScan={onScan} />);
    fireEvent.click(screen.getByRole('button', { name: 'Scan a QR code' }));
    await waitFor(() => expect(onScan).toHaveBeenCalledWith('CARD-AMELIE'));
    await waitFor(() => expect(stop).toHaveBeenCalled());
  });
});
