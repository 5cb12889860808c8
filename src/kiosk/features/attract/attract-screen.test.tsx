import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { LONDON, renderScreen } from '../../testing/render';
import { AttractScreen } from './attract-screen';

describe('AttractScreen', () => {
  it('shows the location, switches language for the visit, and starts', () => {
    const onStart = vi.fn();
    renderScreen(<AttractScreen location={LONDON} pending={0} onStart={onStart} onStaff={vi.fn()} />);
    expect(screen.getByText('London Shoreditch')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Deutsch' }));
    fireEvent.click(screen.getByRole('button', { name: 'Ein- / Auschecken' }));
    expect(onStart).toHaveBeenCalled();
  });

  it('shows how many check-ins wait to be sent', () => {
    renderScreen(<AttractScreen location={LONDON} pending={3} onStart={vi.fn()} onStaff={vi.fn()} />);
    expect(screen.getByText('3 check-ins waiting to send')).toBeTruthy();
  });
});
