import { prepareCached, type Db } from './database';
import { checkinsTable, coworkerTimePassesTable, failedCheckinsTable } from './nexudus-tables';
import { insertRow, updateRow, type SqlValue } from './table';

/** Writes behind the check-in rule; the caller wraps them in one transaction. */
export function createCheckinsRepository(db: Db) {
  const markUsed = db.prepare(
    'UPDATE coworkertimepasses SET Used = 1, UsedDate = COALESCE(UsedDate, ?), CheckedIn = ?, UpdatedOn = ?, UpdatedBy = ? WHERE Id = ?',
  );
  const checkOutPass = db.prepare(
    `UPDATE coworkertimepasses SET CheckedIn = 0,
       RemainingUses = CASE WHEN RemainingUses IS NULL THEN NULL ELSE MAX(0, RemainingUses - ?) END,
       UpdatedOn = ?, UpdatedBy = ? WHERE UniqueId = ?`,
  );
  const passByGuid = db.prepare('SELECT Id, IsPayAsYouGo FROM coworkertimepasses WHERE UniqueId = ?');
  const upsertCharge = db.prepare(
    `INSERT INTO payg_charges (CheckinId, CoworkerTimePassId, CoworkerId, BusinessId, CheckinDay, AmountMinor, CurrencyCode, CreatedOn, UpdatedOn)
     VALUES (@checkinId, @passId, @coworkerId, @businessId, @day, @amount, @currency, @now, @now)
     ON CONFLICT (CheckinId) DO UPDATE SET AmountMinor = excluded.AmountMinor, UpdatedOn = excluded.UpdatedOn`,
  );
  const chargeOf = db.prepare('SELECT CheckinDay, AmountMinor FROM payg_charges WHERE CheckinId = ?');
  const repriceePass = db.prepare(
    'UPDATE coworkertimepasses SET PriceMinor = (SELECT COALESCE(SUM(AmountMinor), 0) FROM payg_charges WHERE CoworkerTimePassId = ?) WHERE Id = ?',
  );
  const usedByCheckin = db.prepare(
    'SELECT 1 FROM checkins WHERE CoworkerTimePassGuid = (SELECT UniqueId FROM coworkertimepasses WHERE Id = ?) LIMIT 1',
  );

  const now = () => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');

  const checkinById = db.prepare('SELECT Id, FromTime, CoworkerTimePassGuid FROM checkins WHERE Id = ?');
  const passForGuid = db.prepare('SELECT Id, IsPayAsYouGo, UsedDate FROM coworkertimepasses WHERE UniqueId = ?');
  const otherUses = db.prepare('SELECT COUNT(*) FROM checkins WHERE CoworkerTimePassGuid = ? AND Id != ?');
  const deleteCheckinRow = db.prepare('DELETE FROM checkins WHERE Id = ?');
  const deleteCharges = db.prepare('DELETE FROM payg_charges WHERE CoworkerTimePassId = ?');
  const deletePassRow = db.prepare('DELETE FROM coworkertimepasses WHERE Id = ?');
  const giveBack = db.prepare('UPDATE coworkertimepasses SET Used = 0, UsedDate = NULL, CheckedIn = 0 WHERE Id = ?');
  const notCheckedIn = db.prepare('UPDATE coworkertimepasses SET CheckedIn = 0 WHERE Id = ?');
  const uniqueIdOf = db.prepare('SELECT UniqueId FROM coworkertimepasses WHERE Id = ?').pluck();

  /** A pass and any PAYG charges on it. */
  const deletePass = db.transaction((passId: number): void => {
    deleteCharges.run(passId);
    deletePassRow.run(passId);
  });

  /**
   * Deletes a check-in and gives back what it alone consumed: a PAYG pass it created (and its
   * charge), or a pass it was the first to use. Other uses of the pass keep it used.
   */
  const deleteCheckin = db.transaction((id: number): void => {
    const checkin = checkinById.get(id) as { Id: number; FromTime: string; CoworkerTimePassGuid: string | null } | undefined;
    if (!checkin) return;
    const pass = checkin.CoworkerTimePassGuid
      ? (passForGuid.get(checkin.CoworkerTimePassGuid) as { Id: number; IsPayAsYouGo: number; UsedDate: string | null } | undefined)
      : undefined;
    const shared = pass ? Number(otherUses.pluck().get(checkin.CoworkerTimePassGuid, id)) > 0 : false;
    deleteCheckinRow.run(id);
    if (!pass || shared) return;
    if (pass.IsPayAsYouGo) deletePass(pass.Id);
    else if (pass.UsedDate === checkin.FromTime) giveBack.run(pass.Id);
    else notCheckedIn.run(pass.Id);
  });

  return {
    deleteCheckin: (id: number) => deleteCheckin(id),
    deletePass: (passId: number) => deletePass(passId),
    insertCheckin: (input: Record<string, unknown>, actor: string, extra: Record<string, SqlValue>) =>
      insertRow(db, checkinsTable, input, actor, 'EUR', extra),
    updateCheckin: (id: number, input: Record<string, unknown>, actor: string, extra: Record<string, SqlValue>) => {
      updateRow(db, checkinsTable, id, input, actor, 'EUR');
      const sets = Object.keys(extra).map((c) => `"${c}" = ?`);
      if (sets.length) prepareCached(db, `UPDATE checkins SET ${sets.join(', ')} WHERE Id = ?`).run(...Object.values(extra), id);
    },
    markPassUsed: (passId: number, usedAt: string, checkedIn: boolean, actor: string) =>
      markUsed.run(usedAt, checkedIn ? 1 : 0, now(), actor, passId),
    checkOutPass: (guid: string, minutes: number, actor: string) => checkOutPass.run(minutes, now(), actor, guid),
    passByGuid: (guid: string) => passByGuid.get(guid) as { Id: number; IsPayAsYouGo: number } | undefined,
    insertPaygPass(
      coworkerId: number,
      businessId: number,
      timePassId: number,
      usedAt: string,
      checkedIn: boolean,
      actor: string,
    ): { id: number; uniqueId: string } {
      const id = insertRow(
        db,
        coworkerTimePassesTable,
        { CoworkerId: coworkerId, BusinessId: businessId, TimePassId: timePassId },
        actor,
        'EUR',
        {
          IsPayAsYouGo: 1,
          Used: 1,
          UsedDate: usedAt,
          CheckedIn: checkedIn ? 1 : 0,
          PriceMinor: 0,
        },
      );
      const uniqueId = String(uniqueIdOf.get(id));
      return { id, uniqueId };
    },
    recordCharge(c: {
      checkinId: number;
      passId: number;
      coworkerId: number;
      businessId: number;
      day: string;
      amount: number;
      currency: string;
    }) {
      upsertCharge.run({ ...c, now: now() });
      repriceePass.run(c.passId, c.passId);
    },
    chargeOf: (checkinId: number) => chargeOf.get(checkinId) as { CheckinDay: string; AmountMinor: number } | undefined,
    passUsedByCheckin: (passId: number): boolean => usedByCheckin.get(passId) !== undefined,
    insertFailedCheckin: (input: Record<string, unknown>, actor: string, extra: Record<string, SqlValue>) =>
      insertRow(db, failedCheckinsTable, input, actor, 'EUR', extra),
  };
}
export type CheckinsRepository = ReturnType<typeof createCheckinsRepository>;
