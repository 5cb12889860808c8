import { z } from 'zod';
import type { BusinessRecord } from '../../contract/nexudus-businesses';
import { CoworkerRecordSchema } from '../../contract/nexudus-coworkers';
import { toNexudusInstant } from '../../contract/nexudus-fields';
import { HostApprovalStatus, VisitorRecordSchema, VisitorSource, type VisitorRecord } from '../../contract/nexudus-visitors';
import type {
  HostAnswer,
  HostAnswerPreview,
  OnSite,
  PendingVisitor,
  VisitorCodeResult,
  WalkInOutcome,
  WalkInRequest,
  WalkInStatus,
} from '../../contract/visitors-api';
import { dayAt, dayStart } from '../../domain/check-in-day';
import { linkedTo, toLocation } from '../../domain/nexudus-records';
import type { Db } from '../db/database';
import type { Device } from '../db/devices-repository';
import type { HostMailer } from '../lib/host-mailer';
import type { HostLinkSigner } from './host-links';
import { hostEmail } from './host-email';
import type { MemberFactsReader } from './member-facts';
import type { MirrorSync } from './mirror-sync';
import { UpstreamRefused, type UpstreamClient } from './upstream-client';

const VISITORS = '/api/spaces/visitors';
/** A registration whose create was interrupted (a crash) is taken over after this long. */
const CLAIM_TIMEOUT_MS = 30_000;
/** Walk-in rows (ids only) are kept this long for the tablet's and staff's questions, then deleted. */
const WALK_IN_ROW_DAYS = 2;

/** A refusal the tablet shows as it is (the code tells the kiosk which words to use). */
export class VisitorRefused extends Error {
  constructor(
    readonly code: 'NOT_FOUND' | 'UNKNOWN_CREDENTIAL' | 'NOT_APPROVED' | 'ALREADY_ANSWERED' | 'EXPIRED' | 'VALIDATION' | 'IN_PROGRESS',
    message: string,
  ) {
    super(message);
  }
}

const WalkInRow = z.object({
  ClientId: z.string(),
  DeviceId: z.number(),
  BusinessId: z.number(),
  HostId: z.number(),
  VisitorId: z.number().nullable(),
  Notice: z.enum(['email', 'staff', 'nexudus', 'none']),
  CreatedAt: z.string(),
  Answer: z.string().nullable(),
  AnsweredAt: z.string().nullable(),
});
type WalkInRow = z.infer<typeof WalkInRow>;

const STATUS_FOR_ANSWER: Record<HostAnswer, number> = {
  collect: HostApprovalStatus.AcceptedAndHold,
  desk: HostApprovalStatus.AcceptedAndGrant,
  decline: HostApprovalStatus.Rejected,
};

const firstName = (name: string | null | undefined) => (name ?? '').trim().split(/\s+/)[0] ?? '';

export function outcomeOf(visitor: VisitorRecord): WalkInOutcome {
  switch (visitor.HostApprovalStatus) {
    case HostApprovalStatus.Requested:
      return 'waiting';
    case HostApprovalStatus.Rejected:
      return 'declined';
    case HostApprovalStatus.AcceptedAndHold:
      return 'collect';
    case HostApprovalStatus.AcceptedAndGrant:
      return 'desk';
    default:
      return 'checked-in';
  }
}

export interface VisitorDeskDeps {
  db: Db;
  upstream: UpstreamClient;
  facts: MemberFactsReader;
  sync: MirrorSync;
  /** Whether Tapdesk serves a location (mirrored, or a tablet was paired there): staff ask only about those. */
  serves: (businessId: number) => boolean;
  /** Embedded mode: Tapdesk tells the host itself (by e-mail when SMTP is set, else staff answer). */
  embedded: boolean;
  mailer?: HostMailer;
  publicUrl?: string;
  links: HostLinkSigner;
  log: { warn: (fields: object, message: string) => void };
  clock?: () => Date;
}

/**
 * Visitors at the desk: walk-ins registered on a tablet (with the host's approval where the
 * location asks for it), expected visitors checking in and out with their code, and who is in the
 * building. Visitors live in Nexudus; the gateway keeps only ids for a walk-in it registered.
 */
