import { fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Directory, DirectoryEntry } from '../../../contract/kiosk-api';
import { useScanner } from '../../lib/use-scanner';
import { LONDON, renderScreen } from '../../testing/render';
import { FindScreen } from './find-screen';

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const member = (id: number, displayName: string, company: string | null = null): DirectoryEntry => ({
  id,
  displayName,
  initials: '',
  company,
  photoUrl: null,
  hasPin: true,
  hasCard: true,
});
const directory = (members: DirectoryEntry[], version = `v-${members.length}`): Directory => ({
  location: LONDON,
  version,
  generatedAt: '2026-11-23T09:00:00.000Z',
  members,
});
const DOWN = { status: 503, body: { error: { code: 'UPSTREAM_UNAVAILABLE', message: 'down' } } };
const serving = (body: Directory) => (path: string) => (path === '/directory' ? { status: 200, body } : DOWN);

/**
 * Types as a browser does: each key goes to the focused element; when its keydown moves the
 * focus to a field and is not cancelled, the character lands in that field.
 */
function typeKeys(text: string) {
  for (const key of text) {
    const proceed = fireEvent.keyDown(document.activeElement ?? document.body, { key });
    const focused = document.activeElement;
    if (proceed && key.length === 1 && focused instanceof HTMLInputElement) {
      fireEvent.change(focused, { target: { value: focused.value + key } });
    }
  }
}

/** The search screen as the kiosk opens it: the heading takes the focus for the screen reader. */
async function openFindScreen(body: Directory, ui = <FindScreen onSelect={vi.fn()} onUsePin={vi.fn()} onBack={vi.fn()} />) {
  renderScreen(ui, { handler: serving(body) });
  await screen.findByText(/Member list updated/);
  screen.getByRole('heading', { name: 'Find yourself' }).focus();
}

describe('FindScreen', () => {
  it('takes typing from a hardware keyboard without the field being tapped first', async () => {
    await openFindScreen(directory([member(1, 'Amélie Laurent', 'Lumen Studio'), member(2, 'Bruno Díaz')]));
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Find yourself' }));

    typeKeys('amel');

    const field = screen.getByLabelText<HTMLInputElement>('Your name or company');
    expect(document.activeElement).toBe(field);
    expect(field.value).toBe('amel');
    expect(await screen.findByRole('button', { name: /Amélie Laurent/ })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Bruno Díaz/ })).toBeNull();
  });

  it('says how many more match than it shows', async () => {
    const annas = Array.from({ length: 30 }, (_, i) => member(i + 1, `Anna Member${String(i).padStart(2, '0')}`));
    await openFindScreen(directory(annas));
    typeKeys('anna');
    expect(await screen.findByText('Showing 24 of 30 — type more of your name')).toBeTruthy();
    expect(screen.getAllByRole('listitem')).toHaveLength(24);
    expect(screen.getByRole('status').textContent).toBe('30 people found');

    typeKeys(' member2');
    expect(await screen.findByText('10 people found')).toBeTruthy();
    expect(screen.queryByText(/Showing/)).toBeNull();
  });

  it('counts in the visit’s language', async () => {
    const annas = Array.from({ length: 1500 }, (_, i) => member(i + 1, `Anna Member${i}`));
    renderScreen(<FindScreen onSelect={vi.fn()} onUsePin={vi.fn()} onBack={vi.fn()} />, {
      handler: serving(directory(annas)),
      language: 'de',
    });
    await screen.findByText(/Mitgliederliste/);
    typeKeys('anna');
    expect(await screen.findByText('24 von 1.500 angezeigt – geben Sie mehr von Ihrem Namen ein')).toBeTruthy();
  });

  it('leaves no scanned card code in the field', async () => {
    const onScan = vi.fn();
    function WithScanner() {
      useScanner(onScan);
      return <FindScreen onSelect={vi.fn()} onUsePin={vi.fn()} onBack={vi.fn()} />;
    }
    await openFindScreen(directory([member(1, 'Amélie Laurent')]), <WithScanner />);

    // A scanner's keys come milliseconds apart by their time stamps, however long each takes to handle.
    vi.useFakeTimers({ toFake: ['Date'] });
    typeKeys('CARD-AMELIE');
    fireEvent.keyDown(document.activeElement ?? document.body, { key: 'Enter' });

    expect(onScan).toHaveBeenCalledWith('CARD-AMELIE');
    expect(screen.getByLabelText<HTMLInputElement>('Your name or company').value).toBe('');
  });
});
