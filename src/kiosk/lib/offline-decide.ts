import type { SnapshotMember } from '../../contract/kiosk-snapshot';
import type { MemberStatus } from '../../contract/kiosk-api';
import type { CheckinInput } from '../../domain/decide';
import { eligibilityFor } from '../../domain/eligibility';
import type { HeldPass, Location, PassProduct } from '../../domain/model';
import { dayAt, openOnDay } from '../../domain/check-in-day';
import { readDevice } from './device-store';
import { readSnapshotMember, readSnapshotMeta, writeSnapshotMember, type SnapshotMeta } from './snapshot-store';

/**
 * Deciding on the tablet from its cached snapshot. Loaded only when needed (offline, or after a
 * tap), so the rules do not weigh on the kiosk's first load.
 */
function snapshotInput(snapshot: SnapshotMeta, member: SnapshotMember | undefined, at: Date): CheckinInput | undefined {
  const locations = new Map<number, Location>(snapshot.locations.map((l) => [l.id, l]));
  const location = locations.get(snapshot.locationId);
  if (!member || !location) return undefined;
  const products = new Map<number, PassProduct>(snapshot.products.map((p) => [p.id, p]));
  const heldPasses: HeldPass[] = member.heldPasses.flatMap(({ productId, ...held }) => {
    const product = products.get(productId);
    return product ? [{ ...held, product }] : [];
  });
  const today = dayAt(location, at);
  const open = openOnDay(member.openCheckin, location, at);
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

/** The member's status decided on the tablet, by src/domain, from the cached snapshot (this member's record only). */
export async function offlineStatus(memberId: number, at = new Date()): Promise<{ status: MemberStatus; asOf: string } | undefined> {
  const [meta, member] = await Promise.all([readSnapshotMeta(), readSnapshotMember(memberId)]);
  const device = readDevice();
  const input = meta && snapshotInput(meta, member, at);
  if (!input || !device || !meta) return undefined;
  return {
    status: {
      member: { id: memberId, displayName: member?.customer.fullName ?? '', company: null },
      location: device.device.location,
      at: at.toISOString(),
      eligibility: eligibilityFor(input).eligibility,
    },
    asOf: meta.fetchedAt,
  };
}

/**
 * Keeps the cached snapshot true after a tap (recorded or queued), so a member who checked in
 * while offline is offered check-out, never a second check-in. Writes only this member's record.
 */
export async function applyTapToSnapshot(tap: { coworkerId: number; action: 'in' | 'out'; tappedAt: string }): Promise<void> {
  const [meta, member] = await Promise.all([readSnapshotMeta(), readSnapshotMember(tap.coworkerId)]);
  if (!meta || !member) return;
  if (tap.action === 'out') {
    member.openCheckin = null;
  } else {
    const input = snapshotInput(meta, member, new Date(tap.tappedAt));
    const decision = input ? eligibilityFor(input).decision : undefined;
    const pass = decision?.kind === 'pass' ? member.heldPasses.find((p) => p.id === decision.pass.id) : undefined;
    if (pass) {
      pass.used = true;
      pass.usedDate ??= tap.tappedAt;
      pass.checkedIn = true;
    }
    member.openCheckin = { id: 0, businessId: meta.locationId, fromTime: tap.tappedAt, coworkerTimePassGuid: pass?.uniqueId ?? null };
  }
  await writeSnapshotMember(member);
}

/**
 * Undoes what applyTapToSnapshot did for a tap the gateway refused: the open check-in it made (id 0,
 * at that tap's time) goes. Nothing else is touched: a record the server has sent since (a real
 * check-in) has another id, and a refused check-out is left as the next sync says.
 */
export async function undoRefusedTap(tap: { coworkerId: number; action: 'in' | 'out'; tappedAt: string }): Promise<void> {
  if (tap.action !== 'in') return;
  const member = await readSnapshotMember(tap.coworkerId);
  if (!member?.openCheckin || member.openCheckin.id !== 0 || member.openCheckin.fromTime !== tap.tappedAt) return;
  member.openCheckin = null;
  await writeSnapshotMember(member);
}
