import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DirectorySchema } from '../../contract/kiosk-api';
import { SnapshotMemberSchema, type SnapshotMember } from '../../contract/kiosk-snapshot';
import { OnSiteSchema, type OnSite } from '../../contract/visitors-api';
import { LONDON } from '../testing/render';
import { forgetDevice } from './device-store';
import { applyTapToSnapshot, undoRefusedTap } from './offline-decide';
import { readCached, writeCached } from './offline-store';
import { forgetOnSite, keepOnSite, tabletOnSite } from './on-site-offline';
import { writeSnapshotMember } from './snapshot-store';
import { memoryIdb } from '../testing/memory-idb';

vi.mock('idb', () => import('../testing/memory-idb'));
const idb = memoryIdb;

const NOW = new Date('2026-11-23T14:00:00.000Z');
const SYNCED_AT = '2026-11-23T10:42:00.000Z';

/** London Shoreditch's snapshot as a sync at 10:42 left it (its members apart); its check-in day turns over at 03:00. */
function keepSnapshotMeta(overrides: { locationId?: number } = {}) {
  const location = { ...LONDON, dailyCutoffMinutes: 180, parentId: null, paygDailyMinimumMinor: null, paygDailyMaximumMinor: null };
  const meta = { version: 'v1', generatedAt: SYNCED_AT, fetchedAt: SYNCED_AT, locationId: 2, locations: [location], products: [] };
  return idb.db.put('cache', { ...meta, ...overrides }, 'snapshot-meta');
}

function buildMember(id: number, fullName: string, openCheckin: SnapshotMember['openCheckin']): SnapshotMember {
  return SnapshotMemberSchema.parse({
    customer: { id, fullName, isMember: true, active: true },
    heldPasses: [],
    openCheckin,
    paygChargedTodayMinor: 0,
    chargedDay: '2026-11-23',
  });
}
const openAt = (businessId: number, fromTime: string) => ({ id: 100, businessId, fromTime, coworkerTimePassGuid: null });

function buildAnswer(at: string): OnSite {
  return OnSiteSchema.parse({
    businessId: 2,
    locationName: 'London Shoreditch',
    at,
    members: [],
    visitors: [{ id: 9, name: 'Grace Hopper', company: null, hostName: 'Ana María Gómez', since: '2026-11-23T08:50:00.000Z' }],
  });
}

const keptAnswer = () => readCached('on-site', OnSiteSchema);

