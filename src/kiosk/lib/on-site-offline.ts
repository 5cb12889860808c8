import { safeParse } from 'zod/mini';
import { DirectorySchema, type DeviceInfo } from '../../contract/kiosk-api';
import type { SnapshotMember } from '../../contract/kiosk-snapshot';
import { OnSiteMemberSchema, OnSiteSchema, type OnSite } from '../../contract/visitors-api';
import { checkinDay } from '../../domain/time';
import { onDeviceChange } from './device-store';
import { open, readCached, writeCached } from './offline-store';
import { readSnapshotMembers, readSnapshotMeta, type SnapshotMeta } from './snapshot-store';

/**
 * "Who is in now" when the server cannot answer (an evacuation does not wait for the network):
 * members from the tablet's snapshot, which its own taps keep true, and visitors from the last
 * answer read online today — the tablet has no other copy of visitors.
 */
const ON_SITE = 'on-site';
/** Where offline-data.ts keeps the member directory (for the members' companies). */
const DIRECTORY = 'directory';

type Place = DeviceInfo['location'];
type Day = (at: Date) => string;

/** A walk-in this tablet registered that has not reached the server yet (from the outbox). */
export interface UnsentWalkIn {
  seq: number;
  name: string;
  hostId: number;
  queuedAt: string;
}

export interface TabletOnSite {
  onSite: OnSite;
  /** How many of the visitors are walk-ins registered here and not sent yet (in the building all the same). */
  unsentVisitors: number;
  /** When the snapshot was last synced; the taps made on this tablet since are in it. */
  membersAsOf: string;
  /** When the visitors were read online today, or null when they were not. */
  visitorsAsOf: string | null;
}

/** Keeps the latest online answer, and only that one: visitors' names are personal data. */
export const keepOnSite = (onSite: OnSite): Promise<void> => writeCached(ON_SITE, onSite);

/** Deletes the kept answer (the tablet is unpaired, or the answer is of an earlier day). */
export async function forgetOnSite(): Promise<void> {
  await (await open())?.delete('cache', ON_SITE).catch(() => undefined);
}

// Not kept past the pairing. Subscribed here, not called from forgetDevice: device-store is in the
// first load (at its budget) and this module is the staff panel's, which holds the Unpair button.
onDeviceChange((device) => {
  if (!device) void forgetOnSite();
});

/**
 * Nexudus's `FromTime` is the UTC instant ("…Z"; an offline tap writes `toISOString()`). One
 * without a zone is UTC too, as the contract reads it (`dateTimeField`): `new Date()` alone would
 * take it as the tablet's local time.
 */
const HAS_ZONE = /(?:Z|[+-]\d{2}:?\d{2})$/i;
function instantOf(fromTime: string): string | undefined {
  const ms = Date.parse(HAS_ZONE.test(fromTime) ? fromTime : `${fromTime}Z`);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

/** The location's check-in day, turning over at its cut-off as the server's "today" does (midnight without a snapshot). */
function dayOf(place: Place, meta: SnapshotMeta | undefined): Day {
  const cutoff = meta?.locations.find((l) => l.id === place.id)?.dailyCutoffMinutes ?? 0;
  return (at) => checkinDay(at, place.timeZone, cutoff);
}

/** The kept answer when it is this location's and of today; any other is deleted, not just ignored. */
async function todaysAnswer(place: Place, day: Day, now: Date): Promise<OnSite | undefined> {
  const cached = await readCached(ON_SITE, OnSiteSchema);
  if (!cached) return undefined;
  if (cached.value.businessId === place.id && day(new Date(cached.value.at)) === day(now)) return cached.value;
  await forgetOnSite();
  return undefined;
}

async function directoryById(): Promise<Map<number, { name: string; company: string | null }>> {
  const directory = await readCached(DIRECTORY, DirectorySchema);
  return new Map(directory?.value.members.map((m) => [m.id, { name: m.displayName, company: m.company }]) ?? []);
}

/** Members with an open check-in here, of today: one from an earlier day was closed at its cut-off (Nexudus's automatic check-out). */
function membersIn(members: SnapshotMember[], place: Place, day: Day, now: Date, company: Map<number, { company: string | null }>) {
  const today = day(now);
  return members
    .flatMap(({ customer, openCheckin }) => {
      const since = openCheckin?.businessId === place.id ? instantOf(openCheckin.fromTime) : undefined;
      if (!since || day(new Date(since)) !== today) return [];
      const row = safeParse(OnSiteMemberSchema, {
        id: customer.id,
        name: customer.fullName,
        company: company.get(customer.id)?.company ?? null,
        since,
      });
      return row.success ? [row.data] : [];
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Who is in by the tablet's own copies, shaped as the server's answer (so counts, print and CSV
 * work the same), with how fresh each part is. Undefined without this location's snapshot: the
 * tablet then knows nobody's check-in.
 */
export async function tabletOnSite(place: Place, now = new Date(), unsent: UnsentWalkIn[] = []): Promise<TabletOnSite | undefined> {
  const meta = await readSnapshotMeta();
  const day = dayOf(place, meta);
  const answer = await todaysAnswer(place, day, now);
  if (!meta || meta.locationId !== place.id) return undefined;
  const [members, directory] = await Promise.all([readSnapshotMembers(), directoryById()]);
  // Walk-ins registered here today that are still in the outbox: the server's list cannot have them.
  const queued = unsent
    .filter((w) => day(new Date(w.queuedAt)) === day(now))
    .map((w) => ({ id: w.seq, name: w.name, company: null, hostName: directory.get(w.hostId)?.name ?? null, since: w.queuedAt }));
  const parsed = safeParse(OnSiteSchema, {
    businessId: place.id,
    locationName: place.name,
    at: meta.fetchedAt,
    members: membersIn(members, place, day, now, directory),
    visitors: [...(answer?.visitors ?? []), ...queued],
  });
  return parsed.success
    ? { onSite: parsed.data, unsentVisitors: queued.length, membersAsOf: parsed.data.at, visitorsAsOf: answer?.at ?? null }
    : undefined;
}
