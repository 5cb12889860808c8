import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderScreen } from '../../testing/render';
import { VisitorCodeResultScreen } from './visitor-code-result-screen';
import { VisitorCodeScreen, visitorCodeIn } from './visitor-code-screen';

const codes: Record<string, { status: number; body: unknown }> = {
  '482913': { status: 200, body: { action: 'checked-in', firstName: 'Grace', hostFirstName: 'Ana' } },
  '111222': {
    status: 409,
    body: { error: { code: 'NOT_APPROVED', message: 'Ana has not approved your visit yet. Please wait or see reception.' } },
  },
};
const handler = (path: string, init: RequestInit | undefined) => {
  if (path !== '/visitors/code') return { status: 404, body: null };
  const { code } = JSON.parse(String(init?.body)) as { code: string };
  return codes[code] ?? { status: 404, body: { error: { code: 'UNKNOWN_CREDENTIAL', message: 'We could not find that visitor code.' } } };
};

function typeCode(code: string) {
  const field = screen.getByRole('textbox', { name: 'Visitor code' });
  fireEvent.change(field, { target: { value: code } });
  fireEvent.click(screen.getByRole('button', { name: 'Check in / out' }));
  return field as HTMLInputElement;
}

describe('VisitorCodeScreen', () => {
  it('checks an expected visitor in with the code from their invitation', async () => {
    const onResult = vi.fn();
    const { calls } = renderScreen(<VisitorCodeScreen onResult={onResult} onBack={vi.fn()} />, { handler });
    const field = screen.getByRole('textbox', { name: 'Visitor code' });
    expect(field.getAttribute('inputmode')).toBe('numeric');
    expect(field.getAttribute('autocomplete')).toBe('off');
    typeCode('482913');
    await waitFor(() => expect(onResult).toHaveBeenCalledWith({ action: 'checked-in', firstName: 'Grace', hostFirstName: 'Ana' }));
    expect(calls.map((c) => c.body)).toEqual([{ code: '482913' }]);
  });

  it('says a wrong code was not found next to the field, which stays usable', async () => {
    const onResult = vi.fn();
    renderScreen(<VisitorCodeScreen onResult={onResult} onBack={vi.fn()} />, { handler });
    const field = typeCode('000000');
    const error = await screen.findByText("We couldn't find that visitor code.");
    expect(field.getAttribute('aria-describedby')).toBe(error.id);
    expect(field.disabled).toBe(false);
    expect(field.value).toBe('000000');
    expect(onResult).not.toHaveBeenCalled();

    typeCode('482913');
    await waitFor(() => expect(onResult).toHaveBeenCalled());
  });

  it('asks for six digits without sending anything shorter', async () => {
    const { calls } = renderScreen(<VisitorCodeScreen onResult={vi.fn()} onBack={vi.fn()} />, { handler });
    typeCode('4829');
    expect(await screen.findByText('The visitor code is 6 digits.')).toBeTruthy();
    expect(calls).toHaveLength(0);
  });

  it('shows the server’s own words when the host has not approved yet', async () => {
    renderScreen(<VisitorCodeScreen onResult={vi.fn()} onBack={vi.fn()} />, { handler, language: 'de' });
    fireEvent.change(screen.getByRole('textbox', { name: 'Besuchercode' }), { target: { value: '111222' } });
    fireEvent.click(screen.getByRole('button', { name: 'Ein- / Auschecken' }));
    const said = await screen.findByText('Ana has not approved your visit yet. Please wait or see reception.');
    expect(said.getAttribute('lang')).toBe('en');
  });
});

describe('VisitorCodeResultScreen', () => {
  it('welcomes the visitor, says their host knows, then returns to the start', () => {
    vi.useFakeTimers();
    try {
      const onDone = vi.fn();
      renderScreen(<VisitorCodeResultScreen result={{ action: 'checked-in', firstName: 'Grace', hostFirstName: 'Ana' }} onDone={onDone} />);
      expect(screen.getByRole('heading', { name: "Welcome, Grace — you're checked in" })).toBeTruthy();
      expect(screen.getByText("Ana knows you're here.")).toBeTruthy();
      act(() => vi.advanceTimersByTime(7_000));
      expect(onDone).not.toHaveBeenCalled();
      act(() => vi.advanceTimersByTime(1_000));
      expect(onDone).toHaveBeenCalled();
    } finally {
      vi.useRealTimers();
    }
  });

  it('says goodbye on the way out', () => {
    renderScreen(<VisitorCodeResultScreen result={{ action: 'checked-out', firstName: 'Grace', hostFirstName: 'Ana' }} onDone={vi.fn()} />);
    expect(screen.getByRole('heading', { name: "Goodbye, Grace — you're checked out" })).toBeTruthy();
    expect(screen.queryByText(/knows you're here/)).toBeNull();
  });
});

describe('visitorCodeIn', () => {
  it('reads the code from a QR payload that carries exactly one six-digit code', () => {
    expect(visitorCodeIn('482913')).toBe('482913');
    expect(visitorCodeIn(' 482913\n')).toBe('482913');
    expect(visitorCodeIn('https://spaces.nexudus.com/visit?code=482913')).toBe('482913');
    expect(visitorCodeIn('Visitor 2026 code 482913')).toBe('482913');
  });
  it('takes nothing from a payload that is not a visitor code', () => {
    expect(visitorCodeIn('')).toBeUndefined();
    expect(visitorCodeIn('12345')).toBeUndefined();
    expect(visitorCodeIn('1234567')).toBeUndefined();
    expect(visitorCodeIn('482913 and 111111')).toBeUndefined();
    expect(visitorCodeIn('card 04A1B2C3D4')).toBeUndefined();
  });
});
