import { parse } from 'zod/mini';
import { DirectorySchema, type Directory, type MemberStatus } from '../../contract/kiosk-api';
import { SnapshotSchema, type Snapshot } from '../../contract/kiosk-snapshot';
import type { CheckinInput } from '../../domain/decide';
import { eligibilityFor } from '../../domain/eligibility';
import type { HeldPass, Location, PassProduct } from '../../domain/model';
import { checkinDay } from '../../domain/time';
import { API_BASE, KioskApiError, isUnreachable, kioskRequest } from './api-client';
import { readDevice } from './device-store';
import { readCached, writeCached } from './offline-store';

const DIRECTORY = 'directory';
const SNAPSHOT = 'snapshot';

export interface DirectoryView {
  directory: Directory;
  fetchedAt: string;
  fromCache: boolean;
}

/**
 * The member directory: revalidated with its ETag (a 304 costs no download), kept on the tablet,
 * and served from there when the server cannot be reached.
 */
export async function loadDirectory(): Promise<DirectoryView> {
  const cached = await readCached(DIRECTORY, DirectorySchema);
  const fromCache = (): DirectoryView | undefined => cached && { directory: cached.value, fetchedAt: cached.fetchedAt, fromCache: true };
  let res: Response;
  try {
    res = await fetch(`${API_BASE}/directory`, {
      headers: {
        authorization: `Bearer ${readDevice()?.token ?? ''}`,
        ...(cached ? { 'if-none-match': `"${cached.value.version}"` } : {}),
      },
    });
  } catch {
    const offline = fromCache();
    if (offline) return offline;
    throw new KioskApiError('NETWORK', 'The server is unreachable.', 0);
  }
  const fetchedAt = new Date().toISOString();
  if (res.status === 304 && cached) {
    await writeCached(DIRECTORY, cached.value, fetchedAt);
    return { directory: cached.value, fetchedAt, fromCache: false };
  }
  const offline = res.status >= 500 ? fromCache() : undefined;
  if (offline) return offline;
  // Anything else but a fresh 200 (401, 5xx with no copy) goes through the client, which explains it.
  const directory = res.ok ? parse(DirectorySchema, await res.json()) : await kioskRequest('/directory', DirectorySchema);
  await writeCached(DIRECTORY, directory, fetchedAt);
  return { directory, fetchedAt, fromCache: false };
}

/** Refreshes the offline snapshot; keeps the last good one when the server is unreachable. */
export async function refreshSnapshot(): Promise<void> {
  try {
    await writeCached(SNAPSHOT, await kioskRequest('/snapshot', SnapshotSchema));
  } catch (error) {
    if (!isUnreachable(error)) throw error;
  }
}

function snapshotInput(snapshot: Snapshot, memberId: number, at: Date): CheckinInput | undefined {
  const member = snapshot.members.find((m) => m.customer.id === memberId);
  const locations = new Map<number, Location>(snapshot.locations.map((l) => [l.id, l]));
  const location = locations.get(snapshot.locationId);
  if (!member || !location) return undefined;
  const products = new Map<number, PassProduct>(snapshot.products.map((p) => [p.id, p]));
  const heldPasses: HeldPass[] = member.heldPasses.flatMap(({ productId, ...held }) => {
    const product = products.get(productId);
    return product ? [{ ...held, product }] : [];
  });
  const today = checkinDay(at, location.timeZone, location.dailyCutoffMinutes);
  const open =
    member.openCheckin && checkinDay(new Date(member.openCheckin.fromTime), location.timeZone, location.dailyCutoffMinutes) === today
      ? member.openCheckin
      : null;
  return {
    customer: member.customer,
    location,
    locations,
    heldPasses,
    products: [...products.values()],
    openCheckin: open,
    paygChargedTodayMinor: member.chargedDay === today ? member.paygChargedTodayMinor : 0,
    at,
  };
}

/** The member's status decided on the tablet, by src/domain, from the cached snapshot. */
export async function offlineStatus(memberId: number, at = new Date()): Promise<{ status: MemberStatus; asOf: string } | undefined> {
  const cached = await readCached(SNAPSHOT, SnapshotSchema);
  const device = readDevice();
  const input = cached && snapshotInput(cached.value, memberId, at);
  if (!input || !device || !cached) return undefined;
  const member = cached.value.members.find((m) => m.customer.id === memberId);
  return {
    status: {
      member: { id: memberId, displayName: member?.customer.fullName ?? '', company: null },
      location: device.device.location,
      at: at.toISOString(),
      eligibility: eligibilityFor(input).eligibility,
    },
    asOf: cached.fetchedAt,
  };
}

/**
 * Keeps the cached snapshot true after a tap (recorded or queued), so a member who checked in
 * while offline is offered check-out, never a second check-in.
 */
export async function applyTapToSnapshot(tap: { coworkerId: number; action: 'in' | 'out'; tappedAt: string }): Promise<void> {
  const cached = await readCached(SNAPSHOT, SnapshotSchema);
  if (!cached) return;
  const snapshot = cached.value;
  const member = snapshot.members.find((m) => m.customer.id === tap.coworkerId);
  if (!member) return;
  if (tap.action === 'out') {
    member.openCheckin = null;
  } else {
    const input = snapshotInput(snapshot, tap.coworkerId, new Date(tap.tappedAt));
    const decision = input ? eligibilityFor(input).decision : undefined;
    const pass = decision?.kind === 'pass' ? member.heldPasses.find((p) => p.id === decision.pass.id) : undefined;
    if (pass) {
      pass.used = true;
      pass.usedDate ??= tap.tappedAt;
      pass.checkedIn = true;
    }
    member.openCheckin = { id: 0, businessId: snapshot.locationId, fromTime: tap.tappedAt, coworkerTimePassGuid: pass?.uniqueId ?? null };
  }
  await writeCached(SNAPSHOT, snapshot, cached.fetchedAt);
}
