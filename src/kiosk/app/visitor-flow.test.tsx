import { act, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DeviceInfo, Directory } from '../../contract/kiosk-api';
import type { WalkInStatus } from '../../contract/visitors-api';
import { LONDON, renderScreen } from '../testing/render';
import { IDLE_MS, Kiosk, WALK_IN_WAIT_MS } from './kiosk';
// Loaded up front: the lazy screens then resolve at once, under the test's clock.
import './visitor-screens';

const device: DeviceInfo = { id: 1, name: 'Front desk', location: { ...LONDON, visitorTerms: 'Wear your visitor badge at all times.' } };
const DIRECTORY: Directory = {
  location: LONDON,
  version: 'flow-1',
  generatedAt: '2026-11-23T09:00:00.000Z',
  members: [
    { id: 12, displayName: 'Ana María Gómez', initials: 'AG', company: 'Lumen Studio', photoUrl: null, hasPin: true, hasCard: false },
    { id: 14, displayName: 'Bruno Díaz', initials: 'BD', company: null, photoUrl: null, hasPin: true, hasCard: false },
  ],
};
const LOAD = { timeout: 10_000 };

/** The gateway: the directory, a walk-in registered as waiting, and its status answered from `outcomes` in turn. */
function gateway(outcomes: WalkInStatus['outcome'][]) {
  let clientId = '';
  let polls = 0;
  const status = (outcome: WalkInStatus['outcome']): WalkInStatus => ({
    clientId,
    visitorId: 41,
    outcome,
    hostFirstName: 'Ana',
    notice: 'email',
  });
  return (path: string, init: RequestInit | undefined) => {
    if (path === '/directory') return { status: 200, body: DIRECTORY };
    if (path === '/visitors' && init?.method === 'POST') {
      clientId = (JSON.parse(String(init.body)) as { clientId: string }).clientId;
      return { status: 200, body: status('waiting') };
    }
    if (clientId && path === `/visitors/${clientId}`) {
      polls += 1;
      return { status: 200, body: status(outcomes[Math.min(polls - 1, outcomes.length - 1)] ?? 'waiting') };
    }
    return { status: 503, body: { error: { code: 'UPSTREAM_UNAVAILABLE', message: 'down' } } };
  };
}

async function openWalkIn() {
  fireEvent.click(screen.getByRole('button', { name: "I'm visiting" }));
  fireEvent.click(await screen.findByRole('button', { name: 'Register as a walk-in' }, LOAD));
  return screen.findByRole('textbox', { name: 'Full name' }, LOAD);
}

async function registerGrace() {
  fireEvent.change(await openWalkIn(), { target: { value: 'Grace Hopper' } });
  fireEvent.change(screen.getByRole('textbox', { name: 'Email' }), { target: { value: 'grace@example.com' } });
  fireEvent.change(screen.getByRole('textbox', { name: 'Company (optional)' }), { target: { value: 'Navy Labs' } });
  fireEvent.change(screen.getByRole('textbox', { name: 'Who are you visiting?' }), { target: { value: 'ana' } });
  fireEvent.click(await screen.findByRole('button', { name: 'Ana María Gómez' }));
  fireEvent.click(screen.getByRole('checkbox', { name: 'I accept the visitor terms' }));
  fireEvent.click(screen.getByRole('button', { name: "Let them know I'm here" }));
  return screen.findByText("We've told Ana you're here");
}

const elapse = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms));

beforeEach(() => vi.useFakeTimers({ shouldAdvanceTime: true }));
afterEach(() => vi.useRealTimers());

describe('A visitor at the kiosk', { timeout: 20_000 }, () => {
  it('registers as a walk-in, waits, and is told the host is coming; then the kiosk rests again', async () => {
    const { calls } = renderScreen(<Kiosk device={device} />, { handler: gateway(['waiting', 'collect']) });
    await openWalkIn();
    expect(screen.getByRole('heading', { name: 'Register as a walk-in' })).toBe(document.activeElement);
    expect(screen.getByRole('region', { name: 'Visitor terms' }).textContent).toBe('Wear your visitor badge at all times.');
    fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    expect(await screen.findByRole('heading', { name: 'Welcome, visitor' })).toBe(document.activeElement);
    fireEvent.click(screen.getByRole('button', { name: 'Back' }));

    await registerGrace();
    expect(screen.getByRole('heading', { name: 'Thank you, Grace' })).toBe(document.activeElement);
    expect(calls.find((c) => c.path === '/visitors')?.body).toMatchObject({
      fullName: 'Grace Hopper',
      email: 'grace@example.com',
      companyName: 'Navy Labs',
      hostId: 12,
      acceptedTerms: true,
    });

    await elapse(3_000);
    expect(screen.getByText("We've told Ana you're here")).toBeTruthy();
    await elapse(3_000);
    expect(await screen.findByText('Ana is on the way to collect you')).toBeTruthy();
    await elapse(8_000);
    expect(await screen.findByRole('button', { name: "I'm visiting" })).toBeTruthy();
  });

  it('stops waiting after three minutes without an answer, says reception can see the request, and leaves', async () => {
    renderScreen(<Kiosk device={device} />, { handler: gateway(['waiting']) });
    await registerGrace();
    await elapse(IDLE_MS + 1_000);
    expect(screen.getByText("We've told Ana you're here")).toBeTruthy();
    await elapse(WALK_IN_WAIT_MS - IDLE_MS);
    expect(await screen.findByText('Reception can see your request. Please ask at reception.')).toBeTruthy();
    await elapse(8_000);
    expect(await screen.findByRole('button', { name: "I'm visiting" })).toBeTruthy();
  });

  it('forgets what a visitor typed when they walk away', async () => {
    renderScreen(<Kiosk device={device} />, { handler: gateway(['waiting']) });
    fireEvent.change(await openWalkIn(), { target: { value: 'Grace Hopper' } });
    await elapse(IDLE_MS);
    expect(await screen.findByRole('button', { name: "I'm visiting" })).toBeTruthy();
    const field = await openWalkIn();
    expect((field as HTMLInputElement).value).toBe('');
  });

  it('checks an expected visitor in with their code from the start screen', async () => {
    renderScreen(<Kiosk device={device} />, {
      handler: (path) =>
        path === '/visitors/code'
          ? { status: 200, body: { action: 'checked-in', firstName: 'Grace', hostFirstName: 'Ana' } }
          : { status: 404, body: null },
    });
    fireEvent.click(screen.getByRole('button', { name: "I'm visiting" }));
    fireEvent.click(await screen.findByRole('button', { name: 'I have a visitor code' }, LOAD));
    const main = within(await screen.findByRole('main', {}, LOAD));
    fireEvent.change(main.getByRole('textbox', { name: 'Visitor code' }), { target: { value: '482913' } });
    fireEvent.click(main.getByRole('button', { name: 'Check in / out' }));
    expect(await screen.findByRole('heading', { name: "Welcome, Grace — you're checked in" })).toBeTruthy();
    await elapse(8_000);
    expect(await screen.findByRole('button', { name: "I'm visiting" })).toBeTruthy();
  });
});
