import type { CheckinRecord } from '../../contract/nexudus-checkins';
import { BusinessRecordSchema, type BusinessRecord } from '../../contract/nexudus-businesses';
import { TimePassRecordSchema, TimeSlotRecordSchema, type CoworkerTimePassRecord } from '../../contract/nexudus-passes';
import type { CheckinInput } from '../../domain/decide';
import type { Location, PassProduct } from '../../domain/model';
import { dayAt, openOnDay } from '../../domain/check-in-day';
import { linkedTo, paygChargedOn, toCustomer, toHeldPass, toLocation, toOpenCheckin, toProduct } from '../../domain/nexudus-records';
import type { MirrorSync } from './mirror-sync';
import type { UpstreamClient } from './upstream-client';

const REFERENCE_TTL_MS = 30_000;

interface Reference {
  businesses: Map<number, BusinessRecord>;
  locations: Map<number, Location>;
  products: Map<number, PassProduct>;
  loadedAt: number;
}

/** What the gateway knows about a member at a location, read from the Nexudus API. */
export interface MemberFacts {
  business: BusinessRecord;
  input: CheckinInput;
  heldRecords: CoworkerTimePassRecord[];
  /** The open check-in at this location, today's or a stale one from an earlier day. */
  openRecord: CheckinRecord | null;
  company: string | null;
}

/**
 * Reads the facts src/domain decides on. A member's facts come from the mirror; the reference
 * data pairing and the admin page need (any business, even one no tablet is paired to yet) is
 * read from Nexudus and cached for 30 seconds.
 */
export function createMemberFactsReader(upstream: UpstreamClient, sync: MirrorSync) {
  let reference: Reference | undefined;
  let loading: Promise<Reference> | undefined;
  let mirrored: { generation: number; reference: Reference } | undefined;

  /** Businesses and pass products as the mirror holds them, rebuilt only when the mirror changed. */
  function mirroredReference(): Reference {
    if (mirrored?.generation === sync.generation()) return mirrored.reference;
    const businesses = sync.businesses();
    const slots = sync.slots();
    const built: Reference = {
      businesses,
      locations: new Map([...businesses.values()].map((b) => [b.Id, toLocation(b)])),
      products: new Map(sync.products().map((p) => [p.Id, toProduct(p, slots)])),
      loadedAt: Date.now(),
    };
    mirrored = { generation: sync.generation(), reference: built };
    return built;
  }

  async function loadReference(): Promise<Reference> {
    const [businesses, passes, slots] = await Promise.all([
      upstream.list('/api/sys/businesses', BusinessRecordSchema),
      upstream.list('/api/billing/timepasses', TimePassRecordSchema),
      upstream.list('/api/billing/timepasstimeslots', TimeSlotRecordSchema),
    ]);
    return {
      businesses: new Map(businesses.map((b) => [b.Id, b])),
      locations: new Map(businesses.map((b) => [b.Id, toLocation(b)])),
      products: new Map(passes.map((p) => [p.Id, toProduct(p, slots)])),
      loadedAt: Date.now(),
    };
  }

  async function referenceData(): Promise<Reference> {
    if (reference && Date.now() - reference.loadedAt < REFERENCE_TTL_MS) return reference;
    loading ??= loadReference().finally(() => (loading = undefined));
    reference = await loading;
    return reference;
  }

  /** Reference data that knows this business: a location created since the last load triggers a reload. */
  async function referenceFor(businessId: number): Promise<Reference> {
    const ref = await referenceData();
    if (ref.businesses.has(businessId)) return ref;
    reference = undefined;
    return referenceData();
  }

  return {
    referenceData,
    referenceFor,

    /**
     * A member's facts at a location, from the gateway's mirror (no upstream call per tap): what
     * Nexudus had at the last sync, plus this gateway's own writes since.
     */
    async read(businessId: number, coworkerId: number, at: Date): Promise<MemberFacts | undefined> {
      await sync.ensure(businessId);
      const ref = mirroredReference();
      const business = ref.businesses.get(businessId);
      const location = ref.locations.get(businessId);
      const coworker = sync.customer(coworkerId);
      // A tablet sees only its own location's members: anyone else is "not found".
      if (!business || !location || !coworker || !linkedTo(coworker, businessId)) return undefined;
      const held = sync.passesOf(coworkerId);
      const heldPasses = held.flatMap((h) => {
        const product = ref.products.get(h.TimePassId);
        return product ? [toHeldPass(h, product)] : [];
      });
      const openRecord =
        sync
          .checkinsOf(coworkerId)
          .filter((c) => c.BusinessId === businessId && c.ToTime === null)
          .sort((a, b) => Date.parse(b.FromTime) - Date.parse(a.FromTime))[0] ?? null;
      return {
        business,
        heldRecords: held,
        openRecord,
        company: coworker.CompanyName,
        input: {
          customer: toCustomer(coworker),
          location,
          locations: ref.locations,
          heldPasses,
          products: [...ref.products.values()],
          openCheckin: openOnDay(openRecord && toOpenCheckin(openRecord), location, at),
          paygChargedTodayMinor: paygChargedOn(held, location, dayAt(location, at)),
          at,
        },
      };
    },
  };
}
export type MemberFactsReader = ReturnType<typeof createMemberFactsReader>;
