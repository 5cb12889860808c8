import { fireEvent, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { renderScreen } from '../testing/render';
import { PinPad } from './pin-pad';

function Harness({ onSubmit }: { onSubmit: (pin: string) => void }) {
  const [pin, setPin] = useState('');
  return <PinPad label="PIN" value={pin} onChange={setPin} onSubmit={() => onSubmit(pin)} />;
}

describe('PinPad', () => {
  it('types with its keys, masks the digits and submits from four digits on', () => {
    const onSubmit = vi.fn();
    renderScreen(<Harness onSubmit={onSubmit} />);
    for (const d of '246') fireEvent.click(screen.getByRole('button', { name: d }));
    const ok = screen.getByRole('button', { name: 'OK' });
    expect(ok.hasAttribute('disabled')).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: '8' }));
    expect((screen.getByLabelText('PIN', { selector: 'input' }) as HTMLInputElement).type).toBe('password');
    fireEvent.click(ok);
    expect(onSubmit).toHaveBeenCalledWith('2468');
  });

  it('deletes the last digit and ignores letters typed on a keyboard', () => {
    renderScreen(<Harness onSubmit={vi.fn()} />);
    const input = screen.getByLabelText('PIN', { selector: 'input' }) as HTMLInputElement;
    fireEvent.change(input, { target: { value: '12a3' } });
    expect(input.value).toBe('123');
    fireEvent.click(screen.getByRole('button', { name: 'Delete last digit' }));
    expect(input.value).toBe('12');
  });
});
