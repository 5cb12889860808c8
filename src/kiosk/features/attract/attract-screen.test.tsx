import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { LONDON, renderScreen } from '../../testing/render';
import { AttractScreen } from './attract-screen';

describe('AttractScreen', () => {
  it('shows the location, switches language for the visit, and starts', () => {
    const onStart = vi.fn();
    const onVisit = vi.fn();
    renderScreen(<AttractScreen location={LONDON} pending={0} onStart={onStart} onVisit={onVisit} onStaff={vi.fn()} />);
    expect(screen.getByText('London Shoreditch')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Deutsch' }));
    fireEvent.click(screen.getByRole('button', { name: 'Ein- / Auschecken' }));
    expect(onStart).toHaveBeenCalled();
    expect(onVisit).not.toHaveBeenCalled();
  });

  it('offers visitors their own way in beside the members’ button', () => {
    const onStart = vi.fn();
    const onVisit = vi.fn();
    renderScreen(<AttractScreen location={LONDON} pending={0} onStart={onStart} onVisit={onVisit} onStaff={vi.fn()} />);
    const member = screen.getByRole('button', { name: 'Check in / out' });
    const visitor = screen.getByRole('button', { name: "I'm visiting" });
    expect(visitor.parentElement).toBe(member.parentElement);
    fireEvent.click(visitor);
    expect(onVisit).toHaveBeenCalled();
    expect(onStart).not.toHaveBeenCalled();
  });

  it('shows how many check-ins wait to be sent', () => {
    renderScreen(<AttractScreen location={LONDON} pending={3} onStart={vi.fn()} onVisit={vi.fn()} onStaff={vi.fn()} />);
    expect(screen.getByText('3 check-ins waiting to send')).toBeTruthy();
  });
});