describe('tabletOnSite', () => {
  beforeEach(async () => {
    vi.stubGlobal('indexedDB', {});
    idb.stores.clear();
    await keepSnapshotMeta();
  });
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.unstubAllEnvs();
  });

  it('lists the members checked in here today, with their company from the directory', async () => {
    await writeCached(
      'directory',
      DirectorySchema.parse({
        location: LONDON,
        version: 'd1',
        generatedAt: SYNCED_AT,
        members: [
          { id: 1, displayName: 'Amélie Laurent', initials: 'AL', company: 'Lumen Studio', photoUrl: null, hasPin: true, hasCard: false },
        ],
      }),
    );
    await writeSnapshotMember(buildMember(1, 'Amélie Laurent', openAt(2, '2026-11-23T09:02:00Z')));
    await writeSnapshotMember(buildMember(4, 'Ben Okafor', openAt(2, '2026-11-23T08:30:00Z')));
    const copy = await tabletOnSite(LONDON, NOW);
    expect(copy?.onSite.members).toEqual([
      { id: 1, name: 'Amélie Laurent', company: 'Lumen Studio', since: '2026-11-23T09:02:00.000Z' },
      { id: 4, name: 'Ben Okafor', company: null, since: '2026-11-23T08:30:00.000Z' },
    ]);
    expect(copy?.onSite).toMatchObject({ businessId: 2, locationName: 'London Shoreditch' });
  });

  it('leaves out members checked in at another location, checked out, or still open from an earlier day', async () => {
    await writeSnapshotMember(buildMember(1, 'Amélie Laurent', openAt(3, '2026-11-23T09:02:00Z')));
    await writeSnapshotMember(buildMember(2, 'Chloé Dubois', null));
    await writeSnapshotMember(buildMember(3, 'Dan Brooks', openAt(2, '2026-11-22T16:00:00Z')));
    expect((await tabletOnSite(LONDON, NOW))?.onSite.members).toEqual([]);
  });

  it('follows the check-ins and check-outs tapped on this tablet offline', async () => {
    await writeSnapshotMember(buildMember(1, 'Amélie Laurent', openAt(2, '2026-11-23T09:02:00Z')));
    await writeSnapshotMember(buildMember(5, 'Eve Martin', null));
    await applyTapToSnapshot({ coworkerId: 1, action: 'out', tappedAt: '2026-11-23T13:20:00.000Z' });
    await applyTapToSnapshot({ coworkerId: 5, action: 'in', tappedAt: '2026-11-23T13:30:00.000Z' });
    const copy = await tabletOnSite(LONDON, NOW);
    expect(copy?.onSite.members).toEqual([{ id: 5, name: 'Eve Martin', company: null, since: '2026-11-23T13:30:00.000Z' }]);
  });

  it('drops a check-in tapped offline once the gateway refused it, and never one the server recorded', async () => {
    await writeSnapshotMember(buildMember(5, 'Eve Martin', null));
    await writeSnapshotMember(buildMember(1, 'Amélie Laurent', openAt(2, '2026-11-23T13:30:00.000Z')));
    const refused = { coworkerId: 5, action: 'in' as const, tappedAt: '2026-11-23T13:30:00.000Z' };
    await applyTapToSnapshot(refused);
    expect((await tabletOnSite(LONDON, NOW))?.onSite.members.map((m) => m.id)).toEqual([1, 5]);
    await undoRefusedTap(refused);
    // Amélie's check-in came from the server (it has an id): a refused tap at the same time is not hers to undo.
    await undoRefusedTap({ ...refused, coworkerId: 1 });
    expect((await tabletOnSite(LONDON, NOW))?.onSite.members.map((m) => m.id)).toEqual([1]);
  });

  it('reads a check-in time without a zone as UTC, as the contract does, whatever the tablet’s own zone', async () => {
    vi.stubEnv('TZ', 'America/New_York');
    await writeSnapshotMember(buildMember(1, 'Amélie Laurent', openAt(2, '2026-11-23T09:02:00')));
    expect((await tabletOnSite(LONDON, NOW))?.onSite.members[0]?.since).toBe('2026-11-23T09:02:00.000Z');
  });

  it('shows the visitors of the answer read online today, and says when members and visitors are from', async () => {
    await keepOnSite(buildAnswer('2026-11-23T09:15:00.000Z'));
    const copy = await tabletOnSite(LONDON, NOW);
    expect(copy?.onSite.visitors.map((v) => v.name)).toEqual(['Grace Hopper']);
    expect(copy?.membersAsOf).toBe(SYNCED_AT);
    expect(copy?.onSite.at).toBe(SYNCED_AT);
    expect(copy?.visitorsAsOf).toBe('2026-11-23T09:15:00.000Z');
  });

  it('drops and deletes the visitors read on an earlier day', async () => {
    await keepOnSite(buildAnswer('2026-11-22T17:00:00.000Z'));
    const copy = await tabletOnSite(LONDON, NOW);
    expect(copy?.onSite.visitors).toEqual([]);
    expect(copy?.visitorsAsOf).toBeNull();
    expect(await keptAnswer()).toBeUndefined();
  });

  it('counts a list read late in the evening as today until the location’s cut-off', async () => {
    await keepOnSite(buildAnswer('2026-11-23T22:30:00.000Z'));
    const copy = await tabletOnSite(LONDON, new Date('2026-11-24T02:00:00.000Z'));
    expect(copy?.visitorsAsOf).toBe('2026-11-23T22:30:00.000Z');
  });

  it('drops the answer of another location', async () => {
    await keepOnSite({ ...buildAnswer('2026-11-23T09:15:00.000Z'), businessId: 3 });
    expect((await tabletOnSite(LONDON, NOW))?.visitorsAsOf).toBeNull();
    expect(await keptAnswer()).toBeUndefined();
  });

  it('has no copy without this location’s snapshot, but still deletes an old answer', async () => {
    await keepSnapshotMeta({ locationId: 3 });
    await keepOnSite(buildAnswer('2026-11-22T17:00:00.000Z'));
    expect(await tabletOnSite(LONDON, NOW)).toBeUndefined();
    expect(await keptAnswer()).toBeUndefined();
  });

  it('keeps only the latest answer, and forgets it when asked', async () => {
    await keepOnSite(buildAnswer('2026-11-23T09:15:00.000Z'));
    await keepOnSite(buildAnswer('2026-11-23T11:00:00.000Z'));
    expect((await keptAnswer())?.value.at).toBe('2026-11-23T11:00:00.000Z');
    await forgetOnSite();
    expect(await keptAnswer()).toBeUndefined();
  });

  it('forgets the kept answer when the tablet is unpaired', async () => {
    await keepOnSite(buildAnswer('2026-11-23T09:15:00.000Z'));
    forgetDevice();
    await vi.waitFor(async () => expect(await keptAnswer()).toBeUndefined());
  });
});
