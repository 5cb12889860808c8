import { BusinessRecordSchema, type BusinessRecord } from '../../contract/nexudus-businesses';
import { CheckinRecordSchema, type CheckinRecord } from '../../contract/nexudus-checkins';
import { CoworkerRecordSchema, type CoworkerRecord } from '../../contract/nexudus-coworkers';
import { toNexudusInstant } from '../../contract/nexudus-fields';
import {
  CoworkerTimePassRecordSchema,
  TimePassRecordSchema,
  TimeSlotRecordSchema,
  type CoworkerTimePassRecord,
} from '../../contract/nexudus-passes';
import { dayStart } from '../../domain/check-in-day';
import { locationChain } from '../../domain/coverage';
import { linkedTo, toLocation } from '../../domain/nexudus-records';
import type { MirrorRepository } from '../db/mirror-repository';
import type { UpstreamClient } from './upstream-client';

/** What the gateway itself just wrote to Nexudus, for the mirror to show at once. */
export interface MirrorWrite {
  checkin?: CheckinRecord;
  removedCheckin?: number;
  passes?: CoworkerTimePassRecord[];
  /** Set when `passes` is every pass of this member (so others of theirs are gone). */
  passesOf?: number;
}

/** Incremental windows overlap by this much: Nexudus's `from_…_UpdatedOn` has minute precision and inclusive bounds. */
const OVERLAP_MS = 5 * 60_000;
/** How often everything is listed again (and so deletes of passes, which no incremental filter reports, are seen). */
export const FULL_SYNC_EVERY_MS = 6 * 3600_000;

const minute = (at: Date) => toNexudusInstant(at).slice(0, 16);

/**
 * Keeps the mirror of each paired location: a full sync (the location's customers by home and by
 * registration, the passes owned by it and its network, today's check-ins there, and the network's
 * businesses, products and time slots), then incremental syncs by `UpdatedOn`. Tablets' directory
 * and snapshot are read from the mirror; a list longer than the client reads fails the sync, and
 * the admin page shows it.
 */
/** Told of every finished full sync (the operator's log shows when a location was listed whole, and how many customers it held). */
export type FullSyncListener = (businessId: number, customers: number, ms: number) => void;

