import type { Snapshot, SnapshotDelta, SnapshotMember } from '../../contract/kiosk-snapshot';
import { createFeed } from './feed';
import { TimePassRecordSchema, TimeSlotRecordSchema } from '../../contract/nexudus-passes';
import { dayAt } from '../../domain/check-in-day';
import { locationChain } from '../../domain/coverage';
import { heldPassFields, paygChargedOn, toCustomer, toLocation, toProduct } from '../../domain/nexudus-records';
import type { MirrorRepository } from '../db/mirror-repository';
import type { MirrorSync } from './mirror-sync';

/**
 * Everything a tablet needs to decide offline for its location's members, from the gateway's
 * mirror: the members, their passes, today's open check-ins, and the network's products.
 */
export async function buildSnapshot(sync: MirrorSync, mirror: MirrorRepository, businessId: number, now: Date): Promise<Snapshot> {
  await sync.ensure(businessId);
  const businesses = sync.businesses();
  const locations = new Map([...businesses.values()].map((b) => [b.Id, toLocation(b)]));
  const location = locations.get(businessId);
  if (!location) throw new Error(`business ${businessId} is not in the mirror`);
  const today = dayAt(location, now);
  const slots = mirror.all('TimePassTimeSlot', TimeSlotRecordSchema);
  const products = mirror.all('TimePass', TimePassRecordSchema).map((p) => toProduct(p, slots));
  const members = sync.customers(businessId).filter((c) => c.Active && !c.Archived);
  const ids = new Set(members.map((m) => m.Id));
  const passesOf = new Map<number, ReturnType<MirrorSync['passes']>>();
  for (const pass of sync.passes())
    if (ids.has(pass.CoworkerId)) passesOf.set(pass.CoworkerId, [...(passesOf.get(pass.CoworkerId) ?? []), pass]);
  const open = new Map(
    sync
      .checkins(businessId)
      .filter((c) => c.ToTime === null && c.CoworkerId !== null)
      .map((c) => [c.CoworkerId, c]),
  );
  const chain = new Set(locationChain(location, locations));
  return {
    generatedAt: now.toISOString(),
    locationId: businessId,
    locations: [...locations.values()].filter((l) => chain.has(l.id)),
    products: products.filter((p) => !p.archived),
    members: members.map((coworker) => {
      const held = passesOf.get(coworker.Id) ?? [];
      const checkin = open.get(coworker.Id);
      return {
        customer: toCustomer(coworker),
        heldPasses: held.map((h) => ({ ...heldPassFields(h), productId: h.TimePassId })),
        openCheckin: checkin
          ? { id: checkin.Id, businessId, fromTime: checkin.FromTime, coworkerTimePassGuid: checkin.CoworkerTimePassGuid }
          : null,
        paygChargedTodayMinor: paygChargedOn(held, location, today),
        chargedDay: today,
      };
    }),
  };
}

/**
 * The snapshot per location, built once per mirror change and day (not per tablet request), and
 * versioned like the directory so that tablets get only the members that changed.
 */
export function createSnapshotService(sync: MirrorSync, mirror: MirrorRepository) {
  const feed = createFeed<SnapshotMember>((member) => member.customer.id);
  const cache = new Map<number, { key: string; snapshot: Snapshot & { version: string } }>();
  async function current(businessId: number, now = new Date()): Promise<Snapshot & { version: string }> {
    await sync.ensure(businessId);
    const location = sync.businesses().get(businessId);
    const key = `${sync.generation()}:${location ? dayAt(toLocation(location), now) : ''}`;
    const cached = cache.get(businessId);
    if (cached?.key === key) return cached.snapshot;
    const built = await buildSnapshot(sync, mirror, businessId, now);
    const version = feed.publish(businessId, built.members, { locations: built.locations, products: built.products });
    const snapshot = { ...built, version };
    cache.set(businessId, { key, snapshot });
    return snapshot;
  }
  return {
    current,
    async deltaSince(businessId: number, since: string): Promise<SnapshotDelta | undefined> {
      const snapshot = await current(businessId);
      const delta = feed.delta(businessId, since);
      return (
        delta && {
          ...delta,
          generatedAt: snapshot.generatedAt,
          locationId: snapshot.locationId,
          locations: snapshot.locations,
          products: snapshot.products,
        }
      );
    },
  };
}
export type SnapshotService = ReturnType<typeof createSnapshotService>;
