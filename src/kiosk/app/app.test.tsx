import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderScreen } from '../testing/render';
import { App } from './app';

const TOKEN = '41.desk.1795000000000.c2lnbmF0dXJlLW9mLXRoZS1saW5r';
const LOAD = { timeout: 10_000 };

afterEach(() => window.history.replaceState(null, '', '/'));

describe('App', { timeout: 15_000 }, () => {
  it('serves a host’s link from the e-mail as its own page, with no tablet paired', async () => {
    window.history.replaceState(null, '', `/host-answer#${TOKEN}`);
    const { calls } = renderScreen(<App />, {
      handler: (path) =>
        path === '/host-answers/preview'
          ? { status: 200, body: { visitorName: 'Grace Hopper', locationName: 'London Shoreditch', answer: 'desk', state: 'open' } }
          : { status: 404, body: null },
    });
    expect(await screen.findByRole('button', { name: 'Approve, send them to my desk' }, LOAD)).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Set up this tablet' })).toBeNull();
    expect(calls.map((c) => c.path)).toEqual(['/host-answers/preview']);
  });
});