export function createMirrorSync(upstream: UpstreamClient, mirror: MirrorRepository, onFullSync?: FullSyncListener) {
  const running = new Map<string, Promise<void>>();
  let generation = 0;
  /** What reads the mirror (directory, snapshot, reference) is rebuilt only when a record really changed. */
  const apply: MirrorRepository['apply'] = (...args) => {
    const changed = mirror.apply(...args);
    if (changed > 0) generation += 1;
    return changed;
  };
  /**
   * Every location the mirror serves: a customer stays while linked to any of them. A location whose
   * first full sync is still running counts too: its customers are already in the mirror, and another
   * location's incremental sync (which sees every customer changed lately) must not drop them as
   * linked to no mirrored location before that sync has recorded its state.
   */
  const mirrored = (also: number): number[] => [
    ...new Set([
      ...mirror.states().flatMap((s) => (s.Scope.startsWith('location:') ? [Number(s.Scope.slice(9))] : [])),
      ...[...running.keys()].map((key) => Number(key.slice(9))),
      also,
    ]),
  ];
  const linkedToAny = (c: CoworkerRecord, locations: number[]) => locations.some((b) => linkedTo(c, b));

  const businesses = () => new Map(mirror.all('Business', BusinessRecordSchema).map((b) => [b.Id, b]));
  const chainOf = (businessId: number, all: Map<number, BusinessRecord>) => {
    const locations = new Map([...all.values()].map((b) => [b.Id, toLocation(b)]));
    const location = locations.get(businessId);
    return location ? locationChain(location, locations) : [];
  };

  async function syncReference(): Promise<Map<number, BusinessRecord>> {
    const [list, products, slots] = await Promise.all([
      upstream.list('/api/sys/businesses', BusinessRecordSchema),
      upstream.list('/api/billing/timepasses', TimePassRecordSchema),
      upstream.list('/api/billing/timepasstimeslots', TimeSlotRecordSchema),
    ]);
    const stale = (entity: 'Business' | 'TimePass' | 'TimePassTimeSlot', keep: { Id: number }[]) => {
      const fresh = new Set(keep.map((r) => r.Id));
      return mirror.ids(entity).filter((id) => !fresh.has(id));
    };
    apply('Business', list, stale('Business', list));
    apply('TimePass', products, stale('TimePass', products));
    apply('TimePassTimeSlot', slots, stale('TimePassTimeSlot', slots));
    return new Map(list.map((b) => [b.Id, b]));
  }

  async function todaysCheckins(businessId: number, all: Map<number, BusinessRecord>): Promise<void> {
    const business = all.get(businessId);
    if (!business) return;
    const since = dayStart(toLocation(business), new Date());
    const list = await upstream.list('/api/spaces/checkins', CheckinRecordSchema, {
      Checkin_Business: businessId,
      from_Checkin_FromTime: toNexudusInstant(since),
    });
    const fresh = new Set(list.map((c) => c.Id));
    const gone = mirror
      .all('Checkin', CheckinRecordSchema)
      .filter((c) => c.BusinessId === businessId && !fresh.has(c.Id))
      .map((c) => c.Id);
    apply('Checkin', list, gone);
  }

  /** Everything of one location, listed again; what Nexudus no longer has leaves the mirror. */
  async function fullSync(businessId: number): Promise<number> {
    const all = await syncReference();
    const [home, registered] = await Promise.all([
      upstream.list('/api/spaces/coworkers', CoworkerRecordSchema, { Coworker_InvoicingBusiness: businessId }),
      upstream.list('/api/spaces/coworkers', CoworkerRecordSchema, { Coworker_Businesses: businessId }),
    ]);
    const customers = new Map([...home, ...registered].map((c) => [c.Id, c]));
    const others = mirrored(businessId).filter((b) => b !== businessId);
    const goneCustomers = mirror
      .all('Coworker', CoworkerRecordSchema)
      .filter((c) => linkedTo(c, businessId) && !customers.has(c.Id) && !linkedToAny(c, others))
      .map((c) => c.Id);
    apply('Coworker', [...customers.values()], goneCustomers);

    const owners = chainOf(businessId, all);
    const passes = (
      await Promise.all(
        owners.map((b) => upstream.list('/api/billing/coworkertimepasses', CoworkerTimePassRecordSchema, { CoworkerTimePass_Business: b })),
      )
    ).flat();
    const held = passes.filter((p) => customers.has(p.CoworkerId));
    const heldIds = new Set(held.map((p) => p.Id));
    const ownerSet = new Set(owners);
    const gonePasses = mirror
      .all('CoworkerTimePass', CoworkerTimePassRecordSchema)
      .filter(
        (p) => ownerSet.has(p.BusinessId) && (customers.has(p.CoworkerId) || goneCustomers.includes(p.CoworkerId)) && !heldIds.has(p.Id),
      )
      .map((p) => p.Id);
    apply('CoworkerTimePass', held, gonePasses);
    await todaysCheckins(businessId, all);
    return customers.size;
  }

  /** What changed since the last sync, network-wide, kept where it concerns this location. */
  async function incrementalSync(businessId: number, since: Date): Promise<number> {
    const all = await syncReference();
    const from = minute(new Date(since.getTime() - OVERLAP_MS));
    const [coworkers, passes] = await Promise.all([
      upstream.list('/api/spaces/coworkers', CoworkerRecordSchema, { from_Coworker_UpdatedOn: from, orderBy: 'UpdatedOn', dir: 1 }),
      upstream.list('/api/billing/coworkertimepasses', CoworkerTimePassRecordSchema, {
        from_CoworkerTimePass_UpdatedOn: from,
        orderBy: 'UpdatedOn',
        dir: 1,
      }),
    ]);
    const known = new Set(mirror.ids('Coworker'));
    const locations = mirrored(businessId);
    const linked = coworkers.filter((c) => linkedTo(c, businessId));
    const unlinked = coworkers.filter((c) => !linkedToAny(c, locations) && known.has(c.Id)).map((c) => c.Id);
    apply('Coworker', linked, unlinked);
    const members = new Set(mirror.ids('Coworker'));
    const owners = new Set(chainOf(businessId, all));
    apply(
      'CoworkerTimePass',
      passes.filter((p) => members.has(p.CoworkerId) && owners.has(p.BusinessId)),
    );
    await todaysCheckins(businessId, all);
    return mirror.ids('Coworker').length;
  }

  async function run(businessId: number, force: 'full' | 'auto'): Promise<void> {
    const scope = `location:${businessId}`;
    const started = new Date();
    const state = mirror.state(scope);
    const full = force === 'full' || !state?.FullAt || started.getTime() - Date.parse(state.FullAt) > FULL_SYNC_EVERY_MS;
    try {
      const records = full ? await fullSync(businessId) : await incrementalSync(businessId, new Date(state?.Cursor ?? 0));
      mirror.synced(scope, started.toISOString(), records, full);
      if (full) onFullSync?.(businessId, records, Date.now() - started.getTime());
    } catch (error) {
      mirror.failed(scope, error instanceof Error ? error.message : String(error));
      throw error;
    }
  }

  return {
    /** Syncs one location now (one sync at a time per location; callers share a running one). */
    sync(businessId: number, force: 'full' | 'auto' = 'auto'): Promise<void> {
      const key = `location:${businessId}`;
      let pending = running.get(key);
      if (!pending) {
        pending = run(businessId, force).finally(() => running.delete(key));
        running.set(key, pending);
      }
      return pending;
    },
    /** The first time a location is served: a full sync before the first answer. */
    async ensure(businessId: number): Promise<void> {
      if (!mirror.state(`location:${businessId}`)?.FullAt) await this.sync(businessId, 'full');
    },
    customer: (id: number): CoworkerRecord | undefined => mirror.get('Coworker', id, CoworkerRecordSchema),
    passesOf: (coworkerId: number): CoworkerTimePassRecord[] =>
      mirror.ownedBy('CoworkerTimePass', coworkerId, CoworkerTimePassRecordSchema),
    checkinsOf: (coworkerId: number): CheckinRecord[] => mirror.ownedBy('Checkin', coworkerId, CheckinRecordSchema),
    products: () => mirror.all('TimePass', TimePassRecordSchema),
    slots: () => mirror.all('TimePassTimeSlot', TimeSlotRecordSchema),
    /** The gateway's own writes, applied at once: the check-in as Nexudus recorded it, and the member's passes. */
    noteWrite(records: MirrorWrite) {
      if (records.checkin) apply('Checkin', [records.checkin]);
      if (records.removedCheckin !== undefined) apply('Checkin', [], [records.removedCheckin]);
      if (records.passes) {
        // A full list of one member's passes replaces theirs (a removed PAYG pass leaves too).
        const listed = new Set(records.passes.map((p) => p.Id));
        const gone =
          records.passesOf === undefined
            ? []
            : mirror
                .ownedBy('CoworkerTimePass', records.passesOf, CoworkerTimePassRecordSchema)
                .filter((p) => !listed.has(p.Id))
                .map((p) => p.Id);
        apply('CoworkerTimePass', records.passes, gone);
      }
    },
    customers: (businessId: number): CoworkerRecord[] =>
      mirror.all('Coworker', CoworkerRecordSchema).filter((c) => linkedTo(c, businessId)),
    passes: (): CoworkerTimePassRecord[] => mirror.all('CoworkerTimePass', CoworkerTimePassRecordSchema),
    checkins: (businessId: number): CheckinRecord[] =>
      mirror.all('Checkin', CheckinRecordSchema).filter((c) => c.BusinessId === businessId),
    businesses,
    /** Changes whenever the mirror does (in this process): directory and snapshot caches key on it. */
    generation: () => generation,
    /** Every location with a sync state (paired once), for the schedule. */
    locations: (): number[] => mirrored(0).filter((b) => b !== 0),
    states: () => mirror.states(),
  };
}
export type MirrorSync = ReturnType<typeof createMirrorSync>;
