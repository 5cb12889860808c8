import type { PassSummary } from '../../contract/kiosk-api';
import { CheckinRecordSchema, CheckinSource, type CheckinRecord } from '../../contract/nexudus-checkins';
import { toNexudusInstant } from '../../contract/nexudus-fields';
import { CoworkerTimePassRecordSchema, type CoworkerTimePassRecord } from '../../contract/nexudus-passes';
import type { LedgerEntry, LedgerRepository } from '../db/ledger-repository';
import { passSummary } from './eligibility';
import type { MemberFacts } from './member-facts';
import { UpstreamRefused, type UpstreamClient } from './upstream-client';

export interface RecordedPass {
  name: string | null;
  summary: PassSummary | null;
  payg: boolean;
}

/**
 * The gateway's writes to Nexudus and what it reads back about them. Before each write the ledger
 * records exactly what is about to be written, so that after a crash `findRecorded` looks for that
 * write and nothing else.
 */
export function createNexudusWrites(upstream: UpstreamClient, ledger: LedgerRepository) {
  return {
    /** POST a Source 4 check-in; a refusal by Nexudus comes back as its message. */
    async checkIn(
      clientId: string,
      at: { businessId: number; coworkerId: number; from: Date; closedAt: Date | null },
    ): Promise<{ id: number } | { refused: string }> {
      const fromTime = toNexudusInstant(at.from);
      const toTime = at.closedAt ? toNexudusInstant(at.closedAt) : null;
      ledger.intend(clientId, { checkinId: null, fromTime, toTime });
      try {
        const id = await upstream.create('/api/spaces/checkins', {
          BusinessId: at.businessId,
          CoworkerId: at.coworkerId,
          FromTime: fromTime,
          ...(toTime ? { ToTime: toTime } : {}),
          Source: CheckinSource.Tile,
        });
        return { id };
      } catch (error) {
        if (error instanceof UpstreamRefused) return { refused: error.message };
        throw error;
      }
    },

    /** PUT the open check-in with its ToTime (AutoCheckout when closed at an earlier day's cut-off). */
    async checkOut(clientId: string, open: CheckinRecord, end: Date, stale: boolean): Promise<void> {
      const toTime = toNexudusInstant(end);
      ledger.intend(clientId, { checkinId: open.Id, fromTime: null, toTime });
      await upstream.update('/api/spaces/checkins', { ...open, ToTime: toTime, AutoCheckout: stale });
    },

    readBack: (checkinId: number) => upstream.get('/api/spaces/checkins', checkinId, CheckinRecordSchema),

    passesOf: (coworkerId: number): Promise<CoworkerTimePassRecord[]> =>
      upstream.list('/api/billing/coworkertimepasses', CoworkerTimePassRecordSchema, { CoworkerTimePass_Coworker: coworkerId }),

    /**
     * The one upstream write an earlier attempt at this tap may have made, read back exactly as the
     * ledger recorded it before the call: the check-in a check-out closed (with that ToTime), or the
     * check-in made at that exact FromTime. No intent recorded means the write was never sent.
     */
    async findRecorded(entry: LedgerEntry): Promise<CheckinRecord | undefined> {
      if (entry.IntentCheckinId !== null) {
        const closed = await upstream.get('/api/spaces/checkins', entry.IntentCheckinId, CheckinRecordSchema);
        const intended = entry.IntentToTime === null ? NaN : Date.parse(entry.IntentToTime);
        return closed && closed.ToTime !== null && Date.parse(closed.ToTime) === intended ? closed : undefined;
      }
      if (entry.IntentFromTime === null) return undefined;
      const from = Date.parse(entry.IntentFromTime);
      const found = await upstream.firstPage('/api/spaces/checkins', CheckinRecordSchema, {
        Checkin_Coworker: entry.CoworkerId,
        Checkin_Business: entry.BusinessId,
        Checkin_FromTime: entry.IntentFromTime,
      });
      return found.find((c) => c.CoworkerId === entry.CoworkerId && Date.parse(c.FromTime) === from);
    },

    /** The pass a recorded check-in used, as Nexudus holds it now. */
    async passOf(record: CheckinRecord, facts: MemberFacts | undefined): Promise<RecordedPass> {
      if (!record.CoworkerTimePassGuid || !record.CoworkerId) return { name: null, summary: null, payg: false };
      const passes = await upstream.list('/api/billing/coworkertimepasses', CoworkerTimePassRecordSchema, {
        CoworkerTimePass_Coworker: record.CoworkerId,
      });
      const pass = passes.find((p) => p.UniqueId === record.CoworkerTimePassGuid);
      const held = facts?.input.heldPasses.find((p) => p.uniqueId === record.CoworkerTimePassGuid);
      const summary =
        held && facts && !pass?.IsPayAsYouGo
          ? passSummary({ ...held, used: true, remainingMinutes: pass?.RemainingUses ?? held.remainingMinutes }, facts)
          : null;
      return {
        name: pass?.TimePassName ?? null,
        summary: summary ? { ...summary, passesLeft: passes.filter((p) => p.TimePassId === pass?.TimePassId && !p.Used).length } : null,
        payg: pass?.IsPayAsYouGo ?? false,
      };
    },
  };
}
