import { fireEvent, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import type { Directory, DirectoryEntry } from '../../../contract/kiosk-api';
import { LONDON, renderScreen } from '../../testing/render';
import { HostSearch } from './host-search';

const member = (id: number, displayName: string, company: string | null = null): DirectoryEntry => ({
  id,
  displayName,
  initials: 'XX',
  company,
  photoUrl: `https://example.com/${id}.jpg`,
  hasPin: true,
  hasCard: true,
});
const DIRECTORY: Directory = {
  location: LONDON,
  version: 'hosts-1',
  generatedAt: '2026-11-23T09:00:00.000Z',
  members: [
    member(12, 'Ana María Gómez', 'Lumen Studio'),
    member(13, 'Anders Berg', 'Anaconda Ltd'),
    member(14, 'Bruno Díaz', 'Lumen Studio'),
  ],
};

function Harness() {
  const [chosen, setChosen] = useState<{ id: number; name: string } | null>(null);
  return (
    <>
      <HostSearch chosen={chosen} onChoose={setChosen} />
      <output aria-label="hostId">{chosen?.id ?? ''}</output>
    </>
  );
}

async function open() {
  renderScreen(<Harness />, {
    handler: (path) => (path === '/directory' ? { status: 200, body: DIRECTORY } : { status: 404, body: null }),
  });
  return screen.getByRole('textbox', { name: 'Who are you visiting?' });
}

describe('HostSearch', () => {
  it('offers only names, never a company, email or photo, and only by name', async () => {
    const field = await open();
    fireEvent.change(field, { target: { value: 'ana' } });
    const choices = within(await screen.findByRole('list', { name: 'People with that name' }));
    expect(choices.getAllByRole('button').map((b) => b.textContent)).toEqual(['Ana María Gómez']);
    // "Anaconda Ltd" is Anders's company: a visitor does not find members by company.
    expect(screen.queryByText(/Anders/)).toBeNull();
    expect(screen.queryByText('Lumen Studio')).toBeNull();
    expect(screen.queryByRole('img')).toBeNull();
    expect(document.querySelector('img')).toBeNull();
  });

  it('lists nobody for a single letter', async () => {
    const field = await open();
    fireEvent.change(field, { target: { value: 'br' } });
    expect(await screen.findByRole('button', { name: 'Bruno Díaz' })).toBeTruthy();
    fireEvent.change(field, { target: { value: 'b' } });
    expect(screen.queryByRole('button', { name: 'Bruno Díaz' })).toBeNull();
    expect(screen.queryByRole('list')).toBeNull();
  });

  it('shows the chosen name with Change, which brings the search back', async () => {
    const field = await open();
    fireEvent.change(field, { target: { value: 'gomez' } });
    fireEvent.click(await screen.findByRole('button', { name: 'Ana María Gómez' }));
    expect(screen.getByRole('status', { name: 'hostId' }).textContent).toBe('12');
    expect(screen.queryByRole('textbox', { name: 'Who are you visiting?' })).toBeNull();
    expect(screen.getByText('Ana María Gómez')).toBeTruthy();
    expect(document.activeElement?.textContent).toContain('Ana María Gómez');

    fireEvent.click(screen.getByRole('button', { name: /^Change/ }));
    expect(screen.getByRole('status', { name: 'hostId' }).textContent).toBe('');
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Who are you visiting?' }));
  });

  it('says when nobody has that name', async () => {
    const field = await open();
    fireEvent.change(field, { target: { value: 'zz' } });
    expect(await screen.findByText('No one found. Check the spelling, or see reception.')).toBeTruthy();
  });
});
