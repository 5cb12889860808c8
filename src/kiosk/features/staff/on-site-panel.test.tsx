import { fireEvent, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SnapshotMemberSchema } from '../../../contract/kiosk-snapshot';
import { OnSiteSchema, type OnSite } from '../../../contract/visitors-api';
import { saveDevice } from '../../lib/device-store';
import type { Language } from '../../lib/messages';
import { keepOnSite } from '../../lib/on-site-offline';
import { writeSnapshotMember } from '../../lib/snapshot-store';
import { LONDON, renderScreen } from '../../testing/render';
import { OnSitePanel } from './on-site-panel';
import { memoryIdb } from '../../testing/memory-idb';

vi.mock('idb', () => import('../../testing/memory-idb'));
const idb = memoryIdb;

type Answer = { status: number; body: unknown };
const unreachable = (): Answer => {
  throw new TypeError('Failed to fetch');
};
const answerOf = (code: string, status: number, message: string) => (): Answer => ({ status, body: { error: { code, message } } });

const ONLINE: OnSite = OnSiteSchema.parse({
  businessId: 2,
  locationName: 'London Shoreditch',
  at: '2026-11-23T13:58:00.000Z',
  members: [],
  visitors: [{ id: 9, name: 'Grace Hopper', company: null, hostName: 'Ana María Gómez', since: '2026-11-23T13:40:00.000Z' }],
});

/** The tablet's snapshot, synced at 10:42, with Amélie checked in here since 09:02. */
async function keepSnapshot() {
  const location = { ...LONDON, dailyCutoffMinutes: 180, parentId: null, paygDailyMinimumMinor: null, paygDailyMaximumMinor: null };
  const at = '2026-11-23T10:42:00.000Z';
  await idb.db.put(
    'cache',
    { version: 'v1', generatedAt: at, fetchedAt: at, locationId: 2, locations: [location], products: [] },
    'snapshot-meta',
  );
  await writeSnapshotMember(
    SnapshotMemberSchema.parse({
      customer: { id: 1, fullName: 'Amélie Laurent', isMember: true, active: true },
      heldPasses: [],
      openCheckin: { id: 5, businessId: 2, fromTime: '2026-11-23T09:02:00Z', coworkerTimePassGuid: null },
      paygChargedTodayMinor: 0,
      chargedDay: '2026-11-23',
    }),
  );
}

/** The panel as staff see it once their PIN opened it; each press of the button asks `onSite()`. */
function renderPanel(onSite: () => Answer, language: Language = 'en') {
  renderScreen(<OnSitePanel staffPin="2468" timeZone="Europe/London" />, {
    language,
    handler: (path) => (path === '/device/on-site' ? onSite() : { status: 404, body: null }),
  });
  const ask = () => fireEvent.click(screen.getByRole('button', { name: language === 'en' ? 'Who is in now' : 'Wer ist gerade da' }));
  ask();
  return ask;
}

/** The notice (a status, not an alert) that holds the text. */
async function noticeSaying(text: string) {
  const notice = (await screen.findByText(text)).closest<HTMLElement>('[role="status"]');
  if (!notice) throw new Error(`No status notice says "${text}"`);
  return within(notice);
}

describe('OnSitePanel', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-23T14:00:00.000Z'));
    vi.stubGlobal('indexedDB', {});
    idb.stores.clear();
    saveDevice('t'.repeat(32), { id: 1, name: 'Front desk', location: LONDON });
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('shows the tablet’s copy when the server cannot be reached, and how fresh each part is', async () => {
    await keepSnapshot();
    await keepOnSite({ ...ONLINE, at: '2026-11-23T09:15:00.000Z' });
    renderPanel(unreachable);
    const notice = await noticeSaying('No connection — this is the tablet’s copy.');
    expect(notice.getByText('Members as of 10:42, with the check-ins and check-outs made on this tablet since.')).toBeTruthy();
    expect(notice.getByText('Visitors as of 09:15, the last time this list was read online.')).toBeTruthy();
    const table = within(screen.getByRole('table', { name: 'Who is in now' }));
    expect(table.getByRole('rowheader', { name: 'Amélie Laurent' })).toBeTruthy();
    expect(within(table.getByRole('row', { name: /Grace Hopper/ })).getByText('Ana María Gómez')).toBeTruthy();
    expect(screen.getByText(/1 member, 1 visitor/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Print roll-call' })).toBeTruthy();
  });

  it('keeps each answer read online for when the server cannot answer', async () => {
    await keepSnapshot();
    let answer: () => Answer = () => ({ status: 200, body: ONLINE });
    const ask = renderPanel(() => answer());
    expect(await screen.findByText('as of 13:58')).toBeTruthy();
    expect(screen.queryByText(/tablet’s copy/)).toBeNull();
    answer = answerOf('UPSTREAM_UNAVAILABLE', 503, 'Nexudus cannot be reached.');
    ask();
    const notice = await noticeSaying('The server could not answer — this is the tablet’s copy.');
    expect(notice.getByText('Visitors as of 13:58, the last time this list was read online.')).toBeTruthy();
    expect(screen.getByText(/1 member, 1 visitor/)).toBeTruthy();
  });

  it('says visitors are not known when the list was not read online today, in the visit’s language', async () => {
    await keepSnapshot();
    await keepOnSite({ ...ONLINE, at: '2026-11-22T17:00:00.000Z' });
    renderPanel(unreachable, 'de');
    const notice = await noticeSaying('Keine Verbindung — das ist die Kopie des Tablets.');
    expect(notice.getByText('Mitglieder: Stand 10:42, dazu die Check-ins und Check-outs an diesem Tablet seitdem.')).toBeTruthy();
    expect(notice.getByText('Gäste: offline nicht bekannt — die Liste wurde heute noch nicht online gelesen.')).toBeTruthy();
    expect(screen.getByText(/1 Mitglied, 0 Gäste/)).toBeTruthy();
  });

  it('does not stand in for the server when it refuses the staff PIN', async () => {
    await keepSnapshot();
    renderPanel(answerOf('LOCKED_OUT', 429, 'Too many wrong staff PINs. Try again later.'));
    expect(await screen.findByText('Too many wrong staff PINs. Try again later.')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('still says it needs a connection when the tablet has no copy', async () => {
    renderPanel(unreachable);
    expect(await screen.findByText('Who is in needs a connection right now.')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });
});
