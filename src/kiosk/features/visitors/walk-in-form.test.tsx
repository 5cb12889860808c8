import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { WalkInStatus } from '../../../contract/visitors-api';
import { renderScreen } from '../../testing/render';
import { WalkInForm, type HostSearchSlot } from './walk-in-form';

const WAITING: WalkInStatus = { clientId: 'x', visitorId: 41, outcome: 'waiting', hostFirstName: 'Ana', notice: 'email' };

/** Stands in for the lookup's host search (app/ composes the real one): one member to choose. */
function FakeHostSearch({ chosen, onChoose, error }: HostSearchSlot) {
  return (
    <div>
      {chosen ? (
        <p>Visiting {chosen.name}</p>
      ) : (
        <button type="button" onClick={() => onChoose({ id: 12, name: 'Ana María Gómez' })}>
          Ana María Gómez
        </button>
      )}
      {error ? <p>{error}</p> : null}
    </div>
  );
}

function show(
  options: { terms?: string; handler?: NonNullable<Parameters<typeof renderScreen>[1]>['handler']; language?: 'en' | 'de' } = {},
) {
  const onRegistered = vi.fn();
  const utils = renderScreen(
    <WalkInForm
      terms={options.terms}
      onBack={vi.fn()}
      onRegistered={onRegistered}
      renderHostSearch={(slot) => <FakeHostSearch {...slot} />}
    />,
    {
      handler: options.handler ?? ((path) => (path === '/visitors' ? { status: 200, body: WAITING } : { status: 404, body: null })),
      language: options.language,
    },
  );
  return { ...utils, onRegistered };
}

function fillIn() {
  fireEvent.change(screen.getByRole('textbox', { name: 'Full name' }), { target: { value: '  Grace Hopper ' } });
  fireEvent.change(screen.getByRole('textbox', { name: 'Email' }), { target: { value: 'grace@example.com' } });
  fireEvent.click(screen.getByRole('button', { name: 'Ana María Gómez' }));
  fireEvent.click(screen.getByRole('checkbox', { name: 'I accept the visitor terms' }));
}

describe('WalkInForm', () => {
  it('says what is missing next to each field and sends nothing', async () => {
    const { calls } = show();
    fireEvent.change(screen.getByRole('textbox', { name: 'Email' }), { target: { value: 'grace@' } });
    fireEvent.click(screen.getByRole('button', { name: "Let them know I'm here" }));
    const name = screen.getByRole('textbox', { name: 'Full name' });
    const nameError = await screen.findByText('Please enter your full name.');
    expect(name.getAttribute('aria-describedby')).toBe(nameError.id);
    expect(name.getAttribute('aria-invalid')).toBe('true');
    const emailError = screen.getByText('Please enter an email address such as name@example.com.');
    expect(screen.getByRole('textbox', { name: 'Email' }).getAttribute('aria-describedby')).toBe(emailError.id);
    expect(screen.getByText("Choose who you're visiting.")).toBeTruthy();
    const termsError = screen.getByText('Please accept the visitor terms to continue.');
    expect(screen.getByRole('checkbox', { name: 'I accept the visitor terms' }).getAttribute('aria-describedby')).toBe(termsError.id);
    expect(calls).toHaveLength(0);
  });

  it('words the checks in the visit’s language', async () => {
    show({ language: 'de' });
    fireEvent.click(screen.getByRole('button', { name: 'Bescheid geben, dass ich da bin' }));
    expect(await screen.findByText('Bitte geben Sie Ihren vollständigen Namen ein.')).toBeTruthy();
    expect(screen.getByText('Bitte akzeptieren Sie die Besucherbedingungen, um fortzufahren.')).toBeTruthy();
  });

  it('registers the visitor with one client id, the chosen host and the accepted terms', async () => {
    const { calls, onRegistered } = show();
    fillIn();
    fireEvent.click(screen.getByRole('button', { name: "Let them know I'm here" }));
    await waitFor(() => expect(onRegistered).toHaveBeenCalledWith(WAITING, 'Grace Hopper', 'Ana María Gómez'));
    const sent = calls.find((c) => c.path === '/visitors')?.body as Record<string, unknown>;
    expect(sent).toEqual({
      clientId: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/),
      fullName: 'Grace Hopper',
      email: 'grace@example.com',
      hostId: 12,
      acceptedTerms: true,
      registeredAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
    });
  });

  it('shows the server’s refusal as a form error and sends the same client id again', async () => {
    let answer: { status: number; body: unknown } = {
      status: 400,
      body: { error: { code: 'VALIDATION', message: 'hostId: choose a member of this location' } },
    };
    const { calls, onRegistered } = show({ handler: (path) => (path === '/visitors' ? answer : { status: 404, body: null }) });
    fillIn();
    fireEvent.click(screen.getByRole('button', { name: "Let them know I'm here" }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('We could not register you.');
    expect(alert.textContent).toContain('hostId: choose a member of this location');
    expect(onRegistered).not.toHaveBeenCalled();

    answer = { status: 200, body: WAITING };
    fireEvent.click(screen.getByRole('button', { name: "Let them know I'm here" }));
    await waitFor(() => expect(onRegistered).toHaveBeenCalled());
    const ids = calls.filter((c) => c.path === '/visitors').map((c) => (c.body as { clientId: string }).clientId);
    expect(ids).toHaveLength(2);
    expect(ids[0]).toBe(ids[1]);
  });

  it('shows the location’s visitor terms, or a default where the tablet has none', () => {
    show({ terms: 'Wear your badge at all times.' });
    expect(screen.getByRole('region', { name: 'Visitor terms' }).textContent).toBe('Wear your badge at all times.');
  });

  it('falls back to default terms for a tablet paired before terms existed', () => {
    show();
    expect(screen.getByRole('region', { name: 'Visitor terms' }).textContent).toMatch(/^While you are here/);
  });
});
