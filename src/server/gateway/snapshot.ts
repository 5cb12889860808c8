import type { Snapshot } from '../../contract/kiosk-snapshot';
import { CheckinRecordSchema } from '../../contract/nexudus-checkins';
import { CoworkerRecordSchema } from '../../contract/nexudus-coworkers';
import { CoworkerTimePassRecordSchema } from '../../contract/nexudus-passes';
import { locationChain } from '../../domain/coverage';
import { dayAt, dayStart } from '../../domain/check-in-day';
import { toNexudusInstant } from '../../contract/nexudus-fields';
import type { MemberFactsReader } from './member-facts';
import type { UpstreamClient } from './upstream-client';
import { heldPassFields, linkedTo, paygChargedOn, toCustomer } from '../../domain/nexudus-records';

/**
 * Everything a tablet needs to decide offline for its location's members, in three list calls:
 * the members, all their passes, and today's check-ins at the location.
 */
export async function buildSnapshot(upstream: UpstreamClient, facts: MemberFactsReader, businessId: number, now: Date): Promise<Snapshot> {
  const ref = await facts.referenceFor(businessId);
  const location = ref.locations.get(businessId);
  if (!location) throw new Error(`business ${businessId} is gone`);
  const today = dayAt(location, now);
  const [coworkers, passes, checkins] = await Promise.all([
    upstream.list('/api/spaces/coworkers', CoworkerRecordSchema),
    upstream.list('/api/billing/coworkertimepasses', CoworkerTimePassRecordSchema),
    upstream.list('/api/spaces/checkins', CheckinRecordSchema, {
      Checkin_Business: businessId,
      from_Checkin_FromTime: toNexudusInstant(dayStart(location, now)),
    }),
  ]);
  const members = coworkers.filter((c) => c.Active && !c.Archived && linkedTo(c, businessId));
  const ids = new Set(members.map((m) => m.Id));
  const passesOf = new Map<number, typeof passes>();
  for (const pass of passes) if (ids.has(pass.CoworkerId)) passesOf.set(pass.CoworkerId, [...(passesOf.get(pass.CoworkerId) ?? []), pass]);
  const chain = new Set(locationChain(location, ref.locations));
  return {
    generatedAt: now.toISOString(),
    locationId: businessId,
    locations: [...ref.locations.values()].filter((l) => chain.has(l.id)),
    products: [...ref.products.values()].filter((p) => !p.archived),
    members: members.map((coworker) => {
      const held = passesOf.get(coworker.Id) ?? [];
      const open = checkins.find((c) => c.CoworkerId === coworker.Id && c.ToTime === null);
      return {
        customer: toCustomer(coworker),
        heldPasses: held.map((h) => ({ ...heldPassFields(h), productId: h.TimePassId })),
        openCheckin: open ? { id: open.Id, businessId, fromTime: open.FromTime, coworkerTimePassGuid: open.CoworkerTimePassGuid } : null,
        paygChargedTodayMinor: paygChargedOn(held, location, today),
        chargedDay: today,
      };
    }),
  };
}
