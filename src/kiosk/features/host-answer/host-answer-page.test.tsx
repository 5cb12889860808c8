import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { HostAnswer, HostAnswerPreview } from '../../../contract/visitors-api';
import { LONDON, renderScreen } from '../../testing/render';
import { HostAnswerPage } from './host-answer-page';

const TOKEN = '41.collect.1795000000000.c2lnbmF0dXJlLW9mLXRoZS1saW5r';
const error = (status: number, code: string, message = code) => ({ status, body: { error: { code, message } } });

/** The gateway: the link previews as `preview` until answered, then answers ALREADY_ANSWERED. */
function gateway(preview: Partial<HostAnswerPreview> = {}, answer: HostAnswer = 'collect') {
  const state = { answered: false, withCredentials: 0 };
  const handler = (path: string, init: RequestInit | undefined) => {
    if (new Headers(init?.headers).has('authorization')) state.withCredentials += 1;
    const body = JSON.parse(String(init?.body ?? '{}')) as { token?: string };
    if (body.token !== TOKEN) return error(404, 'NOT_FOUND', 'This link is not valid.');
    if (path === '/host-answers/preview')
      return {
        status: 200,
        body: {
          visitorName: 'Grace Hopper',
          locationName: 'London Shoreditch',
          answer,
          state: state.answered ? 'answered' : 'open',
          ...preview,
        },
      };
    if (path === '/host-answers') {
      if (state.answered) return error(409, 'ALREADY_ANSWERED');
      state.answered = true;
      return { status: 200, body: { answer, visitorName: 'Grace Hopper' } };
    }
    return error(404, 'NOT_FOUND');
  };
  return { state, handler };
}

function openLink(hash: string, handler: ReturnType<typeof gateway>['handler'], language: 'en' | 'de' = 'en') {
  window.history.replaceState(null, '', `/host-answer${hash}`);
  return renderScreen(<HostAnswerPage />, { handler, language });
}

afterEach(() => {
  window.history.replaceState(null, '', '/');
  localStorage.clear();
});

describe('HostAnswerPage', () => {
  it('shows who is waiting and answers only when the host presses the button', async () => {
    localStorage.setItem(
      'tapdesk.device',
      JSON.stringify({ token: 'device-token-0123456789abcdef', device: { id: 1, name: 'Front desk', location: LONDON } }),
    );
    const { state, handler } = gateway();
    const { calls } = openLink(`#${TOKEN}`, handler);
    expect(await screen.findByText('Grace Hopper is at reception in London Shoreditch')).toBeTruthy();
    const button = screen.getByRole('button', { name: "Approve, I'll collect them" });
    expect(calls.map((c) => c.path)).toEqual(['/host-answers/preview']);
    expect(state.answered).toBe(false);
    // The token went in the body, never in the address.
    expect(calls[0]?.body).toEqual({ token: TOKEN });

    fireEvent.click(button);
    expect(await screen.findByText('Done: Grace Hopper will be told to wait for you')).toBeTruthy();
    expect(state.answered).toBe(true);
    expect(calls.filter((c) => c.path === '/host-answers')).toHaveLength(1);
    expect(screen.queryByRole('button', { name: "Approve, I'll collect them" })).toBeNull();
    // A tablet's device token (this browser may be one) never goes with a host's link.
    expect(state.withCredentials).toBe(0);
  });

  it.each([
    ['desk', 'Approve, send them to my desk', 'Done: Grace Hopper will be told to come up to your desk'],
    ['decline', 'Decline', 'Done: Grace Hopper will be told to see reception'],
  ] as const)('labels the button with the link’s answer (%s)', async (answer, label, done) => {
    openLink(`#${TOKEN}`, gateway({}, answer).handler);
    fireEvent.click(await screen.findByRole('button', { name: label }));
    expect(await screen.findByText(done)).toBeTruthy();
  });

  it('says a visitor already answered, without a button', async () => {
    const { calls } = openLink(`#${TOKEN}`, gateway({ state: 'answered' }).handler);
    expect(await screen.findByText('This visitor has already been answered.')).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
    expect(calls.filter((c) => c.path === '/host-answers')).toHaveLength(0);
  });

  it('says so when someone else answered between opening and pressing', async () => {
    const { state, handler } = gateway();
    openLink(`#${TOKEN}`, handler);
    const button = await screen.findByRole('button', { name: "Approve, I'll collect them" });
    state.answered = true;
    fireEvent.click(button);
    expect(await screen.findByText('This visitor has already been answered.')).toBeTruthy();
  });

  it('says an expired link has expired', async () => {
    openLink(`#${TOKEN}`, () => error(410, 'EXPIRED', 'This link has expired. Please call reception.'));
    expect(await screen.findByText('This link has expired. Please call reception.')).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('says a link the server did not sign is not valid', async () => {
    openLink('#999.collect.1795000000000.forged-signature-xxxx', gateway().handler);
    expect(await screen.findByText('This link is not valid.')).toBeTruthy();
  });

  it('asks nothing of the server for a link with no token', async () => {
    const { calls } = openLink('', gateway().handler);
    expect(screen.getByText('This link is not valid.')).toBeTruthy();
    await waitFor(() => expect(calls).toHaveLength(0));
  });

  it('speaks the host’s language', async () => {
    openLink(`#${TOKEN}`, gateway().handler, 'de');
    expect(await screen.findByText('Grace Hopper ist am Empfang in London Shoreditch')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Zustimmen, ich hole die Person ab' })).toBeTruthy();
  });
});