export function createVisitorDesk(deps: VisitorDeskDeps) {
  const { db, upstream, facts, sync, links } = deps;
  const clock = deps.clock ?? (() => new Date());
  const rowOf = (clientId: string) => {
    const row: unknown = db.prepare('SELECT * FROM visitor_walk_ins WHERE ClientId = ?').get(clientId);
    return row === undefined ? undefined : WalkInRow.parse(row);
  };
  const rowOfVisitor = (visitorId: number) => {
    const row: unknown = db.prepare('SELECT * FROM visitor_walk_ins WHERE VisitorId = ?').get(visitorId);
    return row === undefined ? undefined : WalkInRow.parse(row);
  };

  /**
   * A walk-in that waited in a tablet's outbox is registered only on the day it was made: the next
   * day the visitor is long gone, and the host would be e-mailed for nobody (staff see it refused).
   */
  async function registeredToday(registeredAt: string, device: Device, now: Date): Promise<void> {
    // A tablet clock running ahead is no reason to turn a visitor away: only an earlier day counts.
    const at = Date.parse(registeredAt);
    if (at < dayStart(toLocation(await business(device.BusinessId)), now).getTime())
      throw new VisitorRefused('EXPIRED', 'This walk-in was registered on an earlier day; it was not sent to the host.');
  }

  async function business(businessId: number): Promise<BusinessRecord> {
    const found = (await facts.referenceFor(businessId)).businesses.get(businessId);
    if (!found) throw new VisitorRefused('NOT_FOUND', 'This location no longer exists in Nexudus.');
    return found;
  }

  async function visitor(visitorId: number): Promise<VisitorRecord> {
    const found = await upstream.get(VISITORS, visitorId, VisitorRecordSchema);
    if (!found) throw new VisitorRefused('NOT_FOUND', 'This visitor is no longer registered.');
    return found;
  }

  const statusOf = (row: WalkInRow, record: VisitorRecord): WalkInStatus => ({
    clientId: row.ClientId,
    visitorId: record.Id,
    outcome: outcomeOf(record),
    hostFirstName: firstName(record.CoworkerFullName),
    notice: row.Notice,
  });

  /**
   * The one create an interrupted earlier attempt may have made: same location, host, expected
   * arrival, name and e-mail, and not a visitor another walk-in already holds.
   */
  async function findCreated(row: WalkInRow, body: WalkInRequest): Promise<VisitorRecord | undefined> {
    const found = await upstream.firstPage(VISITORS, VisitorRecordSchema, {
      Visitor_Business: row.BusinessId,
      Visitor_Coworker: row.HostId,
      Visitor_ExpectedArrival: row.CreatedAt,
    });
    return found.find(
      (v) =>
        v.VisitorSource === VisitorSource.NexIO &&
        Date.parse(v.ExpectedArrival) === Date.parse(row.CreatedAt) &&
        v.FullName === body.fullName &&
        v.Email === body.email &&
        rowOfVisitor(v.Id) === undefined,
    );
  }

  async function tellHost(row: WalkInRow, record: VisitorRecord, location: BusinessRecord): Promise<WalkInRow['Notice']> {
    if (!deps.mailer || !deps.publicUrl || !record.CoworkerEmail) return 'staff';
    const answerUrl = (answer: HostAnswer) => `${deps.publicUrl?.replace(/\/$/, '')}/host-answer#${links.issue(record.Id, answer)}`;
    try {
      await deps.mailer.send({ to: record.CoworkerEmail, ...hostEmail(record, location.Name, answerUrl) });
      return 'email';
    } catch (error) {
      // Staff answer on the admin page instead; the log names the visitor by id only.
      deps.log.warn(
        { visitorId: record.Id, reason: error instanceof Error ? error.message : String(error) },
        'host e-mail not sent; staff answer on the admin page',
      );
      return 'staff';
    }
  }

  /** Applies an answer once: the first one (a host's link or staff) closes every other. */
  async function applyAnswer(visitorId: number, answer: HostAnswer): Promise<VisitorRecord> {
    const at = clock().toISOString();
    const claimed = db
      .prepare('UPDATE visitor_walk_ins SET Answer = ?, AnsweredAt = ? WHERE VisitorId = ? AND Answer IS NULL')
      .run(answer, at, visitorId);
    if (claimed.changes !== 1) throw new VisitorRefused('ALREADY_ANSWERED', 'This visitor has already been answered.');
    try {
      const record = await visitor(visitorId);
      // Only a visitor still waiting is answered (not one checked in meanwhile, nor one Nexudus answered).
      if (record.HostApprovalStatus !== HostApprovalStatus.Requested)
        throw new VisitorRefused('ALREADY_ANSWERED', 'This visitor has already been answered.');
      const location = await business(record.BusinessId);
      const approved = answer !== 'decline';
      const checkIn = approved && location.VisitorAutoCheckIn && !record.Arrived;
      const now = toNexudusInstant(clock());
      await upstream.update(VISITORS, {
        ...record,
        HostApprovalStatus: STATUS_FOR_ANSWER[answer],
        ...(checkIn ? { Arrived: true, ArrivalDate: now, DepartureDate: null } : {}),
      });
      return { ...record, HostApprovalStatus: STATUS_FOR_ANSWER[answer], ...(checkIn ? { Arrived: true, ArrivalDate: now } : {}) };
    } catch (error) {
      // Not applied (Nexudus down, the record gone): the links and staff may answer again.
      db.prepare('UPDATE visitor_walk_ins SET Answer = NULL, AnsweredAt = NULL WHERE VisitorId = ? AND AnsweredAt = ?').run(visitorId, at);
      throw error;
    }
  }

  return {
    /** A walk-in registers on a tablet: one visitor per clientId, the host told where approval applies. */
    async walkIn(body: WalkInRequest, device: Device): Promise<{ status: WalkInStatus; fresh: boolean }> {
      const now = clock();
      const createdAt = toNexudusInstant(now);
      if (body.registeredAt !== undefined && (rowOf(body.clientId)?.VisitorId ?? null) === null)
        await registeredToday(body.registeredAt, device, now);
      const inserted = db
        .prepare(
          `INSERT INTO visitor_walk_ins (ClientId, DeviceId, BusinessId, HostId, Notice, CreatedAt) VALUES (?, ?, ?, ?, 'none', ?)
           ON CONFLICT (ClientId) DO NOTHING`,
        )
        .run(body.clientId, device.Id, device.BusinessId, body.hostId, createdAt);
      let row = rowOf(body.clientId);
      if (!row || row.DeviceId !== device.Id) throw new VisitorRefused('VALIDATION', 'clientId: already used by another tablet');
      if (row.VisitorId !== null) return { status: statusOf(row, await visitor(row.VisitorId)), fresh: false };
      if (inserted.changes === 0) {
        if (now.getTime() - Date.parse(row.CreatedAt) < CLAIM_TIMEOUT_MS)
          throw new VisitorRefused('IN_PROGRESS', 'This registration is being sent. Try again in a moment.');
        const earlier = await findCreated(row, body);
        if (earlier) {
          db.prepare('UPDATE visitor_walk_ins SET VisitorId = ? WHERE ClientId = ?').run(earlier.Id, row.ClientId);
          return { status: statusOf({ ...row, VisitorId: earlier.Id }, earlier), fresh: false };
        }
      }
      try {
        const location = await business(device.BusinessId);
        const host = await upstream.get('/api/spaces/coworkers', body.hostId, CoworkerRecordSchema);
        if (!host || !linkedTo(host, device.BusinessId) || !host.Active || host.Archived)
          throw new VisitorRefused('VALIDATION', 'hostId: choose a member of this location');
        const approval = location.VisitorHostApproval;
        const id = await upstream.create(VISITORS, {
          BusinessId: device.BusinessId,
          FullName: body.fullName,
          Email: body.email,
          ...(body.companyName ? { CompanyName: body.companyName } : {}),
          ExpectedArrival: row.CreatedAt,
          VisitorSource: VisitorSource.NexIO,
          HostApprovalStatus: approval ? HostApprovalStatus.Requested : HostApprovalStatus.NotRequired,
          CoworkerId: body.hostId,
          HasAgreedTerms: true,
          CheckInNow: !approval,
          CheckedInAt: device.Name,
        });
        db.prepare('UPDATE visitor_walk_ins SET VisitorId = ? WHERE ClientId = ?').run(id, row.ClientId);
        row = { ...row, VisitorId: id };
        const record = await visitor(id);
        const notice = !approval ? 'none' : deps.embedded ? await tellHost(row, record, location) : 'nexudus';
        db.prepare('UPDATE visitor_walk_ins SET Notice = ? WHERE ClientId = ?').run(notice, row.ClientId);
        return { status: statusOf({ ...row, Notice: notice }, record), fresh: true };
      } catch (error) {
        // Refused before anything was created: the same clientId may be sent again, corrected.
        if (error instanceof VisitorRefused || error instanceof UpstreamRefused)
          db.prepare('DELETE FROM visitor_walk_ins WHERE ClientId = ? AND VisitorId IS NULL').run(row.ClientId);
        if (error instanceof UpstreamRefused) throw new VisitorRefused('VALIDATION', error.message);
        throw error;
      }
    },

    /** Where this tablet's walk-in stands (only the tablet that registered them may ask). */
    async status(clientId: string, device: Device): Promise<WalkInStatus> {
      const row = rowOf(clientId);
      if (!row || row.DeviceId !== device.Id || row.VisitorId === null)
        throw new VisitorRefused('NOT_FOUND', 'No such registration on this tablet.');
      return statusOf(row, await visitor(row.VisitorId));
    },

    /** What a host's link would do, without doing it (opening a link changes nothing). */
    async preview(token: string): Promise<HostAnswerPreview> {
      const link = links.verify(token);
      if (link === 'expired') throw new VisitorRefused('EXPIRED', 'This link has expired. Please call reception.');
      const row = link ? rowOfVisitor(link.visitorId) : undefined;
      if (!link || !row) throw new VisitorRefused('NOT_FOUND', 'This link is not valid.');
      const record = await visitor(link.visitorId);
      const open = row.Answer === null && record.HostApprovalStatus === HostApprovalStatus.Requested;
      return {
        // A forwarded link shows whom it is about only while it can still be used.
        visitorName: open ? record.FullName : '',
        locationName: (await business(record.BusinessId)).Name,
        answer: link.answer,
        state: open ? 'open' : 'answered',
      };
    },

    async answerByLink(token: string): Promise<{ answer: HostAnswer; visitorName: string }> {
      const link = links.verify(token);
      if (link === 'expired') throw new VisitorRefused('EXPIRED', 'This link has expired. Please call reception.');
      if (!link || !rowOfVisitor(link.visitorId)) throw new VisitorRefused('NOT_FOUND', 'This link is not valid.');
      const record = await applyAnswer(link.visitorId, link.answer);
      return { answer: link.answer, visitorName: record.FullName };
    },

    /** Staff answer for the host (no SMTP, or the host cannot be reached). */
    async answerByStaff(visitorId: number, answer: HostAnswer): Promise<void> {
      if (!rowOfVisitor(visitorId)) throw new VisitorRefused('NOT_FOUND', 'No such walk-in visitor.');
      await applyAnswer(visitorId, answer);
    },

    /** Walk-ins still waiting for their host, for the admin page. */
    async pending(): Promise<PendingVisitor[]> {
      const rows = z
        .array(WalkInRow)
        .parse(
          db
            .prepare(
              "SELECT * FROM visitor_walk_ins WHERE Answer IS NULL AND VisitorId IS NOT NULL AND Notice IN ('email', 'staff') ORDER BY CreatedAt",
            )
            .all(),
        );
      const out: PendingVisitor[] = [];
      for (const row of rows) {
        const record = row.VisitorId === null ? undefined : await upstream.get(VISITORS, row.VisitorId, VisitorRecordSchema);
        if (!record || record.HostApprovalStatus !== HostApprovalStatus.Requested) continue;
        out.push({
          visitorId: record.Id,
          businessId: record.BusinessId,
          visitorName: record.FullName,
          companyName: record.CompanyName,
          hostName: record.CoworkerFullName ?? '',
          requestedAt: new Date(row.CreatedAt).toISOString(),
          notice: row.Notice,
        });
      }
      return out;
    },

    /**
     * An expected visitor's code: checks them in, or out when they are in. A code that finds
     * nobody at this location is "not found" (and counted by the caller as a guess).
     */
    async byCode(code: string, device: Device): Promise<VisitorCodeResult | undefined> {
      let found: VisitorRecord[];
      try {
        found = await upstream.firstPage(VISITORS, VisitorRecordSchema, { Visitor_VisitorCode: code, Visitor_Business: device.BusinessId });
      } catch (error) {
        if (error instanceof UpstreamRefused) return undefined;
        throw error;
      }
      const record = found.find((v) => v.VisitorCode === code && v.BusinessId === device.BusinessId);
      if (!record) return undefined;
      const host = record.CoworkerFullName ? firstName(record.CoworkerFullName) : null;
      if (record.HostApprovalStatus === HostApprovalStatus.Requested)
        throw new VisitorRefused('NOT_APPROVED', `${host ?? 'Your host'} has not approved your visit yet. Please wait or see reception.`);
      if (record.HostApprovalStatus === HostApprovalStatus.Rejected) throw new VisitorRefused('NOT_APPROVED', 'Please see reception.');
      const location = toLocation(await business(device.BusinessId));
      const now = clock();
      const inNow = record.Arrived && record.DepartureDate === null && record.ArrivalDate !== null;
      const stamp = toNexudusInstant(now);
      if (inNow) {
        await upstream.update(VISITORS, { ...record, DepartureDate: stamp });
        return { action: 'checked-out', firstName: firstName(record.FullName), hostFirstName: host };
      }
      if (record.DepartureDate !== null)
        throw new VisitorRefused('NOT_APPROVED', 'This code was used for a visit that has ended. Please see reception.');
      if (dayAt(location, new Date(record.ExpectedArrival)) !== dayAt(location, now))
        throw new VisitorRefused('NOT_APPROVED', 'This invitation is for another day. Please see reception.');
      await upstream.update(VISITORS, { ...record, Arrived: true, ArrivalDate: stamp, DepartureDate: null });
      return { action: 'checked-in', firstName: firstName(record.FullName), hostFirstName: host };
    },

    /**
     * Who is in, for staff on the admin page: only at a location Tapdesk serves. Asking about any
     * other would start mirroring it (a full sync, then an incremental one every interval, on
     * Nexudus's request budget) for a location no tablet is at.
     */
    async onSiteServed(businessId: number): Promise<OnSite> {
      const record = await business(businessId);
      if (!deps.serves(businessId)) {
        throw new VisitorRefused(
          'NOT_FOUND',
          `No Tapdesk tablet has been paired at ${record.Name}: who is in is kept where Tapdesk's tablets are.`,
        );
      }
      return this.onSite(businessId);
    },
    /**
     * Who is in now at a location: members with an open check-in of today (the mirror) and
     * visitors who arrived today and have not left (a visit, like a check-in, ends at the cut-off).
     */
    async onSite(businessId: number): Promise<OnSite> {
      // The location first: an unknown id must not leave a mirror state the schedule syncs forever.
      const record = await business(businessId);
      await sync.ensure(businessId);
      const location = toLocation(record);
      const now = clock();
      const start = dayStart(location, now);
      const names = new Map(sync.customers(businessId).map((c) => [c.Id, c]));
      const members = sync
        .checkins(businessId)
        .filter((c) => c.ToTime === null && c.CoworkerId !== null && Date.parse(c.FromTime) >= start.getTime())
        .flatMap((c) => {
          const who = names.get(c.CoworkerId ?? 0) ?? sync.customer(c.CoworkerId ?? 0);
          return who
            ? [{ id: who.Id, name: who.FullName, company: who.CompanyName ?? null, since: new Date(c.FromTime).toISOString() }]
            : [];
        })
        .sort((a, b) => a.name.localeCompare(b.name));
      const visitors = (
        await upstream.list(VISITORS, VisitorRecordSchema, {
          Visitor_Business: businessId,
          from_Visitor_ArrivalDate: toNexudusInstant(start),
        })
      )
        .filter((v) => v.Arrived && v.ArrivalDate !== null && v.DepartureDate === null)
        .map((v) => ({
          id: v.Id,
          name: v.FullName,
          company: v.CompanyName,
          hostName: v.CoworkerFullName,
          since: new Date(v.ArrivalDate ?? now).toISOString(),
        }))
        .sort((a, b) => a.name.localeCompare(b.name));
      return { businessId, locationName: record.Name, at: now.toISOString(), members, visitors };
    },

    /** Walk-in rows hold ids only and are not needed after a visit's day: deleted after two days. */
    forgetOld(): number {
      const before = new Date(clock().getTime() - WALK_IN_ROW_DAYS * 86_400_000).toISOString();
      return db.prepare('DELETE FROM visitor_walk_ins WHERE CreatedAt < ?').run(before).changes;
    },
  };
}
export type VisitorDesk = ReturnType<typeof createVisitorDesk>;
