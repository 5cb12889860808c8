import { CheckinRecordSchema, type CheckinRecord } from '../../contract/nexudus-checkins';
import { BusinessRecordSchema, type BusinessRecord } from '../../contract/nexudus-businesses';
import { CoworkerRecordSchema } from '../../contract/nexudus-coworkers';
import {
  CoworkerTimePassRecordSchema,
  TimePassRecordSchema,
  TimeSlotRecordSchema,
  type CoworkerTimePassRecord,
} from '../../contract/nexudus-passes';
import type { CheckinInput } from '../../domain/decide';
import type { Location, PassProduct } from '../../domain/model';
import { dayAt, openOnDay } from '../../domain/check-in-day';
import { linkedTo, paygChargedOn, toCustomer, toHeldPass, toLocation, toOpenCheckin, toProduct } from '../../domain/nexudus-records';
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
 * Reads the facts src/domain decides on. Businesses, pass products and time slots change rarely
 * and are cached for 30 seconds; a member's passes and check-ins are read fresh every time.
 */
export function createMemberFactsReader(upstream: UpstreamClient) {
  let reference: Reference | undefined;
  let loading: Promise<Reference> | undefined;

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
    invalidate: () => (reference = undefined),

    async read(businessId: number, coworkerId: number, at: Date): Promise<MemberFacts | undefined> {
      const ref = await referenceFor(businessId);
      const business = ref.businesses.get(businessId);
      const location = ref.locations.get(businessId);
      if (!business || !location) return undefined;
      const [coworker, held, checkins] = await Promise.all([
        upstream.get('/api/spaces/coworkers', coworkerId, CoworkerRecordSchema),
        upstream.list('/api/billing/coworkertimepasses', CoworkerTimePassRecordSchema, { CoworkerTimePass_Coworker: coworkerId }),
        upstream.firstPage('/api/spaces/checkins', CheckinRecordSchema, {
          Checkin_Coworker: coworkerId,
          Checkin_Business: businessId,
          orderBy: 'FromTime',
          dir: -1,
        }),
      ]);
      // A tablet sees only its own location's members: anyone else is "not found".
      if (!coworker || !linkedTo(coworker, businessId)) return undefined;
      const heldPasses = held.flatMap((h) => {
        const product = ref.products.get(h.TimePassId);
        return product ? [toHeldPass(h, product)] : [];
      });
      const openRecord = checkins.find((c) => c.ToTime === null) ?? null;
      const paygChargedTodayMinor = paygChargedOn(held, location, dayAt(location, at));
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
          paygChargedTodayMinor,
          at,
        },
      };
    },
  };
}
export type MemberFactsReader = ReturnType<typeof createMemberFactsReader>;
